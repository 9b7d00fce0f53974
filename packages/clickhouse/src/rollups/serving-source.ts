import type { Granularity } from "@livepeer-analytics/core";
import type { LpaClickHouse } from "../connection/create-clickhouse.js";
import { rollupOf, ROLLUPS, type RollupView } from "./rollup-catalog.js";
import type { PageSqlBuilder } from "../queries/paged-query.js";
import { rollupPageSql } from "./rollup-select-sql.js";
import { ROLLUP_TABLES } from "./rollup-tables-sql.js";

/**
 * Where a typed query reads: `view` computes from the latest facts (always exact, slower);
 * `rollup` reads the refreshed `agg_*` caches (equal to the views as of the last refresh);
 * `auto` (default) reads the rollup when the database's rollups are maintained (a refresh has
 * completed) and hold the requested granularity, else the view.
 */
export type ServingSource = "auto" | "rollup" | "view";

/** Options common to the typed serving queries. */
export interface ServingQueryOptions {
  /** See {@link ServingSource}; default `auto`. */
  readonly source?: ServingSource;
}

/** Databases known to have maintained rollups (monotonic: once refreshed, always). */
const maintained = new WeakMap<LpaClickHouse, true>();

/** `table.column` of every column the rollup reads need beyond migration 0003 (0004 on). */
const READ_COLUMNS = ROLLUPS.flatMap((spec) =>
  (spec.appended?.columns ?? []).map((c) => `${spec.table}.${c}`),
);

/**
 * Whether the rollups of `db` are maintained: true once `agg_refresh_log` has a row and the
 * rollup tables have every column the reads need (cached per connection); false on a database
 * without rollup tables, or whose schema predates this code (opened read-only and never
 * migrated: its answers come from the views until `lpa migrate` runs).
 */
export async function rollupsMaintained(db: LpaClickHouse): Promise<boolean> {
  if (maintained.has(db)) return true;
  try {
    const [row] = await db.query<{ n: string | number; c: string | number }>(
      `SELECT (SELECT count() FROM ${db.database}.${ROLLUP_TABLES.refreshLog}) AS n,
  (SELECT count() FROM system.columns
   WHERE database = {db:String} AND concat(table, '.', name) IN {cols:Array(String)}) AS c`,
      { params: { db: db.database, cols: READ_COLUMNS } },
    );
    if (Number(row?.n ?? 0) === 0 || Number(row?.c ?? 0) < READ_COLUMNS.length) return false;
  } catch {
    return false;
  }
  maintained.set(db, true);
  return true;
}

/**
 * What a typed query pages: the rollup's page builder when `source` allows it and the rollup
 * holds `granularity`, else the view's windowed SELECT `viewSelect()`.
 */
export async function servingSelect(
  db: LpaClickHouse,
  view: RollupView,
  granularity: Granularity,
  viewSelect: () => string,
  source: ServingSource = "auto",
): Promise<string | PageSqlBuilder> {
  const spec = rollupOf(view);
  const held = spec.granularities.includes(granularity);
  const useRollup =
    held && (source === "rollup" || (source === "auto" && (await rollupsMaintained(db))));
  if (!useRollup) return viewSelect();
  return (filterKeys, withCursor) =>
    rollupPageSql(db.database, spec, granularity, filterKeys, withCursor);
}

/**
 * The rollups' current data version: the `refresh_version` of the last completed refresh, or
 * null when none completed (or the database has no rollup tables). Answers read from the
 * rollups change only when it changes (response caches key on it).
 */
export async function rollupVersion(db: LpaClickHouse): Promise<string | null> {
  try {
    const [row] = await db.query<{ v: string }>(
      `SELECT toString(max(refresh_version)) AS v FROM ${db.database}.${ROLLUP_TABLES.refreshLog}`,
    );
    return row === undefined || row.v === "0" ? null : row.v;
  } catch {
    return null;
  }
}
