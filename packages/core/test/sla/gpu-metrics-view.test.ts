import { describe, it, expect } from "vitest";
import { gpuMetricsView } from "../../src/sla/gpu-metrics-view.js";
import { cudaVersion } from "../../src/sla/gpu-metadata.js";
import {
  capability,
  latency,
  mergeInputs,
  session,
  status,
  T,
  w1Inputs,
  w2Inputs,
  X1_SESSIONS,
} from "./fixtures.js";

describe("X3 — GPU metrics for sessions.md W2", () => {
  const rows = gpuMetricsView(mergeInputs(w2Inputs(), w1Inputs()), { granularity: "1h" });
  it("one row (W1 has no orchestrator and is excluded)", () => {
    expect(rows).toHaveLength(1);
  });
  const r = rows[0]!;
  it("keys and metadata", () => {
    expect(r.window_start).toBe(T);
    expect([r.orchestrator_address, r.pipeline, r.model_id, r.gpu_id, r.region]).toEqual([
      "0xcanon",
      "live-video-to-video",
      "streamdiffusion-sdxl",
      "GPU-A",
      "",
    ]);
    expect(r.gpu_name).toBe("NVIDIA GeForce RTX 4090");
    expect(r.cuda_version).toBe("8.9");
    expect(r.runner_version).toBeNull();
    expect(r.gpu_memory_total).toBeNull();
  });
  it("performance: s1, s2 only (s3 is unattributed)", () => {
    expect(r.status_samples).toBe(2);
    expect(r.output_fps_sum).toBe(42);
    expect(r.output_fps_sq_sum).toBe(884);
    expect(r.avg_output_fps).toBe(21);
    expect(r.p95_output_fps).toBeCloseTo(21.9, 9);
    expect(r.jitter_coeff_fps).toBeCloseTo(0.047619047619047616, 9);
  });
  it("latency 1200 / 800 / 2000 with counts 1", () => {
    expect([r.prompt_to_first_frame_ms, r.startup_time_ms, r.e2e_latency_ms]).toEqual([
      1200, 800, 2000,
    ]);
    expect([r.p95_prompt_to_first_frame_ms, r.p95_startup_time_ms, r.p95_e2e_latency_ms]).toEqual([
      1200, 800, 2000,
    ]);
    expect([r.prompt_to_first_frame_ms_sum, r.startup_time_ms_sum, r.e2e_latency_ms_sum]).toEqual([
      1200, 800, 2000,
    ]);
    expect([
      r.prompt_to_first_frame_sample_count,
      r.startup_time_sample_count,
      r.e2e_latency_sample_count,
    ]).toEqual([1, 1, 1]);
  });
  it("reliability: known 1, success 1, others 0, health 3/3, rates 0", () => {
    expect(r.known_sessions).toBe(1);
    expect(r.success_sessions).toBe(1);
    for (const k of [
      "unknown_sessions",
      "excused_sessions",
      "unexcused_sessions",
      "confirmed_swapped_sessions",
      "inferred_orchestrator_change_sessions",
      "swapped_sessions",
      "sessions_with_errors",
      "sessions_with_last_error",
      "loading_only_sessions",
      "zero_output_fps_sessions",
      "status_error_samples",
    ] as const)
      expect(r[k], k).toBe(0);
    expect([r.health_signal_count, r.health_expected_signal_count]).toEqual([3, 3]);
    expect(r.health_completeness_ratio).toBe(1);
    expect(r.failure_rate).toBe(0);
    expect(r.swap_rate).toBe(0);
  });
});

describe("GPU metrics view rules", () => {
  it("X1 rates in the GPU view: failure 0.25, swap 0.25, health 8/12", () => {
    const [r] = gpuMetricsView(mergeInputs({ sessions: X1_SESSIONS }), { granularity: "1h" });
    expect(r!.known_sessions).toBe(4);
    expect(r!.failure_rate).toBeCloseTo(0.25, 9);
    expect(r!.swap_rate).toBeCloseTo(0.25, 9);
    expect(r!.health_completeness_ratio).toBeCloseTo(0.6666666666666666, 9);
    expect(r!.status_samples).toBe(0);
    expect(r!.avg_output_fps).toBeNull();
    expect(r!.p95_output_fps).toBeNull();
  });
  it("keys need an orchestrator and a GPU (W3: null GPU counts in SLA only)", () => {
    const rows = gpuMetricsView(
      mergeInputs({
        sessions: [session({ gpu_id: null })],
        statusSamples: [status({ gpu_id: null })],
        latency: [latency({ gpu_id: null })],
      }),
      { granularity: "1h" },
    );
    expect(rows).toEqual([]);
  });
  it("latency and reliability keys use canonicalPipeline(pipeline, model_id)", () => {
    const rows = gpuMetricsView(
      mergeInputs({
        sessions: [session({ pipeline: "streamdiffusion-sdxl", model_id: "STREAMDIFFUSION-SDXL" })],
        latency: [
          latency({
            pipeline: "streamdiffusion-sdxl",
            model_id: "STREAMDIFFUSION-SDXL",
            e2e_latency_ms: 5,
            has_e2e_latency: 1,
          }),
        ],
      }),
      { granularity: "1h" },
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.pipeline).toBe("");
    expect(rows[0]!.e2e_latency_ms).toBe(5);
    expect(rows[0]!.known_sessions).toBe(1);
  });
  it("latency values count only with their has_* flag", () => {
    const [r] = gpuMetricsView(
      mergeInputs({
        latency: [
          latency({
            startup_time_ms: 100,
            has_startup_time: 0,
            e2e_latency_ms: 0,
            has_e2e_latency: 1,
          }),
        ],
        sessions: [session()],
      }),
      { granularity: "1h" },
    );
    expect(r!.startup_time_sample_count).toBe(0);
    expect(r!.startup_time_ms).toBeNull();
    expect(r!.e2e_latency_sample_count).toBe(1);
    expect(r!.e2e_latency_ms).toBe(0);
  });
  it("metadata from the latest capability row per (orchestrator, gpu); cuda major only", () => {
    const caps = [
      capability({
        event_timestamp: T + 5,
        raw_event_uid: "b",
        gpu_name: "new",
        gpu_major: 9,
        gpu_minor: null,
        gpu_memory_total: 24,
      }),
      capability({ event_timestamp: T + 5, raw_event_uid: "a", gpu_name: "older-uid" }),
      capability({ event_timestamp: T + 1, raw_event_uid: "z", gpu_name: "old" }),
      capability({ event_timestamp: T + 9, orchestrator_address: "0xother", gpu_name: "other" }),
    ];
    const [r] = gpuMetricsView(
      mergeInputs({ statusSamples: [status()], capabilities: caps, sessions: [session()] }),
      { granularity: "1h" },
    );
    expect(r!.gpu_name).toBe("new");
    expect(r!.cuda_version).toBe("9");
    expect(r!.gpu_memory_total).toBe(24);
    expect(cudaVersion(null, 9)).toBeNull();
  });
  it("granularity 1m buckets samples by minute; rows sorted window desc then keys by bytes", () => {
    const rows = gpuMetricsView(
      mergeInputs({
        sessions: [session()],
        statusSamples: [
          status({ source_event_uid: "a", sample_ts: T + 30_000, gpu_id: "GPU-B" }),
          status({ source_event_uid: "b", sample_ts: T + 61_000 }),
          status({ source_event_uid: "c", sample_ts: T + 1_000 }),
        ],
      }),
      { granularity: "1m" },
    );
    expect(
      rows.map((r) => [r.window_start - T, r.gpu_id, r.status_samples, r.known_sessions]),
    ).toEqual([
      [60_000, "GPU-A", 1, 0],
      [0, "GPU-A", 1, 1],
      [0, "GPU-B", 1, 0],
    ]);
  });
});
