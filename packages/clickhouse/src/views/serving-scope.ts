import { GRANULARITY_MS, HOUR_MS, type Granularity } from "@livepeer-analytics/core";

/**
 * What one serving SELECT covers: its bucket size and whether it is restricted to a bound time
 * window. Builders are pure functions of the database name and a scope.
 */
export interface ServingScope {
  /** Bucket size of `window_start` (serving.md §8.1). */
  readonly granularity: Granularity;
  /**
   * When true the SELECT reads the bound parameters {@link START_PARAM} and {@link END_PARAM}
   * and returns only rows with `start ≤ window_start < end`, pruning its inputs accordingly;
   * when false it covers all data (the `v_api_*` views).
   */
  readonly windowed: boolean;
}

/** Bound parameter: inclusive lower bound of `window_start` (`DateTime64(3, 'UTC')`). */
export const START_PARAM = "{start:DateTime64(3, 'UTC')}";

/** Bound parameter: exclusive upper bound of `window_start` (`DateTime64(3, 'UTC')`). */
export const END_PARAM = "{end:DateTime64(3, 'UTC')}";

/** Bucket size in ms of a scope (1m, 5m, 1h or 1d). */
export function bucketMs(scope: ServingScope): number {
  return GRANULARITY_MS[scope.granularity];
}

/**
 * `floor(ts / size) × size` as a `DateTime64(3, 'UTC')` (serving.md §2: UTC buckets, also
 * before 1970). `sizeMs` is a constant of the granularity table, never a user value.
 * @example bucketSql("sample_ts", 3_600_000) // toStartOfInterval(sample_ts, toIntervalMillisecond(3600000))
 */
export function bucketSql(column: string, sizeMs: number): string {
  return `toStartOfInterval(${column}, toIntervalMillisecond(${sizeMs}))`;
}

/** The hour bucket of the terminal-tail decision (serving.md §5.1), whatever the granularity. */
export function hourSql(column: string): string {
  return bucketSql(column, HOUR_MS);
}

/**
 * `start ≤ expr < end` on the bound window when the scope is windowed, else `1` (no filter).
 * Used on bucket expressions, so it selects exactly the rows whose bucket is in the window.
 */
export function windowFilterSql(expr: string, scope: ServingScope): string {
  return scope.windowed ? `${expr} >= ${START_PARAM} AND ${expr} < ${END_PARAM}` : "1";
}

/**
 * A cheap pre-filter on a raw timestamp column that keeps every row whose bucket can be in the
 * window, widened by `padBeforeMs` before the start and `padAfterMs` after the end (context
 * rows such as the previous hour of a tail-artifact decision). `1` when not windowed.
 * Sound only for columns that never change between versions of one fact (serving.md §1.4).
 */
export function timeRangeFilterSql(
  column: string,
  scope: ServingScope,
  padBeforeMs: number,
  padAfterMs: number,
): string {
  if (!scope.windowed) return "1";
  const lo = `${START_PARAM} - toIntervalMillisecond(${padBeforeMs})`;
  const hi = `${END_PARAM} + toIntervalMillisecond(${padAfterMs})`;
  return `${column} >= ${lo} AND ${column} < ${hi}`;
}
