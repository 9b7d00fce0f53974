import type { Granularity } from "@livepeer-analytics/core";
import { END_PARAM, START_PARAM } from "../views/serving-scope.js";
import type { RollupSpec } from "./rollup-catalog.js";

/**
 * A windowed SELECT of the view rows of `spec` at `granularity` read from its rollup: with
 * `FINAL`, each key's row of the last refresh that wrote its bucket, minus keys that refresh
 * tombstoned (serving.md §1.5: keys can disappear), completed with read-time columns. Same
 * bound parameters and columns as the view's windowed SELECT, so the typed queries page either.
 * `granularity` must be one of `spec.granularities` (a constant, never user text).
 */
export function rollupSelectSql(db: string, spec: RollupSpec, granularity: Granularity): string {
  const cached = `SELECT * EXCEPT (granularity, refresh_version, is_deleted) FROM ${db}.${spec.table} FINAL
WHERE granularity = '${granularity}' AND window_start >= ${START_PARAM} AND window_start < ${END_PARAM}`;
  return spec.complete(db, cached);
}
