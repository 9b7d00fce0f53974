/** Retry policy of the writer: exponential backoff with full jitter, capped. */
export interface RetryPolicy {
  /** Tries per batch including the first (default 8). `Infinity` retries until it works. */
  readonly attempts: number;
  /** Delay before the second try, ms (default 100). */
  readonly baseDelayMs: number;
  /** Largest delay between tries, ms (default 5 000). */
  readonly maxDelayMs: number;
}

/** Defaults of {@link RetryPolicy}. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 8, baseDelayMs: 100, maxDelayMs: 5_000 };

/**
 * Delay before try number `attempt + 1` (attempt ≥ 1): `min(max, base × 2^(attempt−1))`, scaled
 * by `jitter` ∈ [0, 1) over its upper half so retries of many writers spread out.
 */
export function backoffDelay(policy: RetryPolicy, attempt: number, jitter: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling * (0.5 + jitter / 2));
}
