import type { Granularity } from "@livepeer-analytics/core";
import { pageOrderSql, pageWhereSql } from "../queries/paged-query.js";
import { END_PARAM, START_PARAM } from "../views/serving-scope.js";
import type { RollupSpec } from "./rollup-catalog.js";

/** The bucket column of the rollup table aliased `t` (never a SELECT alias of the same name). */
const BUCKET = "t.window_start";

/** The columns of a rollup row that are view columns. */
const VIEW_COLUMNS = "* EXCEPT (granularity, refresh_version, is_deleted)";

/**
 * `FROM` and `WHERE` of the current rows of a rollup at `granularity` in the bound window: with
 * `FINAL`, each key's row of the last refresh that wrote it, minus keys that refresh tombstoned
 * (serving.md §1.5: keys can disappear). `extra` conditions are appended. `granularity` must be
 * one of `spec.granularities` (a constant, never user text).
 */
function currentRowsFromSql(
  db: string,
  spec: RollupSpec,
  granularity: Granularity,
  extra: readonly string[] = [],
): string {
  const where = [
    `t.granularity = '${granularity}'`,
    `${BUCKET} >= ${START_PARAM}`,
    `${BUCKET} < ${END_PARAM}`,
    ...extra,
  ];
  return `FROM ${db}.${spec.table} AS t FINAL
WHERE ${where.join(" AND ")}`;
}

/**
 * A windowed SELECT of the view rows of `spec` at `granularity` read from its rollup (current
 * rows; the view's columns, appended ones after the others). Same bound parameters and columns
 * as the view's windowed SELECT.
 */
export function rollupSelectSql(db: string, spec: RollupSpec, granularity: Granularity): string {
  return `SELECT ${VIEW_COLUMNS} ${currentRowsFromSql(db, spec, granularity)}`;
}

/**
 * One API page read from the rollup (same bound parameters as the typed queries' page SQL): one
 * SELECT of the rollup table with filters, cursor, order and limit, so the engine reads one
 * small sorted range, joins nothing and never plans the view; `window_start` in epoch ms.
 */
export function rollupPageSql(
  db: string,
  spec: RollupSpec,
  granularity: Granularity,
  filterKeys: readonly string[],
  withCursor: boolean,
): string {
  const where = pageWhereSql(spec.keys, filterKeys, withCursor, BUCKET);
  // Conditions and order name the table's column: the SELECT's epoch-ms alias shares its name.
  return `SELECT ${VIEW_COLUMNS} REPLACE (toUnixTimestamp64Milli(${BUCKET}) AS window_start)
${currentRowsFromSql(db, spec, granularity, where)}
${pageOrderSql(spec.keys, BUCKET)}
LIMIT {limit:UInt32}`;
}
