import { SESSION_FLAG_COLUMNS } from "./kpi-sql.js";
import { canonicalPipelineSql } from "./pipeline-sql.js";
import { bucketMs, bucketSql, windowFilterSql, type ServingScope } from "./serving-scope.js";

/**
 * The CTEs that give every demand-side row its (gateway, region, pipeline, model_id) key
 * (serving.md §6.2): payments in scope, fee matching, the sessions with their resolved key,
 * and the pipeline fallback index.
 */

/** Demand key columns inside the demand view, in API order (gateway, region, pipeline, model). */
export const DEMAND_KEYS = ["k_gw", "k_region", "k_pipe", "k_model"] as const;

/** The fallback partition: (bucket, gateway, region, model_id) of the demand component. */
const FALLBACK_GROUP = "window_start, k_gw, k_region, k_model";

/** `pay`: `L_payments` whose bucket is in scope. */
function paymentsCte(db: string, scope: ServingScope): string {
  const bucket = bucketSql("event_timestamp", bucketMs(scope));
  return `pay AS (
  SELECT raw_event_uid, event_timestamp, gateway, request_id, face_value_wei, ${bucket} AS window_start
  FROM ${db}.v_latest_payments
  WHERE ${windowFilterSql(bucket, scope)}
)`;
}

/**
 * `cand`: per payment with a non-empty `request_id`, the matched `L_sessions` row `msid`: the
 * greatest `session_start_ts ≤` the payment time, else the smallest `session_start_ts`, ties
 * by the smaller `workflow_session_id` (byte order).
 */
function feeMatchCte(db: string): string {
  const start = "toUnixTimestamp64Milli(s.session_start_ts)";
  const prior = "s.session_start_ts <= p.event_timestamp";
  const rank = `tuple(NOT (${prior}), if(${prior}, -${start}, ${start}), s.workflow_session_id)`;
  return `cand AS (
  SELECT p.raw_event_uid AS puid, argMin(s.workflow_session_id, ${rank}) AS msid, 1 AS matched
  FROM pay AS p
  INNER JOIN (
    SELECT workflow_session_id, request_id, session_start_ts FROM ${db}.v_latest_sessions
    WHERE request_id != ''
  ) AS s ON s.request_id = p.request_id
  WHERE p.request_id != ''
  GROUP BY p.raw_event_uid
)`;
}

/**
 * `dk`: every `L_sessions` row with its bucket, raw demand key (`k_pipe0`, canonical pipeline
 * before the fallback) and resolved key `k_pipe` (serving.md §6.2): an empty pipeline takes
 * the single distinct non-empty `k_pipe0` of its (bucket, gateway, region, model_id), computed
 * in the same pass by window functions; then `canonicalPipeline` again. All sessions, not only
 * the window's: a matched payment lands on its session's key whenever the session started.
 */
function resolvedSessionsCte(db: string, scope: ServingScope): string {
  const bucket = bucketSql("session_start_ts", bucketMs(scope));
  const filled = "if(k_pipe0 = '', if(fb_n = 1, fb_pipe, ''), k_pipe0)";
  return `dk AS (
  SELECT *, ${canonicalPipelineSql(filled, "k_model")} AS k_pipe
  FROM (
    SELECT *,
      uniqExactIf(k_pipe0, k_pipe0 != '') OVER fbw AS fb_n,
      anyIf(k_pipe0, k_pipe0 != '') OVER fbw AS fb_pipe
    FROM (
      SELECT workflow_session_id, ${SESSION_FLAG_COLUMNS.join(", ")},
        ${bucket} AS window_start, gateway AS k_gw, ifNull(region, '') AS k_region,
        ${canonicalPipelineSql("pipeline", "model_id")} AS k_pipe0, ifNull(model_id, '') AS k_model
      FROM ${db}.v_latest_sessions
    )
    WINDOW fbw AS (PARTITION BY ${FALLBACK_GROUP})
  )
)`;
}

/**
 * `fb`: the pipeline fallback index per (bucket, gateway, region, model_id): the single
 * distinct non-empty demand pipeline, `''` when there are several.
 */
const FALLBACK_CTE = `fb AS (
  SELECT ${FALLBACK_GROUP}, if(uniqExact(k_pipe0) = 1, any(k_pipe0), '') AS fb_pipe
  FROM dk WHERE k_pipe0 != ''
  GROUP BY ${FALLBACK_GROUP}
)`;

/** Join condition of a row aliased `r` with its fallback entry `fb`. */
export const FALLBACK_JOIN =
  "fb.window_start = r.window_start AND fb.k_gw = r.k_gw AND fb.k_region = r.k_region AND fb.k_model = r.k_model";

/**
 * The resolved pipeline of a row aliased `r` joined to `fb`: an empty `raw` pipeline takes the
 * fallback, then `canonicalPipeline` is applied again.
 */
export function resolvedPipelineSql(raw: string): string {
  return canonicalPipelineSql(`if(${raw} = '', ifNull(fb.fb_pipe, ''), ${raw})`, "r.k_model");
}

/** The CTEs `pay`, `cand`, `dk`, `fb`, in dependency order. */
export function demandKeyCtes(db: string, scope: ServingScope): string[] {
  return [paymentsCte(db, scope), feeMatchCte(db), resolvedSessionsCte(db, scope), FALLBACK_CTE];
}
