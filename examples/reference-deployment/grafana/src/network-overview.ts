import type { DashboardSpec } from "./panels.js";
import { avgFps, bucket, complement, feesEth, ratio, shortAddress, slaScore, t } from "./sql.js";

const SLA = t("v_api_sla_compliance");
const DEMAND = t("v_api_network_demand");

/** One-page health of the whole network: SLA, demand, capacity, throughput, fees. */
export const NETWORK_OVERVIEW: DashboardSpec = {
  uid: "lpa-network-overview",
  title: "Livepeer · Network overview",
  description:
    "Network-wide SLA, demand and throughput from the serving views (docs/metrics.md). Ratios are recomputed from summed counters.",
  file: "network-overview",
  variables: [],
  panels: [
    {
      type: "stat",
      title: "SLA score",
      description: "sla_score over every placed session in the range (0–100).",
      w: 4,
      h: 4,
      unit: "none",
      min: 0,
      max: 100,
      decimals: 1,
      sql: `SELECT ${slaScore} AS sla_score
FROM ${SLA}
WHERE $__timeFilter(window_start)`,
    },
    {
      type: "stat",
      title: "Demand sessions",
      description: "total_demand_sessions: known sessions, served or not.",
      w: 4,
      h: 4,
      sql: `SELECT sum(total_demand_sessions) AS demand_sessions
FROM ${DEMAND}
WHERE $__timeFilter(window_start)`,
    },
    {
      type: "stat",
      title: "Missing capacity",
      description: "missing_capacity_count: known sessions no orchestrator served.",
      w: 4,
      h: 4,
      sql: `SELECT sum(missing_capacity_count) AS missing_capacity
FROM ${DEMAND}
WHERE $__timeFilter(window_start)`,
    },
    {
      type: "stat",
      title: "Startup success",
      description: "startup_success_ratio = 1 − unexcused / known over all demand.",
      w: 4,
      h: 4,
      unit: "percentunit",
      decimals: 1,
      sql: `SELECT ${complement("unexcused_sessions")} AS startup_success_ratio
FROM ${DEMAND}
WHERE $__timeFilter(window_start)`,
    },
    {
      type: "stat",
      title: "Inference minutes",
      description: "total_inference_minutes = attributed status samples / 60.",
      w: 4,
      h: 4,
      decimals: 0,
      sql: `SELECT sum(status_samples) / 60 AS inference_minutes
FROM ${DEMAND}
WHERE $__timeFilter(window_start)`,
    },
    {
      type: "stat",
      title: "Fees (ETH)",
      description: "fee_payment_eth: Σ ticket face values / 10^18.",
      w: 4,
      h: 4,
      unit: "none",
      decimals: 4,
      sql: `SELECT ${feesEth} AS fee_payment_eth
FROM ${DEMAND}
WHERE $__timeFilter(window_start)`,
    },
    {
      type: "timeseries",
      title: "SLA score",
      description: "Network sla_score per interval, recomputed from the summed SLA counters.",
      unit: "none",
      min: 0,
      max: 100,
      sql: `SELECT ${bucket()} AS time, ${slaScore} AS sla_score
FROM ${SLA}
WHERE $__timeFilter(window_start)
GROUP BY time
ORDER BY time`,
    },
    {
      type: "timeseries",
      title: "Sessions by startup outcome",
      description: "Known demand sessions: success, excused and unexcused failures, unserved.",
      stacked: true,
      sql: `SELECT ${bucket()} AS time,
  sum(success_sessions) AS success,
  sum(excused_sessions) AS excused,
  sum(unexcused_sessions) AS unexcused,
  sum(unserved_sessions) AS unserved
FROM ${DEMAND}
WHERE $__timeFilter(window_start)
GROUP BY time
ORDER BY time`,
    },
    {
      type: "timeseries",
      title: "Output FPS",
      description: "avg_output_fps = Σ output_fps_sum / Σ status_samples over attributed samples.",
      unit: "suffix: fps",
      sql: `SELECT ${bucket()} AS time, ${avgFps} AS avg_output_fps
FROM ${DEMAND}
WHERE $__timeFilter(window_start)
GROUP BY time
ORDER BY time`,
    },
    {
      type: "timeseries",
      title: "Inference minutes by pipeline",
      description: "total_inference_minutes per pipeline.",
      stacked: true,
      sql: `SELECT ${bucket()} AS time, if(pipeline = '', '(unknown)', pipeline) AS pipeline,
  sum(status_samples) / 60 AS inference_minutes
FROM ${DEMAND}
WHERE $__timeFilter(window_start)
GROUP BY time, pipeline
ORDER BY time`,
    },
    {
      type: "table",
      title: "Orchestrators by SLA score",
      description: "Per orchestrator over the range; lowest score first.",
      w: 24,
      h: 9,
      sql: `SELECT ${shortAddress("orchestrator_address")} AS orchestrator,
  orchestrator_address,
  sum(known_sessions) AS known,
  ${complement("unexcused_sessions")} AS startup_success_ratio,
  ${complement("swapped_sessions")} AS no_swap_ratio,
  ${complement("output_failed_sessions")} AS output_viability_ratio,
  ${ratio("sum(health_signal_count)", "sum(health_expected_signal_count)")} AS health_completeness_ratio,
  ${slaScore} AS sla_score
FROM ${SLA}
WHERE $__timeFilter(window_start)
GROUP BY orchestrator_address
ORDER BY sla_score ASC NULLS FIRST, orchestrator_address
LIMIT 100`,
    },
  ],
};
