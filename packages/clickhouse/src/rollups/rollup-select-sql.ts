import type { Granularity } from "@livepeer-analytics/core";
import { pageOrderSql, pageWhereSql } from "../queries/paged-query.js";
import { END_PARAM, START_PARAM } from "../views/serving-scope.js";
import type { RollupSpec } from "./rollup-catalog.js";

/**
 * The current rows of a rollup at `granularity` in the bound window: with `FINAL`, each key's
 * row of the last refresh that wrote its bucket, minus keys that refresh tombstoned
 * (serving.md §1.5: keys can disappear). `extra` conditions and `tail` (ORDER BY / LIMIT) are
 * appended. `granularity` must be one of `spec.granularities` (a constant, never user text).
 */
function currentRowsSql(
  db: string,
  spec: RollupSpec,
  granularity: Granularity,
  extra: readonly string[] = [],
  tail = "",
): string {
  const where = [
    `granularity = '${granularity}'`,
    `window_start >= ${START_PARAM}`,
    `window_start < ${END_PARAM}`,
    ...extra,
  ];
  return `SELECT * EXCEPT (granularity, refresh_version, is_deleted) FROM ${db}.${spec.table} FINAL
WHERE ${where.join(" AND ")}${tail}`;
}

/**
 * A windowed SELECT of the view rows of `spec` at `granularity` read from its rollup (current
 * rows completed with read-time columns). Same bound parameters and columns as the view's
 * windowed SELECT.
 */
export function rollupSelectSql(db: string, spec: RollupSpec, granularity: Granularity): string {
  const cached = currentRowsSql(db, spec, granularity);
  return spec.complete === undefined ? cached : spec.complete(db, cached);
}

/**
 * One API page read from the rollup (same bound parameters as the typed queries' page SQL):
 * filters, cursor, order and limit applied on the rollup table itself, so the engine reads
 * one small sorted range and never plans the view; read-time columns are joined to the page's
 * rows only; `window_start` in epoch ms.
 */
export function rollupPageSql(
  db: string,
  spec: RollupSpec,
  granularity: Granularity,
  filterKeys: readonly string[],
  withCursor: boolean,
): string {
  const order = pageOrderSql(spec.keys);
  const where = pageWhereSql(spec.keys, filterKeys, withCursor);
  const rows = currentRowsSql(db, spec, granularity, where, `\n${order}\nLIMIT {limit:UInt32}`);
  // Converted in an outer SELECT: a REPLACE alias next to the WHERE would shadow the column.
  const ms = "SELECT * REPLACE (toUnixTimestamp64Milli(window_start) AS window_start)";
  if (spec.complete === undefined) return `${ms} FROM (\n${rows}\n)\n${order}`;
  return `${ms} FROM (\n${spec.complete(db, rows)}\n)\n${order}`;
}
