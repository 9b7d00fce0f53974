// W2 (attributed session, late snapshot) and W3 (stale snapshot, D2) of sessions.md §16.
import { describe, expect, it } from "vitest";
import { SnapshotIndex } from "../../src/attribution/snapshot-index.js";
import { deriveSession } from "../../src/sessions/derive-session.js";
import { addEvent, emptySession, finishSession } from "../../src/sessions/session-accumulator.js";
import { snapRow, status, trace } from "./builders.js";

const T = 1772049600000;
const c = { stream: "s-b", request: "r-b", gateway: "gw-1" };
const events = [
  trace({ ...c, uid: "t1", ts: T + 600000, type: "gateway_receive_stream_request" }),
  status({
    ...c,
    uid: "s1",
    ts: T + 601000,
    fps: 20,
    pipeline: "streamdiffusion-sdxl",
    addr: "0xHOT",
    url: "https://o.example",
  }),
  trace({
    ...c,
    uid: "t2",
    ts: T + 601200,
    type: "gateway_receive_first_processed_segment",
    addr: "0xHOT",
  }),
  trace({
    ...c,
    uid: "t3",
    ts: T + 602000,
    type: "gateway_receive_few_processed_segments",
    addr: "0xHOT",
  }),
  status({ ...c, uid: "s2", ts: T + 660000, fps: 22, addr: "0xHOT" }),
  trace({ ...c, uid: "t4", ts: T + 900000, type: "gateway_ingest_stream_closed" }),
  status({ ...c, uid: "s3", ts: T + 900500, fps: 0, addr: "0xHOT" }),
];
const cap = (ts: number) =>
  snapRow({
    ts,
    uid: "cap-1",
    canonical: "0xCANON",
    hot: "0xHOT",
    url: "https://o.example",
    pipeline: "live-video-to-video",
    model: "streamdiffusion-sdxl",
    gpu: "GPU-A",
  });

describe("W2 — attributed session", () => {
  const facts = deriveSession(events, SnapshotIndex.from([cap(T + 60000)]));

  it("session", () => {
    expect(facts.session).toMatchObject({
      orchestrator_address: "0xcanon",
      orchestrator_url: "https://o.example",
      pipeline: "live-video-to-video",
      workflow_id: "live-video-to-video",
      model_id: "streamdiffusion-sdxl",
      gpu_id: "GPU-A",
      gpu_attribution_method: "nearest_prior_snapshot",
      gpu_attribution_confidence: 0.9,
      session_start_ts: T + 600000,
      session_end_ts: T + 900500,
      known_stream: 1,
      startup_success: 1,
      startup_excused: 0,
      startup_unexcused: 0,
      confirmed_swap_count: 0,
      inferred_orchestrator_change_count: 0,
      swap_count: 0,
      status_sample_count: 3,
      loading_only_session: 0,
      zero_output_fps_session: 0,
      health_signal_count: 3,
      health_expected_signal_count: 3,
      health_completeness_ratio: 1.0,
      event_count: 7,
      version: 30064771073n,
      source_first_event_uid: "t1",
      source_last_event_uid: "s3",
    });
  });

  it("latency", () => {
    expect(facts.latency).toMatchObject({
      prompt_to_first_frame_ms: 1200,
      startup_time_ms: 800,
      e2e_latency_ms: 2000,
      has_prompt_to_first_frame: 1,
      has_startup_time: 1,
      has_e2e_latency: 1,
      sample_ts: T + 600000,
      orchestrator_address: "0xcanon",
    });
  });

  it("segment", () => {
    expect(facts.segments).toHaveLength(1);
    expect(facts.segments[0]).toMatchObject({
      segment_index: 0,
      segment_start_ts: T + 600000,
      segment_end_ts: T + 900000,
      reason: "stream_closed",
      orchestrator_address: "0xcanon",
      gpu_id: "GPU-A",
      version: 30064771073n,
    });
  });

  it("status samples and trace edges", () => {
    const st = new Map(facts.statusSamples.map((r) => [r.source_event_uid, r]));
    for (const u of ["s1", "s2"])
      expect(st.get(u)).toMatchObject({
        is_attributed: 1,
        gpu_attribution_method: "segment_window_join",
        gpu_attribution_confidence: 1.0,
        pipeline: "live-video-to-video",
        orchestrator_address: "0xcanon",
        gpu_id: "GPU-A",
      });
    expect(st.get("s3")).toMatchObject({
      is_attributed: 0,
      gpu_attribution_method: "none",
      orchestrator_address: "",
      pipeline: "",
    });
    const te = new Map(facts.traceEdges.map((r) => [r.source_event_uid, r]));
    for (const u of ["t1", "t2", "t3"]) expect(te.get(u)?.is_attributed).toBe(1);
    expect(te.get("t4")?.is_attributed).toBe(0);
  });

  it("coverage", () => {
    const reasons = Object.fromEntries(
      facts.coverage.map((r) => [r.source_event_uid, r.unmatched_reason]),
    );
    expect(reasons).toEqual({
      t1: "awaiting_first_processed_segment_edge",
      s1: "awaiting_first_processed_segment_edge",
      t2: "awaiting_playable_edge",
      t3: "",
      s2: "",
      t4: "",
      s3: "",
    });
  });

  it("late snapshot: unattributed first, re-derived to the result above", () => {
    const index = new SnapshotIndex();
    const acc = emptySession("s-b|r-b");
    for (const e of events) addEvent(acc, e);
    const first = finishSession(acc, index);
    expect(first.session).toMatchObject({
      orchestrator_address: "",
      pipeline: "",
      model_id: "streamdiffusion-sdxl",
      gpu_id: null,
      gpu_attribution_method: "none",
      version: 30064771072n,
    });
    index.add(cap(T + 60000));
    const second = finishSession(acc, index);
    expect(second).toEqual(facts);
    expect(second.version > first.version).toBe(true);
  });
});

describe("W3 — stale snapshot sets identity only", () => {
  const facts = deriveSession(events, SnapshotIndex.from([cap(T - 108000000)]));

  it("session", () => {
    expect(facts.session).toMatchObject({
      orchestrator_address: "0xcanon",
      pipeline: "live-video-to-video",
      model_id: "streamdiffusion-sdxl",
      gpu_id: null,
      gpu_attribution_method: "proxy_address_join",
      gpu_attribution_confidence: 0.4,
    });
  });

  it("status rows attributed with a null GPU", () => {
    const s1 = facts.statusSamples.find((r) => r.source_event_uid === "s1");
    expect(s1).toMatchObject({ is_attributed: 1, gpu_id: null, orchestrator_address: "0xcanon" });
  });
});
