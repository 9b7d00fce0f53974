import { HOUR_MS } from "@livepeer-analytics/core";
import {
  bucketMs,
  bucketSql,
  hourSql,
  START_PARAM,
  timeRangeFilterSql,
  type ServingScope,
} from "./serving-scope.js";

/** Key columns of a status sample in the GPU-metrics/SLA form (serving.md §5), nulls → `''`. */
export const PLACEMENT_KEYS = ["k_orch", "k_pipe", "k_model", "k_gpu", "k_region"] as const;

const KEYS = PLACEMENT_KEYS.join(", ");
const RUNNING = "('ONLINE', 'DEGRADED_INFERENCE', 'DEGRADED_INPUT')";

/**
 * `grp`: `L_status` samples (attributed, latest version) aggregated per (session, 1-hour bucket
 * `h_start`, view bucket `window_start`, placement key): sample count `n`, `working` count
 * (fps > 0 or a running state: the samples that break `noWork`), fps sum, sum of squares and
 * values. One pass over the samples; windowed scopes read two hours before the window (the
 * previous hour of a tail decision) and one hour past its last bucket (the rest of its hour).
 */
function statusGroupsCte(db: string, scope: ServingScope): string {
  const range = timeRangeFilterSql("sample_ts", scope, 2 * HOUR_MS, bucketMs(scope) + HOUR_MS);
  return `grp AS (
  SELECT workflow_session_id AS sid, ${hourSql("sample_ts")} AS h_start,
    ${bucketSql("sample_ts", bucketMs(scope))} AS window_start,
    orchestrator_address AS k_orch, pipeline AS k_pipe, ifNull(model_id, '') AS k_model,
    ifNull(gpu_id, '') AS k_gpu, ifNull(region, '') AS k_region,
    count() AS n, countIf(output_fps > 0 OR state IN ${RUNNING}) AS working,
    sum(output_fps) AS fps_sum, sum(output_fps * output_fps) AS fps_sq,
    groupArray(output_fps) AS fps
  FROM ${db}.v_latest_status
  WHERE ${range}
  GROUP BY sid, h_start, window_start, ${KEYS}
)`;
}

/**
 * `ends`: sessions of `L_sessions` that can own a tail artifact, with `end_h`, the hour of
 * `session_end_ts` (`has_end` marks a join match whatever the engine's `join_use_nulls`).
 * H ≤ session_end_ts < H + 1 h pins the artifact hour H to `end_h`, and the session must have
 * started before it (serving.md §5.1).
 */
function sessionEndsCte(db: string, scope: ServingScope): string {
  const endH = hourSql("assumeNotNull(session_end_ts)");
  const recent = scope.windowed
    ? ` AND session_end_ts >= ${START_PARAM} - toIntervalMillisecond(${2 * HOUR_MS})`
    : "";
  return `ends AS (
  SELECT workflow_session_id AS sid, ${endH} AS end_h, 1 AS has_end
  FROM ${db}.v_latest_sessions
  WHERE session_end_ts IS NOT NULL AND session_start_ts < ${endH}${recent}
)`;
}

/**
 * `clean`: the `grp` rows outside terminal-tail artifacts (serving.md §5.1). Rows in their
 * session's `end_h` are an artifact when, under the same key, `end_h` is `noWork` (no working
 * sample, fewer than 3) and `end_h − 1 h` has samples and is `noWork`; the per-(session, key)
 * totals come from window functions over the (small) group rows.
 */
const CLEAN_CTE = `clean AS (
  SELECT sid, window_start, ${KEYS}, n, fps_sum, fps_sq, fps
  FROM (
    SELECT *,
      sumIf(n, in_end) OVER sk AS n_end, sumIf(working, in_end) OVER sk AS w_end,
      sumIf(n, in_prev) OVER sk AS n_prev, sumIf(working, in_prev) OVER sk AS w_prev
    FROM (
      SELECT g.*, ifNull(e.has_end = 1 AND e.end_h = g.h_start, 0) AS in_end,
        ifNull(e.has_end = 1 AND e.end_h - toIntervalHour(1) = g.h_start, 0) AS in_prev
      FROM grp AS g LEFT JOIN ends AS e ON e.sid = g.sid
    )
    WINDOW sk AS (PARTITION BY sid, ${KEYS})
  )
  WHERE NOT (in_end AND n_end < 3 AND w_end = 0 AND n_prev > 0 AND n_prev < 3 AND w_prev = 0)
)`;

/**
 * The CTEs `grp`, `ends`, `clean` (in that order). `clean` holds the `L_status` samples that
 * GPU-metrics performance and SLA placement use, grouped per (session `sid`, `window_start`,
 * {@link PLACEMENT_KEYS}) with `n` samples, `fps_sum`, `fps_sq` and the `fps` values. The
 * artifact decision is always taken on 1-hour buckets (serving.md §5.1, §8.1).
 */
export function cleanStatusCtes(db: string, scope: ServingScope): string[] {
  return [statusGroupsCte(db, scope), sessionEndsCte(db, scope), CLEAN_CTE];
}
