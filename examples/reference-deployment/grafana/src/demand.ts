import type { DashboardSpec } from "./panels.js";
import { avgFps, bucket, complement, demandKeyFilters, feesEth, t } from "./sql.js";
import { GATEWAY, MODEL, PIPELINE } from "./variables.js";

const DEMAND = t("v_api_network_demand");

/** Demand by gateway, pipeline and model; capacity shortfall; usage and fees. */
export const DEMAND_DASHBOARD: DashboardSpec = {
  uid: "lpa-demand",
  title: "Livepeer · Network demand",
  description:
    "GET /v1/network/demand as dashboards: per gateway × region × pipeline × model, hourly (docs/metrics.md).",
  file: "demand",
  variables: [GATEWAY, PIPELINE, MODEL],
  panels: [
    {
      type: "timeseries",
      title: "Demand: served and unserved sessions",
      description: "total_demand_sessions split into served and unserved (missing capacity).",
      stacked: true,
      sql: `SELECT ${bucket()} AS time,
  sum(served_sessions) AS served,
  sum(unserved_sessions) AS unserved
FROM ${DEMAND}
WHERE $__timeFilter(window_start)
  AND ${demandKeyFilters}
GROUP BY time
ORDER BY time`,
    },
    {
      type: "timeseries",
      title: "Startup success and success ratio",
      description:
        "startup_success_ratio = 1 − unexcused / known; success_ratio = 1 − effective_failed / known.",
      unit: "percentunit",
      min: 0,
      max: 1,
      sql: `SELECT ${bucket()} AS time,
  ${complement("unexcused_sessions")} AS startup_success_ratio,
  ${complement("effective_failed_sessions")} AS success_ratio
FROM ${DEMAND}
WHERE $__timeFilter(window_start)
  AND ${demandKeyFilters}
GROUP BY time
ORDER BY time`,
    },
    {
      type: "timeseries",
      title: "Inference minutes by gateway",
      description: "total_inference_minutes = attributed status samples / 60.",
      stacked: true,
      sql: `SELECT ${bucket()} AS time, gateway, sum(status_samples) / 60 AS inference_minutes
FROM ${DEMAND}
WHERE $__timeFilter(window_start)
  AND ${demandKeyFilters}
GROUP BY time, gateway
ORDER BY time`,
    },
    {
      type: "timeseries",
      title: "Fees",
      description: "fee_payment_eth per interval and the number of payments.",
      unit: "none",
      decimals: 6,
      sql: `SELECT ${bucket()} AS time, ${feesEth} AS fee_payment_eth, sum(payment_count) AS payments
FROM ${DEMAND}
WHERE $__timeFilter(window_start)
  AND ${demandKeyFilters}
GROUP BY time
ORDER BY time`,
    },
    {
      type: "piechart",
      title: "Demand by pipeline",
      description: "total_demand_sessions per pipeline over the range.",
      w: 8,
      sql: `SELECT if(pipeline = '', '(unknown)', pipeline) AS pipeline, sum(total_demand_sessions) AS demand_sessions
FROM ${DEMAND}
WHERE $__timeFilter(window_start)
  AND ${demandKeyFilters}
GROUP BY pipeline
ORDER BY demand_sessions DESC`,
    },
    {
      type: "barchart",
      title: "Missing capacity by model",
      description: "missing_capacity_count: known sessions that no orchestrator served, per model.",
      w: 16,
      sql: `SELECT if(model_id = '', '(unknown)', model_id) AS model, sum(missing_capacity_count) AS missing_capacity
FROM ${DEMAND}
WHERE $__timeFilter(window_start)
  AND ${demandKeyFilters}
GROUP BY model
ORDER BY missing_capacity DESC
LIMIT 20`,
    },
    {
      type: "table",
      title: "Demand by gateway, pipeline and model",
      description: "Counters summed over the range and the ratios recomputed from them.",
      w: 24,
      h: 10,
      sql: `SELECT gateway, region, pipeline, model_id,
  sum(total_demand_sessions) AS demand_sessions,
  sum(served_sessions) AS served,
  sum(unserved_sessions) AS unserved,
  sum(unknown_sessions) AS unknown_streams,
  ${complement("unexcused_sessions")} AS startup_success_ratio,
  ${complement("effective_failed_sessions")} AS success_ratio,
  ${avgFps} AS avg_output_fps,
  sum(status_samples) / 60 AS inference_minutes,
  sum(payment_count) AS payments,
  ${feesEth} AS fee_payment_eth
FROM ${DEMAND}
WHERE $__timeFilter(window_start)
  AND ${demandKeyFilters}
GROUP BY gateway, region, pipeline, model_id
ORDER BY demand_sessions DESC, gateway, region, pipeline, model_id
LIMIT 500`,
    },
  ],
};
