import type { NetworkDemandRow } from "@livepeer-analytics/core";
import { z } from "zod";
import {
  decimalStringField,
  integerField as int,
  keyField as key,
  nullableNumberField as ratio,
  numberField as num,
  windowStartField,
} from "./row-fields.js";

/**
 * One row of `GET /v1/network/demand` (serving.md §8.6): exactly the API fields, counters as
 * numbers, ratios number or null, `fee_payment_wei` a decimal string, `window_start` epoch ms.
 * Parses a ClickHouse JSONEachRow row into core's {@link NetworkDemandRow}.
 */
export const NetworkDemandRowSchema = z.strictObject({
  window_start: windowStartField,
  gateway: key,
  region: key,
  pipeline: key,
  model_id: key,
  total_streams: int,
  total_sessions: int,
  status_samples: int,
  output_fps_sum: num,
  avg_output_fps: ratio,
  total_inference_minutes: num,
  known_sessions: int,
  unknown_sessions: int,
  served_sessions: int,
  unserved_sessions: int,
  total_demand_sessions: int,
  missing_capacity_count: int,
  success_sessions: int,
  excused_sessions: int,
  unexcused_sessions: int,
  effective_failed_sessions: int,
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
  startup_success_ratio: ratio,
  success_ratio: ratio,
  payment_count: int,
  fee_payment_wei: decimalStringField,
  fee_payment_eth: num,
}) satisfies z.ZodType<NetworkDemandRow, unknown>;
