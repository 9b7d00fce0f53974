import type { GpuMetricsRow } from "@livepeer-analytics/core";
import { z } from "zod";
import {
  integerField as int,
  keyField as key,
  nullableIntegerField,
  nullableNumberField as ratio,
  numberField as num,
  windowStartField,
} from "./row-fields.js";

/**
 * One row of `GET /v1/gpu/metrics` (serving.md §8.5): exactly the API fields, counters as
 * numbers, ratios/averages/quantiles number or null, `window_start` epoch ms. Parses a
 * ClickHouse JSONEachRow row into core's {@link GpuMetricsRow}.
 */
export const GpuMetricsRowSchema = z.strictObject({
  window_start: windowStartField,
  orchestrator_address: key,
  pipeline: key,
  model_id: key,
  gpu_id: key,
  region: key,
  gpu_name: z.string().nullable(),
  runner_version: z.string().nullable(),
  cuda_version: z.string().nullable(),
  gpu_memory_total: nullableIntegerField,
  status_samples: int,
  output_fps_sum: num,
  output_fps_sq_sum: num,
  avg_output_fps: ratio,
  jitter_coeff_fps: ratio,
  p95_output_fps: ratio,
  prompt_to_first_frame_ms: ratio,
  startup_time_ms: ratio,
  e2e_latency_ms: ratio,
  p95_prompt_to_first_frame_ms: ratio,
  p95_startup_time_ms: ratio,
  p95_e2e_latency_ms: ratio,
  prompt_to_first_frame_ms_sum: num,
  startup_time_ms_sum: num,
  e2e_latency_ms_sum: num,
  prompt_to_first_frame_sample_count: int,
  startup_time_sample_count: int,
  e2e_latency_sample_count: int,
  known_sessions: int,
  unknown_sessions: int,
  success_sessions: int,
  excused_sessions: int,
  unexcused_sessions: int,
  confirmed_swapped_sessions: int,
  inferred_orchestrator_change_sessions: int,
  swapped_sessions: int,
  sessions_with_errors: int,
  sessions_with_last_error: int,
  loading_only_sessions: int,
  zero_output_fps_sessions: int,
  status_error_samples: int,
  health_signal_count: int,
  health_expected_signal_count: int,
  health_completeness_ratio: ratio,
  failure_rate: ratio,
  swap_rate: ratio,
}) satisfies z.ZodType<GpuMetricsRow, unknown>;
