import {
  columnsOf,
  componentSql,
  mergeComponentsSql,
  type ComponentColumn,
} from "./component-union.js";
import {
  DEMAND_KEYS,
  demandKeyCtes,
  FALLBACK_JOIN,
  resolvedPipelineSql,
} from "./demand-keys-sql.js";
import { complementSql, ratioSql, sessionCounters } from "./kpi-sql.js";
import {
  bucketMs,
  bucketSql,
  timeRangeFilterSql,
  windowFilterSql,
  type ServingScope,
} from "./serving-scope.js";

/** Session counters of the demand component (serving.md §8.6), in API order. */
const DEMAND_SESSION_COUNTERS = [
  "known_sessions",
  "unknown_sessions",
  "served_sessions",
  "unserved_sessions",
  "success_sessions",
  "excused_sessions",
  "unexcused_sessions",
  "effective_failed_sessions",
  "confirmed_swapped_sessions",
  "inferred_orchestrator_change_sessions",
  "swapped_sessions",
  "sessions_with_errors",
  "sessions_with_last_error",
  "loading_only_sessions",
  "zero_output_fps_sessions",
  "status_error_samples",
  "health_signal_count",
  "health_expected_signal_count",
] as const;

const COLUMNS: readonly ComponentColumn[] = [
  ...columnsOf("count", ["total_streams", "total_sessions", "status_samples"]),
  ...columnsOf("float", ["output_fps_sum"]),
  ...columnsOf("count", DEMAND_SESSION_COUNTERS),
  ...columnsOf("count", ["payment_count"]),
  ...columnsOf("wei", ["fee_wei_sum"]),
];

const KEYS = DEMAND_KEYS;
const GROUP_BY = `GROUP BY window_start, ${KEYS.join(", ")}`;

/**
 * Performance: `L_status` (no artifact filter), bucket of `sample_ts`. Samples are first
 * aggregated per raw key (distinct streams/sessions as mergeable states), then each raw key
 * takes the pipeline fallback of its bucket and the groups are merged per resolved key.
 */
function performanceSql(db: string, scope: ServingScope): string {
  const bucket = bucketSql("sample_ts", bucketMs(scope));
  const raw = `SELECT ${bucket} AS window_start, gateway AS k_gw, ifNull(region, '') AS k_region,
      pipeline AS k_pipe_raw, ifNull(model_id, '') AS k_model,
      uniqExactState(stream_id) AS streams, uniqExactState(workflow_session_id) AS sessions,
      count() AS n, sum(output_fps) AS fps_sum
    FROM ${db}.v_latest_status
    WHERE ${timeRangeFilterSql("sample_ts", scope, 0, bucketMs(scope))} AND ${windowFilterSql(bucket, scope)}
    GROUP BY window_start, k_gw, k_region, k_pipe_raw, k_model`;
  return componentSql(
    KEYS,
    COLUMNS,
    {
      total_streams: "uniqExactMerge(streams)",
      total_sessions: "uniqExactMerge(sessions)",
      status_samples: "sum(n)",
      output_fps_sum: "sum(fps_sum)",
    },
    `FROM (
    SELECT r.*, ${resolvedPipelineSql("r.k_pipe_raw")} AS k_pipe
    FROM (${raw}) AS r LEFT JOIN fb ON ${FALLBACK_JOIN}
  )
  ${GROUP_BY}`,
  );
}

/** Demand: every `L_sessions` row (attributed or not), bucket of `session_start_ts`. */
function demandSql(scope: ServingScope): string {
  const provided = Object.fromEntries(
    sessionCounters(DEMAND_SESSION_COUNTERS).map(([name, expr]) => [name, `sum(${expr})`]),
  );
  return componentSql(
    KEYS,
    COLUMNS,
    provided,
    `FROM dk WHERE ${windowFilterSql("window_start", scope)}
  ${GROUP_BY}`,
  );
}

/**
 * Fees: `L_payments` by payment bucket, on the matched session's resolved key, else on
 * (payment gateway, '', '', ''). A null face value counts a payment and adds nothing.
 */
function feesSql(): string {
  const m = "ifNull(c.matched, 0) = 1";
  const key = (k: string, unmatched: string) =>
    `if(${m}, ifNull(k.${k}, ''), ${unmatched}) AS ${k}`;
  return componentSql(
    KEYS,
    COLUMNS,
    {
      payment_count: "count()",
      fee_wei_sum: "sum(ifNull(face_value_wei, toUInt256(0)))",
    },
    `FROM (
    SELECT p.window_start AS window_start, ${key("k_gw", "p.gateway")}, ${key("k_region", "''")},
      ${key("k_pipe", "''")}, ${key("k_model", "''")}, p.face_value_wei AS face_value_wei
    FROM pay AS p
    LEFT JOIN cand AS c ON c.puid = p.raw_event_uid
    LEFT JOIN dk AS k ON k.workflow_session_id = c.msid
  )
  ${GROUP_BY}`,
  );
}

/** Output columns in serving.md §8.6 order, ratios recomputed from the merged counters. */
function outputColumnsSql(): string {
  const cols = [
    "g.window_start AS window_start",
    "g.k_gw AS gateway",
    "g.k_region AS region",
    "g.k_pipe AS pipeline",
    "g.k_model AS model_id",
    "total_streams",
    "total_sessions",
    "status_samples",
    "output_fps_sum",
    `${ratioSql("output_fps_sum", "status_samples")} AS avg_output_fps`,
    "status_samples / 60 AS total_inference_minutes",
    ...DEMAND_SESSION_COUNTERS.slice(0, 4),
    "served_sessions + unserved_sessions AS total_demand_sessions",
    "unserved_sessions AS missing_capacity_count",
    ...DEMAND_SESSION_COUNTERS.slice(4),
    `${ratioSql("health_signal_count", "health_expected_signal_count")} AS health_completeness_ratio`,
    `${complementSql("unexcused_sessions", "known_sessions")} AS startup_success_ratio`,
    `${complementSql("effective_failed_sessions", "known_sessions")} AS success_ratio`,
    "payment_count",
    "toString(fee_wei_sum) AS fee_payment_wei",
    // ClickHouse parses decimal text correctly rounded, so this is the double nearest to
    // wei / 10^18 (core's weiToEth); a float division would round twice.
    "toFloat64(concat(toString(fee_wei_sum), 'e-18')) AS fee_payment_eth",
  ];
  return cols.join(",\n  ");
}

/**
 * The SELECT of `v_api_network_demand` (serving.md §5, §6.2, §8.6) at any granularity: union of
 * performance (`L_status`, no artifact filter), demand (all `L_sessions`) and fees
 * (`L_payments`, matched to a session by `request_id`) over keys (gateway, region, pipeline,
 * model_id), after the pipeline fallback. `fee_payment_wei` is the exact decimal sum,
 * `fee_payment_eth` the double nearest to it / 10^18; ratios NULL on a zero denominator.
 * When `scope.windowed`, reads the bound `start`/`end` parameters and returns only rows with
 * `start ≤ window_start < end`. Rows are unordered (the typed query orders them).
 * @example networkDemandSelectSql("livepeer_analytics", { granularity: "1h", windowed: false })
 */
export function networkDemandSelectSql(db: string, scope: ServingScope): string {
  const merged = mergeComponentsSql(KEYS, COLUMNS, [
    performanceSql(db, scope),
    demandSql(scope),
    feesSql(),
  ]);
  return `WITH
${demandKeyCtes(db, scope).join(",\n")}
SELECT
  ${outputColumnsSql()}
FROM (
  ${merged}
) AS g`;
}
