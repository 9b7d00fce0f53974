/**
 * Time buckets of the serving views (serving.md §2, §8.1): `floor(ts / size) × size`, UTC.
 */

/** Bucket size accepted by the GPU-metrics and demand views (serving.md §8.1). */
export type Granularity = "1m" | "5m" | "1h" | "1d";

/** Bucket size accepted by the SLA view (serving.md §8.1: `1h` or `1d` only). */
export type SlaGranularity = "1h" | "1d";

/** One hour in ms: the grain of the terminal-tail decision (serving.md §5.1). */
export const HOUR_MS = 3_600_000;

/** Bucket size in milliseconds of each {@link Granularity}. */
export const GRANULARITY_MS: { readonly [G in Granularity]: number } = {
  "1m": 60_000,
  "5m": 300_000,
  "1h": HOUR_MS,
  "1d": 86_400_000,
};

/**
 * Start of the bucket holding `ts`: `floor(ts / size) × size` (epoch ms, UTC).
 * @example bucketStart(1772050200000, 3_600_000) === 1772049600000 // 20:10 → 20:00
 */
export function bucketStart(ts: number, sizeMs: number): number {
  return Math.floor(ts / sizeMs) * sizeMs;
}
