// W4 (classification) and W5 (swaps) of sessions.md §16, plus §9.1 precedence.
import { describe, expect, it } from "vitest";
import { SnapshotIndex } from "../../src/attribution/snapshot-index.js";
import { deriveSession } from "../../src/sessions/derive-session.js";
import type { LifecycleEvent } from "../../src/sessions/lifecycle-signal.js";
import { aiEvent, snapRow, status, trace } from "./builders.js";

const REQ = "gateway_receive_stream_request";
const FEW = "gateway_receive_few_processed_segments";
const FIRST = "gateway_receive_first_processed_segment";
const none = new SnapshotIndex();
const derive = (events: LifecycleEvent[], idx = none) => deriveSession(events, idx).session;

describe("W4 — classification", () => {
  it("request + few_processed from different hot wallets, no snapshots", () => {
    const s = derive([
      trace({ uid: "e1", ts: 1000, type: REQ, addr: "0xhot1" }),
      trace({ uid: "e2", ts: 2000, type: FEW, addr: "0xhot2" }),
    ]);
    expect(s).toMatchObject({
      known_stream: 1,
      startup_success: 1,
      startup_unexcused: 0,
      confirmed_swap_count: 0,
      inferred_orchestrator_change_count: 0,
      swap_count: 0,
      source_first_event_uid: "e1",
      source_last_event_uid: "e2",
    });
  });

  it("excusable error only → excused", () => {
    const s = derive([
      trace({ uid: "a", ts: 1000, type: REQ }),
      aiEvent({ uid: "b", ts: 2000, type: "error", message: "WHIP disconnected unexpectedly" }),
    ]);
    expect(s).toMatchObject({
      startup_success: 0,
      startup_excused: 1,
      startup_unexcused: 0,
      error_count: 1,
      excusable_error_count: 1,
    });
  });

  it("success outranks the no-orchestrator trace", () => {
    const s = derive([
      trace({ uid: "a", ts: 1000, type: REQ }),
      trace({ uid: "b", ts: 1100, type: FEW }),
      trace({ uid: "c", ts: 1200, type: "gateway_no_orchestrators_available" }),
    ]);
    expect(s).toMatchObject({ startup_success: 1, startup_excused: 0, startup_unexcused: 0 });
  });

  it("one unexcusable error → unexcused", () => {
    const s = derive([
      trace({ uid: "a", ts: 1000, type: REQ }),
      aiEvent({ uid: "b", ts: 1100, type: "error", message: "foo" }),
      aiEvent({ uid: "c", ts: 1200, type: "ERROR", message: "whip disconnected" }),
    ]);
    expect(s).toMatchObject({
      error_count: 2,
      excusable_error_count: 1,
      startup_unexcused: 1,
      startup_excused: 0,
    });
  });

  it("request only → unexcused", () => {
    expect(derive([trace({ uid: "a", ts: 1000, type: REQ })])).toMatchObject({
      startup_unexcused: 1,
      startup_excused: 0,
    });
  });

  it("error 'no orchestrators available' only → excused", () => {
    const s = derive([
      trace({ uid: "a", ts: 1000, type: REQ }),
      aiEvent({ uid: "b", ts: 1100, type: "error", message: "no orchestrators available" }),
    ]);
    expect(s.startup_excused).toBe(1);
  });

  it("two LOADING samples at fps 0", () => {
    const s = derive([
      trace({ uid: "a", ts: 1000, type: REQ }),
      status({ uid: "b", ts: 1100, state: "LOADING", fps: 0 }),
      status({ uid: "c", ts: 1200, state: "loading", fps: 0 }),
    ]);
    expect(s).toMatchObject({
      loading_only_session: 1,
      zero_output_fps_session: 1,
      health_signal_count: 1,
    });
    expect(s.health_completeness_ratio).toBe(1 / 3);
    expect(s.health_completeness_ratio).toBe(0.3333333333333333);
  });

  it("ONLINE fps 20 + processed + playable → health 1.0", () => {
    const s = derive([
      trace({ uid: "a", ts: 1000, type: REQ }),
      status({ uid: "b", ts: 1100, state: "ONLINE", fps: 20 }),
      trace({ uid: "c", ts: 1200, type: FIRST }),
      trace({ uid: "d", ts: 1300, type: FEW }),
    ]);
    expect(s).toMatchObject({
      health_completeness_ratio: 1.0,
      loading_only_session: 0,
      zero_output_fps_session: 0,
    });
  });

  it("unknown stream: few_processed only", () => {
    const s = derive([trace({ uid: "a", ts: 1000, type: FEW })]);
    expect(s).toMatchObject({
      known_stream: 0,
      startup_success: 1,
      startup_excused: 0,
      startup_unexcused: 0,
      health_expected_signal_count: 0,
      health_signal_count: 1,
      health_completeness_ratio: null,
    });
  });

  it("status with last_error", () => {
    const s = derive([
      status({ uid: "a", ts: 1000, lastError: "boom" }),
      status({ uid: "b", ts: 1100, lastError: " " }),
    ]);
    expect(s).toMatchObject({ last_error_occurred: 1, status_error_sample_count: 1 });
  });

  it("status start_time earlier than all signals", () => {
    const f = deriveSession(
      [trace({ uid: "a", ts: 1000, type: REQ }), status({ uid: "b", ts: 2000, startTime: 500 })],
      none,
    );
    expect(f.session.session_start_ts).toBe(500);
    expect(f.latency.sample_ts).toBe(500);
  });
});

describe("W5 — swaps", () => {
  it("hot-wallet change with the same canonical is not a swap", () => {
    const idx = SnapshotIndex.from([
      snapRow({ ts: 1000, uid: "r1", hot: "0xA", canonical: "0xcanonical" }),
      snapRow({ ts: 2000, uid: "r2", hot: "0xB", canonical: "0xcanonical" }),
    ]);
    const s = derive(
      [
        trace({ uid: "a", ts: 1000, type: REQ, addr: "0xA" }),
        trace({ uid: "b", ts: 2000, type: FIRST, addr: "0xB" }),
      ],
      idx,
    );
    expect(s).toMatchObject({
      confirmed_swap_count: 0,
      inferred_orchestrator_change_count: 0,
      swap_count: 0,
    });
  });

  const idx = SnapshotIndex.from([
    snapRow({ ts: 1000, uid: "r1", hot: "0xh1", canonical: "0xcanonical-a" }),
    snapRow({ ts: 2000, uid: "r2", hot: "0xh2", canonical: "0xcanonical-b" }),
  ]);

  it("swap trace + canonical change", () => {
    const s = derive(
      [
        trace({ uid: "a", ts: 1000, type: "orchestrator_swap", addr: "0xh1" }),
        trace({ uid: "b", ts: 2000, type: FIRST, addr: "0xh2" }),
      ],
      idx,
    );
    expect(s).toMatchObject({
      confirmed_swap_count: 1,
      inferred_orchestrator_change_count: 1,
      swap_count: 1,
    });
  });

  it("canonical change without the swap trace", () => {
    const s = derive(
      [
        trace({ uid: "a", ts: 1000, type: REQ, addr: "0xh1" }),
        trace({ uid: "b", ts: 2000, type: FIRST, addr: "0xh2" }),
      ],
      idx,
    );
    expect(s).toMatchObject({
      confirmed_swap_count: 0,
      inferred_orchestrator_change_count: 1,
      swap_count: 0,
    });
  });
});
