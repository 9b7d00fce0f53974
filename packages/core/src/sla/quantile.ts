/**
 * Exact statistics of serving.md §4: inclusive quantile, population std-dev, jitter coefficient.
 */

/** The quantile level of every `p95_*` field (serving.md §4). */
export const P95 = 0.95;

/**
 * Exact inclusive quantile with linear interpolation (ClickHouse `quantileExactInclusive`).
 *
 * Sort ascending into x[0..n−1]; h = (n − 1)·q; result = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌈h⌉] − x[⌊h⌋]).
 * The input is not modified. Null when n = 0.
 * @param q level in [0, 1].
 * @example quantileExactInclusive([10, 20, 30, 40, 50], 0.95) // ≈ 48 (h = 3.8)
 */
export function quantileExactInclusive(values: ArrayLike<number>, q: number): number | null {
  const n = values.length;
  if (n === 0) return null;
  const x = Float64Array.from(values).sort();
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  const xl = x[lo] as number;
  return xl + (h - lo) * ((x[hi] as number) - xl);
}

/**
 * Population standard deviation √(Σ(x − mean)² / n), two-pass. Null when n = 0.
 * @example populationStdDev([20, 22, 18, 20]) === Math.SQRT2
 */
export function populationStdDev(values: ArrayLike<number>): number | null {
  const n = values.length;
  if (n === 0) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] as number;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = (values[i] as number) - mean;
    ss += d * d;
  }
  return Math.sqrt(ss / n);
}

/**
 * Jitter coefficient from additive sums (serving.md §4, §7): √max(0, Σx²/n − m²) / m with
 * m = Σx / n. Null when n = 0 or m = 0.
 * @param n sample count; @param sum Σx; @param sqSum Σx².
 * @example jitterFromSums(4, 80, 1608) // 0.07071067811865475 (= √2 / 20)
 */
export function jitterFromSums(n: number, sum: number, sqSum: number): number | null {
  if (n === 0) return null;
  const m = sum / n;
  if (m === 0) return null;
  return Math.sqrt(Math.max(0, sqSum / n - m * m)) / m;
}

/**
 * Jitter coefficient of a sample list: population std-dev / mean (serving.md §4).
 * Null when n = 0 or the mean is 0.
 * @example jitterCoefficient([20, 22, 18, 20]) // 0.07071067811865475
 */
export function jitterCoefficient(values: ArrayLike<number>): number | null {
  const n = values.length;
  if (n === 0) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] as number;
  const mean = sum / n;
  if (mean === 0) return null;
  return (populationStdDev(values) as number) / mean;
}
