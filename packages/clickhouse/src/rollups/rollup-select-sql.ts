import type { Granularity } from "@livepeer-analytics/core";
import { END_PARAM, START_PARAM } from "../views/serving-scope.js";
import type { RollupSpec } from "./rollup-catalog.js";
import { ROLLUP_TABLES } from "./rollup-tables-sql.js";

/**
 * A windowed SELECT of the view rows of `spec` at `granularity` read from its rollup: per bucket
 * in `[start, end)` only the rows of the bucket's current `refresh_version` (serving.md §1.5; a
 * key absent from the current version has disappeared), one row per key (two refreshers writing
 * the same version write the same rows), completed with read-time columns. Same bound
 * parameters and columns as the view's windowed SELECT, so the typed queries page either.
 * `granularity` must be one of `spec.granularities` (a constant, never user text).
 */
export function rollupSelectSql(db: string, spec: RollupSpec, granularity: Granularity): string {
  const inWindow = `window_start >= ${START_PARAM} AND window_start < ${END_PARAM}`;
  const cached = `SELECT * EXCEPT (granularity, refresh_version) FROM ${db}.${spec.table}
WHERE granularity = '${granularity}' AND ${inWindow}
  AND (window_start, refresh_version) IN (
    SELECT window_start, max(refresh_version) FROM ${db}.${ROLLUP_TABLES.bucketVersions}
    WHERE view = '${spec.view}' AND granularity = '${granularity}' AND ${inWindow}
    GROUP BY window_start)
LIMIT 1 BY window_start, ${spec.keys.join(", ")}`;
  return spec.complete(db, cached);
}
