import type { SlaComplianceRow } from "@livepeer-analytics/core";
import { z } from "zod";
import {
  integerField as int,
  keyField as key,
  nullableNumberField as ratio,
  windowStartField,
} from "./row-fields.js";

/**
 * One row of `GET /v1/sla/compliance` (serving.md §8.7): exactly the API fields, counters as
 * numbers, ratios and `sla_score` number or null, `window_start` epoch ms. Parses a
 * ClickHouse JSONEachRow row into core's {@link SlaComplianceRow}.
 */
export const SlaComplianceRowSchema = z.strictObject({
  window_start: windowStartField,
  orchestrator_address: key,
  pipeline: key,
  model_id: key,
  gpu_id: key,
  region: key,
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
  output_failed_sessions: int,
  effective_failed_sessions: int,
  status_error_samples: int,
  health_signal_count: int,
  health_expected_signal_count: int,
  health_completeness_ratio: ratio,
  startup_success_ratio: ratio,
  success_ratio: ratio,
  no_swap_ratio: ratio,
  output_viability_ratio: ratio,
  sla_score: ratio,
}) satisfies z.ZodType<SlaComplianceRow, unknown>;
