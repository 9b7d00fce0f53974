import { describe, it, expect } from "vitest";
import { slaComplianceView } from "../../src/sla/sla-compliance-view.js";
import { mergeInputs, session, status, T, w1Inputs, w2Inputs, X1_SESSIONS } from "./fixtures.js";

const oneSamplePer = (ids: string[], o = {}) =>
  ids.map((id, i) =>
    status({ workflow_session_id: id, source_event_uid: `u${i}`, sample_ts: T + i, ...o }),
  );

describe("SLA compliance view", () => {
  it("X1: four known sessions in one (hour, key)", () => {
    const rows = slaComplianceView(
      {
        sessions: X1_SESSIONS,
        statusSamples: oneSamplePer(X1_SESSIONS.map((s) => s.workflow_session_id)),
      },
      { granularity: "1h" },
    );
    expect(rows).toHaveLength(1);
    const r = rows[0]!;
    expect(r.known_sessions).toBe(4);
    expect(r.success_sessions).toBe(2);
    expect(r.excused_sessions).toBe(1);
    expect(r.unexcused_sessions).toBe(1);
    expect(r.swapped_sessions).toBe(1);
    expect(r.output_failed_sessions).toBe(2);
    expect(r.effective_failed_sessions).toBe(2);
    expect([r.health_signal_count, r.health_expected_signal_count]).toEqual([8, 12]);
    expect(r.health_completeness_ratio).toBeCloseTo(0.6666666666666666, 9);
    expect(r.startup_success_ratio).toBeCloseTo(0.75, 9);
    expect(r.no_swap_ratio).toBeCloseTo(0.75, 9);
    expect(r.output_viability_ratio).toBeCloseTo(0.5, 9);
    expect(r.success_ratio).toBeCloseTo(0.5, 9);
    expect(r.sla_score).toBeCloseTo(43.333333333333336, 9);
  });
  it("X2: only unknown streams → known 0, unknown 2, success 0, every ratio null", () => {
    const sessions = [
      session({
        workflow_session_id: "u1",
        known_stream: 0,
        startup_success: 1,
        health_expected_signal_count: 0,
        health_signal_count: 3,
      }),
      session({
        workflow_session_id: "u2",
        known_stream: 0,
        startup_success: 0,
        health_expected_signal_count: 0,
        health_signal_count: 1,
      }),
    ];
    const [r] = slaComplianceView(
      { sessions, statusSamples: oneSamplePer(["u1", "u2"]) },
      { granularity: "1h" },
    );
    expect([
      r!.known_sessions,
      r!.unknown_sessions,
      r!.success_sessions,
      r!.health_expected_signal_count,
    ]).toEqual([0, 2, 0, 0]);
    for (const k of [
      "health_completeness_ratio",
      "startup_success_ratio",
      "success_ratio",
      "no_swap_ratio",
      "output_viability_ratio",
      "sla_score",
    ] as const)
      expect(r![k], k).toBeNull();
  });
  it("X3: the W2 SLA row has all ratios 1 and sla_score 100; W1 is excluded", () => {
    const rows = slaComplianceView(mergeInputs(w2Inputs(), w1Inputs()), { granularity: "1h" });
    expect(rows).toHaveLength(1);
    const r = rows[0]!;
    expect([
      r.window_start,
      r.orchestrator_address,
      r.pipeline,
      r.model_id,
      r.gpu_id,
      r.region,
    ]).toEqual([T, "0xcanon", "live-video-to-video", "streamdiffusion-sdxl", "GPU-A", ""]);
    expect(r.known_sessions).toBe(1);
    for (const k of [
      "health_completeness_ratio",
      "startup_success_ratio",
      "success_ratio",
      "no_swap_ratio",
      "output_viability_ratio",
    ] as const)
      expect(r[k], k).toBe(1);
    expect(r.sla_score).toBeCloseTo(100, 9);
  });
  it("a session counts once per (hour, key), in every hour and key where it has samples", () => {
    const s = session({ workflow_session_id: "x", session_start_ts: T, session_end_ts: null });
    const samples = [
      status({ workflow_session_id: "x", source_event_uid: "a", sample_ts: T + 1 }),
      status({ workflow_session_id: "x", source_event_uid: "b", sample_ts: T + 2 }),
      status({ workflow_session_id: "x", source_event_uid: "c", sample_ts: T + 3, gpu_id: null }),
      status({ workflow_session_id: "x", source_event_uid: "d", sample_ts: T + 3_600_000 }),
    ];
    const hourly = slaComplianceView(
      { sessions: [s], statusSamples: samples },
      { granularity: "1h" },
    );
    expect(hourly.map((r) => [r.window_start - T, r.gpu_id, r.known_sessions])).toEqual([
      [3_600_000, "GPU-A", 1],
      [0, "", 1],
      [0, "GPU-A", 1],
    ]);
    const daily = slaComplianceView(
      { sessions: [s], statusSamples: samples },
      { granularity: "1d" },
    );
    expect(daily.map((r) => [r.gpu_id, r.known_sessions])).toEqual([
      ["", 1],
      ["GPU-A", 1],
    ]);
  });
  it("tail artifacts place nothing; sessions outside L_sessions and unattributed samples are ignored", () => {
    const H21 = T + 3_600_000;
    const x = session({
      workflow_session_id: "x",
      session_start_ts: T - 1_800_000,
      session_end_ts: H21 + 10_000,
    });
    const old = session({ workflow_session_id: "old", session_start_ts: 946_684_800_000 });
    const samples = [
      status({
        workflow_session_id: "x",
        source_event_uid: "a",
        sample_ts: H21 - 1000,
        state: "LOADING",
        output_fps: 0,
      }),
      status({
        workflow_session_id: "x",
        source_event_uid: "b",
        sample_ts: H21 + 5000,
        state: "LOADING",
        output_fps: 0,
      }),
      status({ workflow_session_id: "old", source_event_uid: "c", sample_ts: H21 }),
      status({
        workflow_session_id: "x",
        source_event_uid: "d",
        sample_ts: H21 + 6000,
        is_attributed: 0,
        orchestrator_address: "",
      }),
    ];
    const rows = slaComplianceView(
      { sessions: [x, old], statusSamples: samples },
      { granularity: "1h" },
    );
    expect(rows.map((r) => [r.window_start - T, r.known_sessions])).toEqual([[0, 1]]);
  });
});
