import type { GpuMetricsRow } from "@livepeer-analytics/core";
import type { z } from "zod";
import type { RowFieldKinds } from "./row-decoder.js";
import { rowSchemaOf } from "./row-fields.js";

/**
 * One row of `GET /v1/gpu/metrics` (serving.md §8.5): exactly the API fields, counters as
 * numbers, ratios/averages/quantiles number or null, `window_start` epoch ms. Field kinds
 * (row-decoder.ts) of core's {@link GpuMetricsRow}, in API order.
 */
export const GPU_METRICS_ROW_FIELDS = {
  window_start: "integer",
  orchestrator_address: "string",
  pipeline: "string",
  model_id: "string",
  gpu_id: "string",
  region: "string",
  gpu_name: "nullableString",
  runner_version: "nullableString",
  cuda_version: "nullableString",
  gpu_memory_total: "nullableInteger",
  status_samples: "integer",
  output_fps_sum: "number",
  output_fps_sq_sum: "number",
  avg_output_fps: "nullableNumber",
  jitter_coeff_fps: "nullableNumber",
  p95_output_fps: "nullableNumber",
  prompt_to_first_frame_ms: "nullableNumber",
  startup_time_ms: "nullableNumber",
  e2e_latency_ms: "nullableNumber",
  p95_prompt_to_first_frame_ms: "nullableNumber",
  p95_startup_time_ms: "nullableNumber",
  p95_e2e_latency_ms: "nullableNumber",
  prompt_to_first_frame_ms_sum: "number",
  startup_time_ms_sum: "number",
  e2e_latency_ms_sum: "number",
  prompt_to_first_frame_sample_count: "integer",
  startup_time_sample_count: "integer",
  e2e_latency_sample_count: "integer",
  known_sessions: "integer",
  unknown_sessions: "integer",
  success_sessions: "integer",
  excused_sessions: "integer",
  unexcused_sessions: "integer",
  confirmed_swapped_sessions: "integer",
  inferred_orchestrator_change_sessions: "integer",
  swapped_sessions: "integer",
  sessions_with_errors: "integer",
  sessions_with_last_error: "integer",
  loading_only_sessions: "integer",
  zero_output_fps_sessions: "integer",
  status_error_samples: "integer",
  health_signal_count: "integer",
  health_expected_signal_count: "integer",
  health_completeness_ratio: "nullableNumber",
  failure_rate: "nullableNumber",
  swap_rate: "nullableNumber",
} as const satisfies RowFieldKinds<GpuMetricsRow>;

/**
 * The zod schema of `GPU_METRICS_ROW_FIELDS`: parses a ClickHouse JSONEachRow row
 * (64-bit integers quoted or not) into core's `GpuMetricsRow`. The typed queries decode their
 * answers with row-decoder.ts instead (same rules, without zod's per-value cost).
 */
export const GpuMetricsRowSchema = rowSchemaOf(GPU_METRICS_ROW_FIELDS) satisfies z.ZodType<
  GpuMetricsRow,
  unknown
>;
