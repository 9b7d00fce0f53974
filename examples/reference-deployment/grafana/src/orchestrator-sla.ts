import type { DashboardSpec } from "./panels.js";
import {
  bucket,
  complement,
  gpuKeyFilters,
  healthRatio,
  pick,
  ratio,
  shortAddress,
  slaScore,
  t,
} from "./sql.js";
import { GPU, MODEL, ORCHESTRATOR, PIPELINE } from "./variables.js";

const SLA = t("v_api_sla_compliance");

/** SLA compliance of chosen orchestrators, its components, and the sessions that hurt it. */
export const ORCHESTRATOR_SLA: DashboardSpec = {
  uid: "lpa-orchestrator-sla",
  title: "Livepeer · Orchestrator SLA drill-down",
  description:
    "GET /v1/sla/compliance as dashboards: per orchestrator × pipeline × model × GPU, hourly (docs/metrics.md).",
  file: "orchestrator-sla",
  variables: [ORCHESTRATOR, PIPELINE, MODEL, GPU],
  panels: [
    {
      type: "timeseries",
      title: "SLA score by orchestrator",
      description: "sla_score per orchestrator and interval (sessions count once per hour placed).",
      w: 24,
      unit: "none",
      min: 0,
      max: 100,
      sql: `SELECT ${bucket()} AS time, ${shortAddress("orchestrator_address")} AS orchestrator,
  ${slaScore} AS sla_score
FROM ${SLA}
WHERE $__timeFilter(window_start)
  AND ${gpuKeyFilters}
GROUP BY time, orchestrator_address
ORDER BY time`,
    },
    {
      type: "timeseries",
      title: "SLA components",
      description:
        "The ratios in sla_score: health completeness × (0.4 startup success + 0.2 no swap + 0.4 output viability).",
      unit: "percentunit",
      min: 0,
      max: 1,
      sql: `SELECT ${bucket()} AS time,
  ${healthRatio} AS health_completeness_ratio,
  ${complement("unexcused_sessions")} AS startup_success_ratio,
  ${complement("swapped_sessions")} AS no_swap_ratio,
  ${complement("output_failed_sessions")} AS output_viability_ratio,
  ${complement("effective_failed_sessions")} AS success_ratio
FROM ${SLA}
WHERE $__timeFilter(window_start)
  AND ${gpuKeyFilters}
GROUP BY time
ORDER BY time`,
    },
    {
      type: "timeseries",
      title: "Session outcomes",
      description: "Known sessions placed per interval and what went wrong.",
      stacked: true,
      sql: `SELECT ${bucket()} AS time,
  sum(success_sessions) AS success,
  sum(excused_sessions) AS excused,
  sum(unexcused_sessions) AS unexcused,
  sum(swapped_sessions) AS swapped,
  sum(output_failed_sessions) AS output_failed
FROM ${SLA}
WHERE $__timeFilter(window_start)
  AND ${gpuKeyFilters}
GROUP BY time
ORDER BY time`,
    },
    {
      type: "table",
      title: "SLA by orchestrator, pipeline, model and GPU",
      description: "Counters summed over the range and the ratios recomputed from them.",
      w: 24,
      h: 10,
      sql: `SELECT orchestrator_address, pipeline, model_id, gpu_id, region,
  sum(known_sessions) AS known,
  sum(success_sessions) AS success,
  sum(excused_sessions) AS excused,
  sum(unexcused_sessions) AS unexcused,
  sum(swapped_sessions) AS swapped,
  sum(output_failed_sessions) AS output_failed,
  sum(status_error_samples) AS error_samples,
  ${healthRatio} AS health_completeness_ratio,
  ${ratio("sum(unexcused_sessions)", "sum(known_sessions)")} AS failure_rate,
  ${slaScore} AS sla_score
FROM ${SLA}
WHERE $__timeFilter(window_start)
  AND ${gpuKeyFilters}
GROUP BY orchestrator_address, pipeline, model_id, gpu_id, region
ORDER BY sla_score ASC NULLS FIRST, orchestrator_address, pipeline, model_id, gpu_id
LIMIT 500`,
    },
    {
      type: "table",
      title: "Problem sessions",
      description:
        "Latest version of known sessions with an unexcused startup failure, a swap, no output or errors.",
      w: 24,
      h: 10,
      interval: "1m",
      sql: `SELECT session_start_ts, workflow_session_id, stream_id, gateway,
  orchestrator_address, pipeline, ifNull(model_id, '') AS model_id, ifNull(gpu_id, '') AS gpu_id,
  startup_unexcused, startup_excused, confirmed_swap_count + inferred_orchestrator_change_count AS swaps,
  loading_only_session, zero_output_fps_session, error_count, health_completeness_ratio
FROM ${t("v_latest_sessions")}
WHERE $__timeFilter(session_start_ts)
  AND known_stream = 1
  AND (startup_unexcused = 1 OR confirmed_swap_count > 0 OR inferred_orchestrator_change_count > 0
       OR loading_only_session = 1 OR zero_output_fps_session = 1 OR error_count > 0)
  AND ${pick("orchestrator_address", "orchestrator")}
  AND ${pick("ifNull(gpu_id, '')", "gpu")}
ORDER BY session_start_ts DESC
LIMIT 200`,
    },
  ],
};
