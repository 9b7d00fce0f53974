import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { gpuMetricsView, type GpuMetricsRowOf } from "../../src/sla/gpu-metrics-view.js";
import { networkDemandView, type NetworkDemandRowOf } from "../../src/sla/network-demand-view.js";
import { slaComplianceView } from "../../src/sla/sla-compliance-view.js";
import {
  reaggregateGpuMetrics,
  reaggregateNetworkDemand,
  reaggregateSlaCompliance,
} from "../../src/sla/reaggregate.js";
import { arbScenario } from "./arbitraries.js";
import { mergeInputs, session, status, T, w1Inputs, w2Inputs } from "./fixtures.js";

const NON_ADDITIVE = new Set([
  "p95_output_fps",
  "p95_prompt_to_first_frame_ms",
  "p95_startup_time_ms",
  "p95_e2e_latency_ms",
  "total_streams",
  "total_sessions",
]);

/** Compares two row lists on every field except non-additive ones; numbers with tolerance 1e-9. */
function expectSameAdditive(actual: ReadonlyArray<object>, expected: ReadonlyArray<object>): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => {
    const e = expected[i] as Record<string, unknown>;
    for (const [k, v] of Object.entries(a)) {
      if (NON_ADDITIVE.has(k)) continue;
      const w = e[k];
      if (typeof v === "number" && typeof w === "number") expect(v, k).toBeCloseTo(w, 9);
      else expect(v, k).toEqual(w);
    }
  });
}

describe("re-aggregation (serving.md §7)", () => {
  it("§7 example: two SLA hours combine to startup_success_ratio 0.6", () => {
    const known = (id: string, ts: number, unexcused: 0 | 1) =>
      session({
        workflow_session_id: id,
        session_start_ts: ts,
        startup_success: unexcused === 1 ? 0 : 1,
        startup_unexcused: unexcused,
      });
    const sessions = [
      known("a", T, 1),
      known("b", T, 0),
      known("c", T, 0),
      known("d", T, 0),
      known("e", T + 3_600_000, 1),
    ];
    const statusSamples = sessions.map((s, i) =>
      status({
        workflow_session_id: s.workflow_session_id,
        source_event_uid: `u${i}`,
        sample_ts: s.session_start_ts,
      }),
    );
    const hourly = slaComplianceView({ sessions, statusSamples }, { granularity: "1h" });
    expect(hourly.map((r) => r.startup_success_ratio)).toEqual([0, 0.75]);
    const [daily] = reaggregateSlaCompliance(hourly, { granularity: "1d" });
    expect(daily!.known_sessions).toBe(5);
    expect(daily!.startup_success_ratio).toBeCloseTo(0.6, 12);
  });
  it("dropping model_id and gateway on demand rows sums counters and fees; distinct counts become null", () => {
    const rows = networkDemandView(mergeInputs(w2Inputs(), w1Inputs()), { granularity: "1h" });
    const out = reaggregateNetworkDemand(rows, { granularity: "1h", keys: ["region"] });
    expect(out).toHaveLength(1);
    const r = out[0]!;
    expect([r.gateway, r.region, r.pipeline, r.model_id]).toEqual([null, "", null, null]);
    expect(r.known_sessions).toBe(2);
    expect(r.served_sessions).toBe(1);
    expect(r.unserved_sessions).toBe(1);
    expect(r.success_ratio).toBe(1);
    expect(r.health_completeness_ratio).toBe(0.5);
    expect(r.fee_payment_wei).toBe("2402400000000000");
    expect(r.fee_payment_eth).toBe(0.0024024);
    expect(r.total_streams).toBeNull();
  });
  it("single-row groups keep p95s and metadata; dropping gpu_id nulls metadata", () => {
    const rows = gpuMetricsView(w2Inputs(), { granularity: "1h" });
    const [same] = reaggregateGpuMetrics(rows, { granularity: "1d" });
    expect(same!.window_start).toBe(Date.UTC(2026, 1, 25));
    expect(same!.p95_output_fps).toBeCloseTo(21.9, 9);
    expect(same!.gpu_name).toBe("NVIDIA GeForce RTX 4090");
    const doubled = reaggregateGpuMetrics([...rows, { ...rows[0]!, window_start: T + 3_600_000 }], {
      granularity: "1d",
      keys: ["orchestrator_address", "pipeline"],
    });
    expect(doubled[0]!.status_samples).toBe(4);
    expect(doubled[0]!.avg_output_fps).toBe(21);
    expect(doubled[0]!.p95_output_fps).toBeNull();
    expect(doubled[0]!.gpu_name).toBeNull();
    expect(doubled[0]!.gpu_id).toBeNull();
  });
});

describe("re-aggregation properties", () => {
  it("GPU metrics: hourly rows re-aggregated to 1d equal the 1d view (additive + recomputed)", () => {
    fc.assert(
      fc.property(arbScenario({ pipelines: ["", "live-video-to-video", "m1", "M2"] }), (inputs) => {
        const hourly = gpuMetricsView(inputs, { granularity: "1h" });
        const daily = gpuMetricsView(inputs, { granularity: "1d" });
        expectSameAdditive(reaggregateGpuMetrics(hourly, { granularity: "1d" }), daily);
        const minutes = gpuMetricsView(inputs, { granularity: "5m" });
        expectSameAdditive(reaggregateGpuMetrics(minutes, { granularity: "1h" }), hourly);
      }),
      { numRuns: 200 },
    );
  });
  it("demand (no pipeline fallback): hourly rows re-aggregated to 1d equal the 1d view", () => {
    fc.assert(
      fc.property(
        arbScenario({ pipelines: ["live-video-to-video", "text-to-image"] }),
        (inputs) => {
          const hourly: NetworkDemandRowOf<string | null, number | null>[] = networkDemandView(
            inputs,
            { granularity: "1h" },
          );
          const daily = networkDemandView(inputs, { granularity: "1d" });
          expectSameAdditive(reaggregateNetworkDemand(hourly, { granularity: "1d" }), daily);
        },
      ),
      { numRuns: 200 },
    );
  });
  it("dropping a key equals dropping it from the 1d view", () => {
    fc.assert(
      fc.property(arbScenario({ pipelines: ["", "live-video-to-video"] }), (inputs) => {
        const hourly: GpuMetricsRowOf<string | null>[] = gpuMetricsView(inputs, {
          granularity: "1h",
        });
        const keys = ["orchestrator_address", "gpu_id"] as const;
        const viaHourly = reaggregateGpuMetrics(hourly, { granularity: "1d", keys });
        const viaDaily = reaggregateGpuMetrics(gpuMetricsView(inputs, { granularity: "1d" }), {
          granularity: "1d",
          keys,
        });
        expectSameAdditive(viaHourly, viaDaily);
      }),
      { numRuns: 200 },
    );
  });
});
