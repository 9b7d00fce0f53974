import type { SlaGranularity } from "@livepeer-analytics/core";
import {
  complementSql,
  ratioSql,
  SESSION_FLAG_COLUMNS,
  sessionCounters,
  slaScoreSql,
} from "./kpi-sql.js";
import { windowFilterSql, type ServingScope } from "./serving-scope.js";
import { cleanStatusCtes, PLACEMENT_KEYS } from "./tail-artifact-sql.js";

/** A scope of the SLA view: only `1h` and `1d` buckets (serving.md §8.1). */
export interface SlaScope extends ServingScope {
  readonly granularity: SlaGranularity;
}

/** Session counters of the SLA view (serving.md §8.7), in API order. */
const SLA_SESSION_COUNTERS = [
  "known_sessions",
  "unknown_sessions",
  "success_sessions",
  "excused_sessions",
  "unexcused_sessions",
  "confirmed_swapped_sessions",
  "inferred_orchestrator_change_sessions",
  "swapped_sessions",
  "sessions_with_errors",
  "sessions_with_last_error",
  "loading_only_sessions",
  "zero_output_fps_sessions",
  "output_failed_sessions",
  "effective_failed_sessions",
  "status_error_samples",
  "health_signal_count",
  "health_expected_signal_count",
] as const;

const KEYS = PLACEMENT_KEYS;

/** `placed`: distinct (bucket, session, key) of the artifact-free samples in scope. */
function placementCte(scope: ServingScope): string {
  return `placed AS (
  SELECT DISTINCT window_start, sid, ${KEYS.join(", ")}
  FROM clean
  WHERE ${windowFilterSql("window_start", scope)}
)`;
}

/** Per (bucket, key): the gated flags of every placed `L_sessions` row, each counted once. */
function placedSessionsSql(db: string): string {
  const sums = sessionCounters(SLA_SESSION_COUNTERS).map(([n, e]) => `sum(${e}) AS ${n}`);
  const keys = KEYS.map((k) => `p.${k} AS ${k}`).join(", ");
  return `SELECT p.window_start AS window_start, ${keys},
    ${sums.join(",\n    ")}
  FROM placed AS p
  INNER JOIN (
    SELECT workflow_session_id, ${SESSION_FLAG_COLUMNS.join(", ")} FROM ${db}.v_latest_sessions
  ) AS s ON s.workflow_session_id = p.sid
  GROUP BY window_start, ${KEYS.join(", ")}`;
}

/** Output columns in serving.md §8.7 order, ratios and `sla_score` from the counters. */
function outputColumnsSql(): string {
  const cols = [
    "g.window_start AS window_start",
    "g.k_orch AS orchestrator_address",
    "g.k_pipe AS pipeline",
    "g.k_model AS model_id",
    "g.k_gpu AS gpu_id",
    "g.k_region AS region",
    ...SLA_SESSION_COUNTERS,
    `${ratioSql("health_signal_count", "health_expected_signal_count")} AS health_completeness_ratio`,
    `${complementSql("unexcused_sessions", "known_sessions")} AS startup_success_ratio`,
    `${complementSql("effective_failed_sessions", "known_sessions")} AS success_ratio`,
    `${complementSql("swapped_sessions", "known_sessions")} AS no_swap_ratio`,
    `${complementSql("output_failed_sessions", "known_sessions")} AS output_viability_ratio`,
    `${slaScoreSql()} AS sla_score`,
  ];
  return cols.join(",\n  ");
}

/**
 * The SELECT of `v_api_sla_compliance` (serving.md §5, §6.3, §8.7) at `1h` or `1d`: each
 * `L_sessions` row is placed once in every (bucket, key) where it has an attributed,
 * non-artifact `L_status` sample (artifacts decided on 1-hour buckets, §5.1) and contributes
 * its gated §3 flags; ratios and `sla_score` recomputed, NULL on a zero denominator.
 * When `scope.windowed`, reads the bound `start`/`end` parameters and returns only rows with
 * `start ≤ window_start < end`. Rows are unordered (the typed query orders them).
 * @example slaComplianceSelectSql("livepeer_analytics", { granularity: "1d", windowed: true })
 */
export function slaComplianceSelectSql(db: string, scope: SlaScope): string {
  const ctes = [...cleanStatusCtes(db, scope), placementCte(scope)];
  return `WITH
${ctes.join(",\n")}
SELECT
  ${outputColumnsSql()}
FROM (
  ${placedSessionsSql(db)}
) AS g`;
}
