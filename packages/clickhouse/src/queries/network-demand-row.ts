import type { NetworkDemandRow } from "@livepeer-analytics/core";
import type { z } from "zod";
import type { RowFieldKinds } from "./row-decoder.js";
import { rowSchemaOf } from "./row-fields.js";

/**
 * One row of `GET /v1/network/demand` (serving.md §8.6): exactly the API fields, counters as
 * numbers, ratios number or null, `fee_payment_wei` a decimal string, `window_start` epoch ms.
 * Field kinds (row-decoder.ts) of core's {@link NetworkDemandRow}, in API order.
 */
export const NETWORK_DEMAND_ROW_FIELDS = {
  window_start: "integer",
  gateway: "string",
  region: "string",
  pipeline: "string",
  model_id: "string",
  total_streams: "integer",
  total_sessions: "integer",
  status_samples: "integer",
  output_fps_sum: "number",
  avg_output_fps: "nullableNumber",
  total_inference_minutes: "number",
  known_sessions: "integer",
  unknown_sessions: "integer",
  served_sessions: "integer",
  unserved_sessions: "integer",
  total_demand_sessions: "integer",
  missing_capacity_count: "integer",
  success_sessions: "integer",
  excused_sessions: "integer",
  unexcused_sessions: "integer",
  effective_failed_sessions: "integer",
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
  startup_success_ratio: "nullableNumber",
  success_ratio: "nullableNumber",
  payment_count: "integer",
  fee_payment_wei: "decimalString",
  fee_payment_eth: "number",
} as const satisfies RowFieldKinds<NetworkDemandRow>;

/**
 * The zod schema of `NETWORK_DEMAND_ROW_FIELDS`: parses a ClickHouse JSONEachRow row
 * (64-bit integers quoted or not) into core's `NetworkDemandRow`. The typed queries decode their
 * answers with row-decoder.ts instead (same rules, without zod's per-value cost).
 */
export const NetworkDemandRowSchema = rowSchemaOf(NETWORK_DEMAND_ROW_FIELDS) satisfies z.ZodType<
  NetworkDemandRow,
  unknown
>;
