import { describe, it, expect } from "vitest";
import { networkDemandView, type NetworkDemandRow } from "../../src/sla/network-demand-view.js";
import { mergeInputs, payment, session, status, T, w1Inputs, w2Inputs } from "./fixtures.js";

const key = (r: NetworkDemandRow) => [r.gateway, r.region, r.pipeline, r.model_id];

describe("X4 — demand", () => {
  const rows = networkDemandView(mergeInputs(w2Inputs(), w1Inputs()), { granularity: "1h" });
  it("two rows in the 20:00 hour, keys sorted by bytes", () => {
    expect(rows.map((r) => [r.window_start, ...key(r)])).toEqual([
      [T, "cloud-spe-ai-live-video-tester-fra", "", "", "streamdiffusion-sdxl"],
      [T, "gw-1", "", "live-video-to-video", "streamdiffusion-sdxl"],
    ]);
  });
  it("W2 row: performance, demand and the matched payment", () => {
    const r = rows[1]!;
    expect(r.total_sessions).toBe(1);
    expect(r.total_streams).toBe(1);
    expect(r.status_samples).toBe(2);
    expect(r.output_fps_sum).toBe(42);
    expect(r.avg_output_fps).toBe(21);
    expect(r.total_inference_minutes).toBeCloseTo(0.03333333333333333, 12);
    expect(r.known_sessions).toBe(1);
    expect(r.served_sessions).toBe(1);
    expect(r.unserved_sessions).toBe(0);
    expect(r.total_demand_sessions).toBe(1);
    expect(r.success_sessions).toBe(1);
    expect(r.startup_success_ratio).toBe(1);
    expect(r.success_ratio).toBe(1);
    expect(r.payment_count).toBe(1);
    expect(r.fee_payment_wei).toBe("2402400000000000");
    expect(r.fee_payment_eth).toBe(0.0024024);
  });
  it("W1 row: unserved, excused, health 0/3, no samples", () => {
    const r = rows[0]!;
    expect(r.known_sessions).toBe(1);
    expect(r.unserved_sessions).toBe(1);
    expect(r.served_sessions).toBe(0);
    expect(r.missing_capacity_count).toBe(1);
    expect(r.excused_sessions).toBe(1);
    expect(r.unexcused_sessions).toBe(0);
    expect(r.effective_failed_sessions).toBe(0);
    expect(r.startup_success_ratio).toBe(1);
    expect(r.success_ratio).toBe(1);
    expect([r.health_signal_count, r.health_expected_signal_count]).toEqual([0, 3]);
    expect(r.health_completeness_ratio).toBe(0);
    expect(r.status_samples).toBe(0);
    expect(r.avg_output_fps).toBeNull();
    expect(r.total_streams).toBe(0);
    expect(r.payment_count).toBe(0);
    expect(r.fee_payment_wei).toBe("0");
    expect(r.fee_payment_eth).toBe(0);
  });
});

describe("pipeline fallback (serving.md §6.2)", () => {
  const base = { model_id: "m", gateway: "gw" };
  it("a single non-empty demand pipeline fills empty demand and performance pipelines", () => {
    const rows = networkDemandView(
      mergeInputs({
        sessions: [
          session({ ...base, workflow_session_id: "a", pipeline: "p1" }),
          session({ ...base, workflow_session_id: "b", pipeline: "" }),
          session({ ...base, workflow_session_id: "c", pipeline: "M" }), // ci-equal to the model → ""
        ],
        statusSamples: [status({ ...base, workflow_session_id: "b", pipeline: "" })],
      }),
      { granularity: "1h" },
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.pipeline).toBe("p1");
    expect(rows[0]!.known_sessions).toBe(3);
    expect(rows[0]!.status_samples).toBe(1);
  });
  it("two distinct non-empty pipelines → no fallback", () => {
    const rows = networkDemandView(
      mergeInputs({
        sessions: [
          session({ ...base, workflow_session_id: "a", pipeline: "p1" }),
          session({ ...base, workflow_session_id: "b", pipeline: "p2" }),
          session({ ...base, workflow_session_id: "c", pipeline: "" }),
        ],
      }),
      { granularity: "1h" },
    );
    expect(rows.map((r) => r.pipeline)).toEqual(["", "p1", "p2"]);
  });
  it("the fallback is per bucket: another hour's pipeline does not fill", () => {
    const rows = networkDemandView(
      mergeInputs({
        sessions: [
          session({ ...base, workflow_session_id: "a", pipeline: "p1", session_start_ts: T }),
          session({
            ...base,
            workflow_session_id: "b",
            pipeline: "",
            session_start_ts: T + 3_600_000,
          }),
        ],
      }),
      { granularity: "1h" },
    );
    expect(rows.map((r) => [r.window_start - T, r.pipeline])).toEqual([
      [3_600_000, ""],
      [0, "p1"],
    ]);
    const daily = networkDemandView(
      mergeInputs({
        sessions: [
          session({ ...base, workflow_session_id: "a", pipeline: "p1", session_start_ts: T }),
          session({
            ...base,
            workflow_session_id: "b",
            pipeline: "",
            session_start_ts: T + 3_600_000,
          }),
        ],
      }),
      { granularity: "1d" },
    );
    expect(daily.map((r) => [r.pipeline, r.known_sessions])).toEqual([["p1", 2]]);
  });
});

describe("fee matching (serving.md §6.2)", () => {
  const sessions = [
    session({
      workflow_session_id: "early",
      request_id: "r",
      gateway: "g-early",
      session_start_ts: T,
    }),
    session({
      workflow_session_id: "late",
      request_id: "r",
      gateway: "g-late",
      session_start_ts: T + 1000,
    }),
    session({
      workflow_session_id: "late-b",
      request_id: "r",
      gateway: "g-late-b",
      session_start_ts: T + 1000,
    }),
  ];
  const fees = (p: ReturnType<typeof payment>[], s = sessions) =>
    networkDemandView(mergeInputs({ sessions: s, payments: p }), { granularity: "1h" })
      .filter((r) => r.payment_count > 0)
      .map((r) => [r.gateway, r.pipeline, r.payment_count, r.fee_payment_wei]);
  it("greatest start ≤ payment time, ties by smaller session id", () => {
    expect(
      fees([payment({ request_id: "r", event_timestamp: T + 5000, face_value_wei: 7n })]),
    ).toEqual([["g-late", "live-video-to-video", 1, "7"]]);
    expect(
      fees([payment({ request_id: "r", event_timestamp: T + 500, face_value_wei: 7n })]),
    ).toEqual([["g-early", "live-video-to-video", 1, "7"]]);
  });
  it("all sessions later than the payment → the smallest start", () => {
    expect(
      fees([payment({ request_id: "r", event_timestamp: T - 5000, face_value_wei: 7n })]),
    ).toEqual([["g-early", "live-video-to-video", 1, "7"]]);
  });
  it("unmatched and empty request ids go to (payment gateway, '', '', ''); null wei counts only", () => {
    const rows = fees([
      payment({ raw_event_uid: "1", request_id: "", gateway: "pg", face_value_wei: 5n }),
      payment({ raw_event_uid: "2", request_id: "nope", gateway: "pg", face_value_wei: 2n ** 70n }),
      payment({ raw_event_uid: "3", request_id: "nope", gateway: "pg", face_value_wei: null }),
      payment({ raw_event_uid: "3", request_id: "nope", gateway: "pg", face_value_wei: null }), // duplicate
    ]);
    expect(rows).toEqual([["pg", "", 3, (2n ** 70n + 5n).toString()]]);
  });
  it("the fee lands in the payment hour with the session's key after its own fallback", () => {
    const s = [
      session({
        workflow_session_id: "a",
        request_id: "ra",
        pipeline: "",
        model_id: "m",
        session_start_ts: T,
      }),
      session({
        workflow_session_id: "b",
        request_id: "rb",
        pipeline: "p1",
        model_id: "m",
        session_start_ts: T,
      }),
    ];
    const rows = networkDemandView(
      mergeInputs({
        sessions: s,
        payments: [
          payment({ request_id: "ra", event_timestamp: T + 7_200_000, face_value_wei: 3n }),
        ],
      }),
      { granularity: "1h" },
    );
    expect(
      rows.map((r) => [r.window_start - T, r.pipeline, r.known_sessions, r.payment_count]),
    ).toEqual([
      [7_200_000, "p1", 0, 1],
      [0, "p1", 2, 0],
    ]);
  });
});
