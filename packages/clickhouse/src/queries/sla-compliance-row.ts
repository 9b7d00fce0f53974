import type { SlaComplianceRow } from "@livepeer-analytics/core";
import type { z } from "zod";
import type { RowFieldKinds } from "./row-decoder.js";
import { rowSchemaOf } from "./row-fields.js";

/**
 * One row of `GET /v1/sla/compliance` (serving.md §8.7): exactly the API fields, counters as
 * numbers, ratios and `sla_score` number or null, `window_start` epoch ms. Field kinds
 * (row-decoder.ts) of core's {@link SlaComplianceRow}, in API order.
 */
export const SLA_COMPLIANCE_ROW_FIELDS = {
  window_start: "integer",
  orchestrator_address: "string",
  pipeline: "string",
  model_id: "string",
  gpu_id: "string",
  region: "string",
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
  output_failed_sessions: "integer",
  effective_failed_sessions: "integer",
  status_error_samples: "integer",
  health_signal_count: "integer",
  health_expected_signal_count: "integer",
  health_completeness_ratio: "nullableNumber",
  startup_success_ratio: "nullableNumber",
  success_ratio: "nullableNumber",
  no_swap_ratio: "nullableNumber",
  output_viability_ratio: "nullableNumber",
  sla_score: "nullableNumber",
} as const satisfies RowFieldKinds<SlaComplianceRow>;

/**
 * The zod schema of `SLA_COMPLIANCE_ROW_FIELDS`: parses a ClickHouse JSONEachRow row
 * (64-bit integers quoted or not) into core's `SlaComplianceRow`. The typed queries decode their
 * answers with row-decoder.ts instead (same rules, without zod's per-value cost).
 */
export const SlaComplianceRowSchema = rowSchemaOf(SLA_COMPLIANCE_ROW_FIELDS) satisfies z.ZodType<
  SlaComplianceRow,
  unknown
>;
