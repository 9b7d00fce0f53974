// Dashboard aggregations. Rows are combined by summing their additive counters and recomputing
// ratios with core's formulas (serving.md §7) — never by averaging ratios.
import {
  combineCounters,
  countersFromRow,
  emptyCounters,
  ratiosFromCounters,
  type KpiCounters,
  type KpiRatios,
} from "@livepeer-analytics/core";
import type { ApiRow } from "./api-client.js";

/** Summed counters and recomputed ratios of a group of rows. */
export interface Combined {
  readonly counters: KpiCounters;
  readonly ratios: KpiRatios;
  readonly rows: number;
}

/** Combines `rows` (§7). */
export function combine(rows: readonly ApiRow[]): Combined {
  let c: KpiCounters = emptyCounters();
  for (const r of rows) c = combineCounters(c, countersFromRow(r));
  return { counters: c, ratios: ratiosFromCounters(c), rows: rows.length };
}

/** Rows grouped by `keyOf`, in first-seen order. */
export function groupBy(
  rows: readonly ApiRow[],
  keyOf: (r: ApiRow) => string,
): Map<string, ApiRow[]> {
  const out = new Map<string, ApiRow[]>();
  for (const r of rows) {
    const k = keyOf(r);
    const g = out.get(k);
    if (g === undefined) out.set(k, [r]);
    else g.push(r);
  }
  return out;
}

/** Bucket start of a row in epoch seconds (uPlot's time unit). */
export const bucketSeconds = (r: ApiRow): number => Date.parse(r.window_start) / 1000;

/** A chart's data: ascending bucket times and one value array per series (null = no data). */
export interface SeriesData {
  readonly x: number[];
  readonly series: ReadonlyArray<{ readonly name: string; readonly values: (number | null)[] }>;
}

/**
 * Series over time: for each bucket of `rows` and each series group (`seriesOf`), `value` of the
 * combined rows. Buckets where a group has no row are null.
 */
export function timeSeries(
  rows: readonly ApiRow[],
  seriesOf: (r: ApiRow) => string,
  value: (c: Combined) => number | null,
  order?: readonly string[],
): SeriesData {
  const x = [...new Set(rows.map(bucketSeconds))].sort((a, b) => a - b);
  const index = new Map(x.map((t, i) => [t, i]));
  const groups = groupBy(rows, seriesOf);
  const names = order ?? [...groups.keys()].sort();
  const series = names.map((name) => {
    const values: (number | null)[] = x.map(() => null);
    for (const [t, g] of groupBy(groups.get(name) ?? [], (r) => String(bucketSeconds(r))))
      values[index.get(Number(t)) as number] = value(combine(g));
    return { name, values };
  });
  return { x, series };
}

/** Several metrics of the same combined rows over time, one series each. */
export function metricSeries(
  rows: readonly ApiRow[],
  metrics: ReadonlyArray<readonly [name: string, value: (c: Combined) => number | null]>,
): SeriesData {
  const x = [...new Set(rows.map(bucketSeconds))].sort((a, b) => a - b);
  const byBucket = groupBy(rows, (r) => String(bucketSeconds(r)));
  const combined = x.map((t) => combine(byBucket.get(String(t)) ?? []));
  return {
    x,
    series: metrics.map(([name, value]) => ({ name, values: combined.map(value) })),
  };
}

/** The `n` values of `key` with the most `weight` (descending, ties by value). */
export function topKeys(
  rows: readonly ApiRow[],
  key: string,
  weight: (r: ApiRow) => number,
  n: number,
): string[] {
  const totals = new Map<string, number>();
  for (const r of rows) {
    const k = String(r[key]);
    totals.set(k, (totals.get(k) ?? 0) + weight(r));
  }
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([k]) => k);
}
