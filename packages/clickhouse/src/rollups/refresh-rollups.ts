import { formatTimestamp, GRANULARITY_MS, type Granularity } from "@livepeer-analytics/core";
import type { LpaClickHouse } from "../connection/create-clickhouse.js";
import { bucketSql, hourSql, type ServingScope } from "../views/serving-scope.js";
import { publishGpuMetadataSql, restampGpuMetadataSql } from "./gpu-metadata-sql.js";
import { ROLLUPS, type RollupSpec } from "./rollup-catalog.js";
import { ROLLUP_TABLES } from "./rollup-tables-sql.js";
import { bucketRanges, bucketStarts, type BucketRange } from "./refresh-plan.js";

/** What one {@link refreshRollups} call did. */
export interface RefreshResult {
  /** The `refresh_version` written (µs of the newest mark it covers), or null when nothing was dirty. */
  readonly refreshVersion: string | null;
  /** Dirty hours recomputed (after expanding dirty sessions and fee matches). */
  readonly hours: number;
  /** Statements run to recompute and publish buckets. */
  readonly statements: number;
}

const T = ROLLUP_TABLES;

/** The marks of `(w, m]` on `table`. */
const marks = (db: string, table: string, column: string): string =>
  `SELECT ${column} FROM ${db}.${table} WHERE marked_at > {w:UInt64} AND marked_at <= {m:UInt64}`;

/**
 * Hours to recompute for the marks of `(w, m]`: marked hours; for each marked session, the start
 * hour of every stored version (a start can move earlier: the old hour loses the session), the
 * hours of its status samples and the hour after each (SLA placement and tail decisions read the
 * session's flags), and the hours of payments with its `request_id` (fee matching, §6.2).
 */
function dirtyHoursSql(db: string): string {
  const ids = marks(db, T.dirtySessions, "workflow_session_id");
  return `SELECT DISTINCT toUnixTimestamp64Milli(h) AS h FROM (
  ${marks(db, T.dirtyHours, "hour AS h")}
  UNION ALL SELECT ${hourSql("session_start_ts")} AS h FROM ${db}.fact_workflow_sessions
    WHERE workflow_session_id IN (${ids})
  UNION ALL SELECT arrayJoin([${hourSql("sample_ts")}, ${hourSql("sample_ts")} + toIntervalHour(1)]) AS h
    FROM ${db}.fact_stream_status_samples WHERE workflow_session_id IN (${ids})
  UNION ALL SELECT ${hourSql("event_timestamp")} AS h FROM ${db}.raw_payment_events
    WHERE request_id != '' AND request_id IN (
      SELECT request_id FROM ${db}.fact_workflow_sessions WHERE workflow_session_id IN (${ids}))
)`;
}

/**
 * Payment hours whose fee key can change with the demand rows of the dirty buckets: a fee lands
 * under its matched session's key after that session's bucket's pipeline fallback (§6.2), so a
 * changed bucket changes the fees matched to the sessions starting in it.
 */
function feeCascadeSql(db: string): string {
  const day = bucketSql("session_start_ts", GRANULARITY_MS["1d"]);
  return `SELECT DISTINCT toUnixTimestamp64Milli(${hourSql("event_timestamp")}) AS h
FROM ${db}.v_latest_payments
WHERE request_id != '' AND request_id IN (
  SELECT request_id FROM ${db}.v_latest_sessions
  WHERE request_id != '' AND toUnixTimestamp64Milli(${day}) IN {days:Array(Int64)})`;
}

/** Bound parameters of one refresh statement: granularity, version and bucket range. */
function rangeParams(g: Granularity, range: BucketRange, rv: string): Record<string, string> {
  return { g, rv, start: formatTimestamp(range.start), end: formatTimestamp(range.end) };
}

/**
 * The SELECT of the rows `spec` stores for `scope`, in table column order: granularity and
 * version (bound `{g}`, `{rv}`), the cached columns, `is_deleted` = 0, the appended columns.
 */
function storedRowsSql(db: string, spec: RollupSpec, scope: ServingScope): string {
  const cached = spec.select(db, scope);
  const head = "SELECT {g:String} AS granularity, {rv:UInt64} AS refresh_version";
  if (spec.appended === undefined)
    return `${head}, *, toUInt8(0) AS is_deleted FROM (\n${cached}\n)`;
  const cols = spec.appended.columns.join(", ");
  return `${head}, * EXCEPT (${cols}), toUInt8(0) AS is_deleted, ${cols} FROM (
${spec.appended.complete(db, cached)}
)`;
}

/** Recomputes one rollup's buckets of `range` at `granularity` into its table. */
async function recompute(
  db: LpaClickHouse,
  spec: RollupSpec,
  granularity: Granularity,
  range: BucketRange,
  rv: string,
): Promise<void> {
  const rows = storedRowsSql(db.database, spec, { granularity, windowed: true });
  await db.command(`INSERT INTO ${db.database}.${spec.table}\n${rows}`, {
    params: rangeParams(granularity, range, rv),
  });
}

/**
 * Tombstones the keys of `range` that the refresh `rv` did not rewrite (they disappeared from
 * their bucket): `FINAL` still shows them with an older version, so a deleted row with `rv`
 * hides them. (The filter sits in a subquery: in the outer SELECT, `refresh_version` would be
 * the replaced value.)
 */
async function tombstone(
  db: LpaClickHouse,
  spec: RollupSpec,
  granularity: Granularity,
  range: BucketRange,
  rv: string,
): Promise<void> {
  await db.command(
    `INSERT INTO ${db.database}.${spec.table}
SELECT * REPLACE ({rv:UInt64} AS refresh_version, toUInt8(1) AS is_deleted) FROM (
  SELECT * FROM ${db.database}.${spec.table} FINAL
  WHERE granularity = {g:String} AND window_start >= {start:DateTime64(3, 'UTC')}
    AND window_start < {end:DateTime64(3, 'UTC')} AND refresh_version < {rv:UInt64}
)`,
    { params: rangeParams(granularity, range, rv) },
  );
}

/**
 * Brings the rollups up to date (serving.md §1.5): takes every mark newer than the last refresh,
 * expands it to the hours whose buckets it may change, publishes the GPU metadata that changed,
 * recomputes those buckets of every rollup and granularity from the latest facts with
 * `refresh_version` = the newest mark's time, tombstones the keys they lost, re-stamps the GPU
 * rows whose metadata changed, and records the refresh. A write
 * after the marks were read carries a later mark and is picked up by the next call. A crash
 * before the log row is written leaves the marks pending: the next call redoes the work (until
 * then a bucket may show its new rows next to keys it lost). Calls should not overlap on one
 * database (use {@link startRollupRefresher}); cheap when nothing is dirty.
 */
export async function refreshRollups(db: LpaClickHouse): Promise<RefreshResult> {
  const d = db.database;
  const [last] = await db.query<{ w: string; m: string }>(
    `SELECT toString(w) AS w, toString(greatest(
       (SELECT max(marked_at) FROM ${d}.${T.dirtyHours}),
       (SELECT max(marked_at) FROM ${d}.${T.dirtySessions}))) AS m
     FROM (SELECT max(refresh_version) AS w FROM ${d}.${T.refreshLog})`,
  );
  const w = last?.w ?? "0";
  const m = last?.m ?? "0";
  if (BigInt(m) <= BigInt(w)) return { refreshVersion: null, hours: 0, statements: 0 };
  const direct = await db.query<{ h: string | number }>(dirtyHoursSql(d), { params: { w, m } });
  const hours = new Set(direct.map((r) => Number(r.h)));
  const days = bucketStarts([...hours], "1d");
  if (days.length > 0)
    for (const r of await db.query<{ h: string | number }>(feeCascadeSql(d), { params: { days } }))
      hours.add(Number(r.h));
  const all = [...hours];
  await db.command(publishGpuMetadataSql(d), { params: { rv: m } });
  let statements = 1;
  for (const spec of ROLLUPS)
    for (const g of spec.granularities)
      for (const range of bucketRanges(all, g)) {
        await recompute(db, spec, g, range, m);
        await tombstone(db, spec, g, range, m);
        statements += 2;
      }
  await db.command(restampGpuMetadataSql(d), { params: { rv: m, w } });
  statements++;
  await db.command(
    `INSERT INTO ${d}.${T.refreshLog} (refresh_version, hours, statements) VALUES ({m:UInt64}, {h:UInt32}, {s:UInt32})`,
    { params: { m, h: all.length, s: statements } },
  );
  return { refreshVersion: m, hours: all.length, statements };
}
