import {
  columnsOf,
  componentSql,
  mergeComponentsSql,
  type ComponentColumn,
} from "./component-union.js";
import { jitterSql, p95IfSql, ratioSql, SESSION_FLAG_COLUMNS, sessionCounters } from "./kpi-sql.js";
import { canonicalPipelineSql } from "./pipeline-sql.js";
import { bucketMs, bucketSql, windowFilterSql, type ServingScope } from "./serving-scope.js";
import { cleanStatusCtes, PLACEMENT_KEYS } from "./tail-artifact-sql.js";

/** Session counters of the reliability component (serving.md §8.5), in API order. */
const GPU_SESSION_COUNTERS = [
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
  "status_error_samples",
  "health_signal_count",
  "health_expected_signal_count",
] as const;

/** The three latency metrics: (value column, `has_*` flag, API name stem of the count). */
const LATENCY = [
  ["prompt_to_first_frame_ms", "has_prompt_to_first_frame", "prompt_to_first_frame"],
  ["startup_time_ms", "has_startup_time", "startup_time"],
  ["e2e_latency_ms", "has_e2e_latency", "e2e_latency"],
] as const;

/** The `fact_workflow_latency_samples` value and flag columns the latency component reads. */
const LATENCY_COLUMNS = LATENCY.map(([m, flag]) => `${m}, ${flag}`).join(", ");

const COLUMNS: readonly ComponentColumn[] = [
  ...columnsOf("count", ["status_samples"]),
  ...columnsOf("float", ["output_fps_sum", "output_fps_sq_sum"]),
  ...columnsOf("quantile", ["p95_output_fps"]),
  ...columnsOf(
    "float",
    LATENCY.map(([m]) => `${m}_sum`),
  ),
  ...columnsOf(
    "count",
    LATENCY.map(([, , stem]) => `${stem}_sample_count`),
  ),
  ...columnsOf(
    "quantile",
    LATENCY.map(([m]) => `p95_${m}`),
  ),
  ...columnsOf("count", GPU_SESSION_COUNTERS),
];

const KEYS = PLACEMENT_KEYS;
const GROUP_BY = `GROUP BY window_start, ${KEYS.join(", ")}`;
/** GPU-metrics keyspace: an orchestrator and a GPU (serving.md §6.1). */
const IN_KEYSPACE = "k_orch != '' AND k_gpu != ''";

/** Key columns of a session-shaped row (sessions, latency): canonical pipeline, nulls → `''`. */
function sessionKeysSql(tsColumn: string, scope: ServingScope): string {
  return `${bucketSql(tsColumn, bucketMs(scope))} AS window_start, orchestrator_address AS k_orch,
    ${canonicalPipelineSql("pipeline", "model_id")} AS k_pipe, ifNull(model_id, '') AS k_model,
    ifNull(gpu_id, '') AS k_gpu, ifNull(region, '') AS k_region`;
}

/** Performance: `L_status` minus tail artifacts, bucket of `sample_ts`. */
function performanceSql(scope: ServingScope): string {
  return componentSql(
    KEYS,
    COLUMNS,
    {
      status_samples: "sum(n)",
      output_fps_sum: "sum(fps_sum)",
      output_fps_sq_sum: "sum(fps_sq)",
      p95_output_fps: "toNullable(quantileExactInclusiveArray(0.95)(fps))",
    },
    `FROM clean
  WHERE ${IN_KEYSPACE} AND ${windowFilterSql("window_start", scope)}
  ${GROUP_BY}`,
  );
}

/** Latency: `L_latency`, bucket of its `sample_ts`, values with the matching `has_*` = 1. */
function latencySql(db: string, scope: ServingScope): string {
  const provided: Record<string, string> = {};
  for (const [m, flag, stem] of LATENCY) {
    const valid = `${flag} = 1 AND ${m} IS NOT NULL`;
    provided[`${m}_sum`] = `sumIf(ifNull(${m}, 0), ${valid})`;
    provided[`${stem}_sample_count`] = `countIf(${valid})`;
    provided[`p95_${m}`] = p95IfSql(`ifNull(${m}, 0)`, valid);
  }
  return componentSql(
    KEYS,
    COLUMNS,
    provided,
    `FROM (SELECT ${LATENCY_COLUMNS}, ${sessionKeysSql("sample_ts", scope)} FROM ${db}.v_latest_latency)
  WHERE ${IN_KEYSPACE} AND ${windowFilterSql("window_start", scope)}
  ${GROUP_BY}`,
  );
}

/** Reliability: `L_sessions`, bucket of `session_start_ts`, gated flags of serving.md §3. */
function reliabilitySql(db: string, scope: ServingScope): string {
  const provided = Object.fromEntries(
    sessionCounters(GPU_SESSION_COUNTERS).map(([name, expr]) => [name, `sum(${expr})`]),
  );
  return componentSql(
    KEYS,
    COLUMNS,
    provided,
    `FROM (SELECT ${SESSION_FLAG_COLUMNS.join(", ")}, ${sessionKeysSql("session_start_ts", scope)}
    FROM ${db}.v_latest_sessions)
  WHERE ${IN_KEYSPACE} AND ${windowFilterSql("window_start", scope)}
  ${GROUP_BY}`,
  );
}

/**
 * `meta`: per (orchestrator_address, gpu_id) the GPU columns of the latest capability snapshot
 * row by (snapshot_ts, source_event_uid, snapshot_row_ordinal): the latest row of
 * `dim_orchestrator_capability_current` for that pair (the latest of all rows is the latest of
 * its own group), read in one aggregation instead of two sorts.
 */
function metadataCte(db: string): string {
  return `meta AS (
  ${gpuMetadataSelectSql(db)}
)`;
}

/**
 * Per (orchestrator_address `m_orch`, gpu_id `m_gpu`) the GPU metadata of serving.md §6.1
 * (`gpu_name`, `runner_version`, `cuda_version`, `gpu_memory_total`) from the latest capability
 * snapshot row of the pair.
 */
export function gpuMetadataSelectSql(db: string): string {
  const cuda = `if(gpu_major IS NULL, NULL, if(gpu_minor IS NULL, toString(gpu_major),
      concat(toString(gpu_major), '.', toString(gpu_minor))))`;
  return `SELECT m_orch, m_gpu, latest.1 AS gpu_name, latest.2 AS runner_version, latest.3 AS cuda_version,
    latest.4 AS gpu_memory_total
  FROM (
    SELECT orchestrator_address AS m_orch, assumeNotNull(gpu_id) AS m_gpu,
      argMax(tuple(gpu_name, runner_version, ${cuda}, gpu_memory_total),
        tuple(snapshot_ts, source_event_uid, snapshot_row_ordinal)) AS latest
    FROM ${db}.dim_orchestrator_capability_snapshots
    WHERE gpu_id IS NOT NULL
    GROUP BY m_orch, m_gpu
  )`;
}

/** The GPU metadata columns of serving.md §6.1, as `meta` (alias `m`) provides them. */
export const GPU_METADATA_COLUMNS = [
  "gpu_name",
  "runner_version",
  "cuda_version",
  "gpu_memory_total",
] as const;

/**
 * Output columns: keys, metadata (unless `withMetadata` is false), counters and recomputed
 * ratios (serving.md §8.5 order).
 */
function outputColumnsSql(withMetadata: boolean): string {
  const lat = LATENCY.flatMap(([m, , stem]) => [
    `${ratioSql(`${m}_sum`, `${stem}_sample_count`)} AS ${m}`,
  ]);
  const cols = [
    "g.window_start AS window_start",
    "g.k_orch AS orchestrator_address",
    "g.k_pipe AS pipeline",
    "g.k_model AS model_id",
    "g.k_gpu AS gpu_id",
    "g.k_region AS region",
    ...(withMetadata ? GPU_METADATA_COLUMNS.map((c) => `m.${c} AS ${c}`) : []),
    "status_samples",
    "output_fps_sum",
    "output_fps_sq_sum",
    `${ratioSql("output_fps_sum", "status_samples")} AS avg_output_fps`,
    `${jitterSql("status_samples", "output_fps_sum", "output_fps_sq_sum")} AS jitter_coeff_fps`,
    "p95_output_fps",
    ...lat,
    ...LATENCY.map(([m]) => `p95_${m}`),
    ...LATENCY.map(([m]) => `${m}_sum`),
    ...LATENCY.map(([, , stem]) => `${stem}_sample_count`),
    ...GPU_SESSION_COUNTERS,
    `${ratioSql("health_signal_count", "health_expected_signal_count")} AS health_completeness_ratio`,
    `${ratioSql("unexcused_sessions", "known_sessions")} AS failure_rate`,
    `${ratioSql("swapped_sessions", "known_sessions")} AS swap_rate`,
  ];
  return cols.join(",\n  ");
}

/**
 * The SELECT of `v_api_gpu_metrics` (serving.md §5, §6.1, §8.5) at any granularity: union of
 * performance (`L_status` minus terminal-tail artifacts, bucket of `sample_ts`), latency
 * (`L_latency`, bucket of `sample_ts`) and reliability (`L_sessions`, bucket of
 * `session_start_ts`) over keys (orchestrator_address, pipeline, model_id, gpu_id, region)
 * with `orchestrator_address ≠ ''` and `gpu_id ≠ ''`, plus GPU metadata as known now.
 * Ratios are NULL when their denominator is 0; `p95_*` are exact inclusive quantiles.
 * When `scope.windowed`, reads the bound `start`/`end` parameters and returns only rows with
 * `start ≤ window_start < end`. Rows are unordered (the typed query orders them).
 * @example gpuMetricsSelectSql("livepeer_analytics", { granularity: "1h", windowed: false })
 */
export function gpuMetricsSelectSql(db: string, scope: ServingScope): string {
  const ctes = [...cleanStatusCtes(db, scope), metadataCte(db)];
  return `WITH
${ctes.join(",\n")}
SELECT
  ${outputColumnsSql(true)}
FROM (
  ${mergedComponentsSql(db, scope)}
) AS g
LEFT JOIN meta AS m ON m.m_orch = g.k_orch AND m.m_gpu = g.k_gpu`;
}

/** The union of the three GPU-metrics components, one row per (bucket, key). */
function mergedComponentsSql(db: string, scope: ServingScope): string {
  return mergeComponentsSql(KEYS, COLUMNS, [
    performanceSql(scope),
    latencySql(db, scope),
    reliabilitySql(db, scope),
  ]);
}

/**
 * {@link gpuMetricsSelectSql} without the GPU metadata columns (what the `agg_gpu_metrics`
 * rollup caches: metadata reflects what is known now, so it is joined at read time by
 * {@link withGpuMetadataSql}).
 */
export function gpuMetricsCountersSelectSql(db: string, scope: ServingScope): string {
  return `WITH
${cleanStatusCtes(db, scope).join(",\n")}
SELECT
  ${outputColumnsSql(false)}
FROM (
  ${mergedComponentsSql(db, scope)}
) AS g`;
}

/**
 * Adds GPU metadata (serving.md §6.1) to rows of `counters` (a SELECT with the columns of
 * {@link gpuMetricsCountersSelectSql}), completing them into `v_api_gpu_metrics` rows. `meta` is
 * a SELECT with the columns of {@link gpuMetadataSelectSql} (default: computed from the
 * snapshots now).
 */
export function withGpuMetadataSql(
  db: string,
  counters: string,
  meta: string = gpuMetadataSelectSql(db),
): string {
  const cols = GPU_METADATA_COLUMNS.map((c) => `m.${c} AS ${c}`).join(", ");
  return `SELECT c.*, ${cols}
FROM (
${counters}
) AS c
LEFT JOIN (
${meta}
) AS m ON m.m_orch = c.orchestrator_address AND m.m_gpu = c.gpu_id`;
}
