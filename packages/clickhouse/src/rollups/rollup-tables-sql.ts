import { HOUR_MS } from "@livepeer-analytics/core";
import { hourSql } from "../views/serving-scope.js";
import { gpuMetadataSelectSql } from "../views/gpu-metrics-sql.js";
import { GPU_METADATA_TABLE, ROLLUPS, type RollupSpec } from "./rollup-catalog.js";

/** Bookkeeping tables of the rollup refresh (serving.md §1.5). */
export const ROLLUP_TABLES = {
  /** Hours whose buckets a write may have changed, stamped with the database clock (µs). */
  dirtyHours: "agg_dirty_hours",
  /** Sessions a write re-derived (their other hours are found at refresh time). */
  dirtySessions: "agg_dirty_sessions",
  /** One row per completed refresh: every mark up to `refresh_version` is refreshed. */
  refreshLog: "agg_refresh_log",
} as const;

/** `marked_at`: the database clock in µs when the mark was written (orders marks and refreshes). */
const MARKED_AT = "marked_at UInt64 DEFAULT toUnixTimestamp64Micro(now64(6))";
/** Marks older than this are refreshed long ago (a refresh runs every few seconds). */
const MARK_TTL = "TTL toDateTime(intDiv(marked_at, 1000000)) + INTERVAL 7 DAY";

/**
 * `CREATE TABLE agg_*` for one rollup: the view's columns (from its own SELECT, so a cached
 * column cannot differ from the view's) after `granularity` and `refresh_version`, then
 * `is_deleted`. ReplacingMergeTree(refresh_version, is_deleted) on (granularity, bucket, keys):
 * readers use `FINAL`, which keeps each key's row of the highest `refresh_version` and drops it
 * when that row is a tombstone (a key that disappeared from its bucket). No TTL on
 * `window_start`: an event-time TTL would drop backfilled history on insert (docs/decisions.md).
 */
export function rollupTableSql(db: string, spec: RollupSpec): string {
  const select = spec.select(db, { granularity: "1h", windowed: false });
  return `CREATE TABLE IF NOT EXISTS ${db}.${spec.table}
ENGINE = ReplacingMergeTree(refresh_version, is_deleted)
PARTITION BY toYYYYMM(window_start)
ORDER BY (granularity, window_start, ${spec.keys.join(", ")})
EMPTY AS SELECT '' AS granularity, toUInt64(0) AS refresh_version, *, toUInt8(0) AS is_deleted
FROM (
${select}
)`;
}

/** The bookkeeping tables (see {@link ROLLUP_TABLES}). */
function bookkeepingSql(db: string): string[] {
  const t = ROLLUP_TABLES;
  return [
    `CREATE TABLE IF NOT EXISTS ${db}.${GPU_METADATA_TABLE} ENGINE = ReplacingMergeTree(refresh_version) ORDER BY (m_orch, m_gpu) EMPTY AS SELECT *, toUInt64(0) AS refresh_version FROM (
${gpuMetadataSelectSql(db)}
)`,
    `CREATE TABLE IF NOT EXISTS ${db}.${t.dirtyHours} (hour DateTime64(3, 'UTC'), ${MARKED_AT}) ENGINE = MergeTree ORDER BY (marked_at, hour) ${MARK_TTL}`,
    `CREATE TABLE IF NOT EXISTS ${db}.${t.dirtySessions} (workflow_session_id String, ${MARKED_AT}) ENGINE = MergeTree ORDER BY (marked_at, workflow_session_id) ${MARK_TTL}`,
    `CREATE TABLE IF NOT EXISTS ${db}.${t.refreshLog} (refresh_version UInt64, refreshed_at DateTime64(3, 'UTC') DEFAULT now64(3), hours UInt32, statements UInt32) ENGINE = MergeTree ORDER BY refresh_version`,
  ];
}

/**
 * Where a write marks hours dirty: (source table, hour expressions). Status samples also dirty
 * the next hour (its terminal-tail decision reads the previous hour, serving.md §5.1).
 */
const HOUR_MARKS: ReadonlyArray<readonly [string, readonly string[]]> = [
  [
    "fact_stream_status_samples",
    [hourSql("sample_ts"), `${hourSql("sample_ts")} + toIntervalMillisecond(${HOUR_MS})`],
  ],
  ["fact_workflow_latency_samples", [hourSql("sample_ts")]],
  ["raw_payment_events", [hourSql("event_timestamp")]],
  // New snapshots change GPU metadata: any mark makes the next refresh rebuild it.
  ["dim_orchestrator_capability_snapshots", [hourSql("snapshot_ts")]],
];

/**
 * Materialized views that only MARK what a write touched (they never feed a rollup: rollups are
 * recomputed from the latest facts, serving.md §1). They fire on every insert, whatever the
 * writer (loader, pipeline, replay, another tool), so a crash cannot lose a mark that its data
 * did not also lose.
 */
function markViewsSql(db: string): string[] {
  const t = ROLLUP_TABLES;
  const hourViews = HOUR_MARKS.map(
    ([source, hours]) =>
      `CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.mv_${t.dirtyHours}_${source} TO ${db}.${t.dirtyHours} (hour DateTime64(3, 'UTC')) AS
SELECT DISTINCT arrayJoin([${hours.join(", ")}]) AS hour FROM ${db}.${source}`,
  );
  return [
    ...hourViews,
    `CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.mv_${t.dirtySessions} TO ${db}.${t.dirtySessions} (workflow_session_id String) AS
SELECT DISTINCT workflow_session_id FROM ${db}.fact_workflow_sessions`,
  ];
}

/**
 * Marks every hour and session already stored, so a database migrated with data refreshes all
 * of it once (re-running it only adds marks: harmless).
 */
function backfillMarksSql(db: string): string[] {
  const t = ROLLUP_TABLES;
  return [
    ...HOUR_MARKS.map(
      ([source, hours]) =>
        `INSERT INTO ${db}.${t.dirtyHours} (hour) SELECT DISTINCT arrayJoin([${hours.join(", ")}]) FROM ${db}.${source}`,
    ),
    `INSERT INTO ${db}.${t.dirtySessions} (workflow_session_id) SELECT DISTINCT workflow_session_id FROM ${db}.fact_workflow_sessions`,
  ];
}

/** Every statement of the rollup migration, in order. */
export function rollupStatements(db: string): string[] {
  return [
    ...bookkeepingSql(db),
    ...ROLLUPS.map((spec) => rollupTableSql(db, spec)),
    ...markViewsSql(db),
    ...backfillMarksSql(db),
  ];
}
