import { GRANULARITY_MS, HOUR_MS, type Granularity } from "@livepeer-analytics/core";

/** A half-open range of epoch ms `[start, end)` aligned on its granularity's buckets. */
export interface BucketRange {
  readonly start: number;
  readonly end: number;
}

/**
 * The distinct starts (epoch ms, ascending) of the `granularity` buckets that contain `hours`
 * (hour starts). Sub-hour buckets are reported as their hour: an hour is the unit of dirtiness.
 */
export function bucketStarts(hours: readonly number[], granularity: Granularity): number[] {
  const size = Math.max(GRANULARITY_MS[granularity], HOUR_MS);
  return [...new Set(hours.map((h) => Math.floor(h / size) * size))].sort((a, b) => a - b);
}

/**
 * The ranges of `granularity` buckets that contain the dirty `hours` (epoch ms, hour starts),
 * contiguous buckets merged. Sub-hour and hour buckets tile hours exactly; a day bucket is
 * dirty when any of its hours is.
 * @example bucketRanges([0, 3_600_000, 7_200_000 * 2], "1h") // [{0, 7_200_000}, {14_400_000, 18_000_000}]
 */
export function bucketRanges(hours: readonly number[], granularity: Granularity): BucketRange[] {
  const size = Math.max(GRANULARITY_MS[granularity], HOUR_MS);
  const out: BucketRange[] = [];
  for (const s of bucketStarts(hours, granularity)) {
    const last = out[out.length - 1];
    if (last !== undefined && last.end === s)
      out[out.length - 1] = { start: last.start, end: s + size };
    else out.push({ start: s, end: s + size });
  }
  return out;
}
