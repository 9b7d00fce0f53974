import type { LpaClickHouse } from "@livepeer-analytics/clickhouse";

/** A query ran past the request's deadline (retryable: a later request may be faster). */
export class QueryTimeoutError extends Error {
  override readonly name = "QueryTimeoutError";
  readonly retryable = true;
  constructor(readonly timeoutMs: number) {
    super(`query exceeded ${timeoutMs} ms`);
  }
}

/**
 * `db` with every query bound to `signal` and to the engine's own limit `max_execution_time`
 * (whole seconds, at least 1), so a timed-out request stops its query on the engine too.
 */
export function withDeadline(
  db: LpaClickHouse,
  signal: AbortSignal,
  timeoutMs: number,
): LpaClickHouse {
  const maxSeconds = Math.max(1, Math.ceil(timeoutMs / 1000));
  return {
    ...db,
    query: (sql, o = {}) =>
      db.query(sql, {
        ...o,
        signal,
        settings: { max_execution_time: maxSeconds, ...o.settings },
      }),
  };
}

/**
 * Runs `work` with an abort signal that fires after `timeoutMs`; rejects with
 * {@link QueryTimeoutError} at the deadline even when `work` ignores the signal.
 */
export async function runWithDeadline<T>(
  timeoutMs: number,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const ctl = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      ctl.abort();
      reject(new QueryTimeoutError(timeoutMs));
    }, timeoutMs);
  });
  try {
    return await Promise.race([work(ctl.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
