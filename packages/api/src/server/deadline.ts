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
 * (whole seconds, at least 1), so a timed-out request stops its query on the engine too. Both
 * `db.query` and `db.client.query` are bound (the typed serving queries may use either).
 */
export function withDeadline(
  db: LpaClickHouse,
  signal: AbortSignal,
  timeoutMs: number,
): LpaClickHouse {
  const maxSeconds = Math.max(1, Math.ceil(timeoutMs / 1000));
  return {
    ...db,
    client: clientWithDeadline(db.client, signal, maxSeconds),
    query: (sql, o = {}) =>
      db.query(sql, {
        ...o,
        signal,
        settings: { max_execution_time: maxSeconds, ...o.settings },
      }),
  };
}

type Client = LpaClickHouse["client"];

/** `client` whose `query` carries `signal` and `max_execution_time`; its other methods unchanged. */
function clientWithDeadline(client: Client, signal: AbortSignal, maxSeconds: number): Client {
  // Stand-in databases in tests may have no client.
  if (typeof client !== "object" || client === null) return client;
  const query: Client["query"] = (params) =>
    client.query({
      ...params,
      abort_signal: signal,
      clickhouse_settings: { max_execution_time: maxSeconds, ...params.clickhouse_settings },
    });
  return Object.assign(Object.create(client) as Client, { query });
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
