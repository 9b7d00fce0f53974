// A stand-in database for error paths the real engine cannot be made to produce on demand.
import type { LpaClickHouse } from "@livepeer-analytics/clickhouse";

export interface StubBehaviour {
  query?: () => Promise<unknown[]>;
  ping?: () => Promise<boolean>;
}

/** An {@link LpaClickHouse} whose `query` and `ping` do what `b` says. */
export function stubDb(b: StubBehaviour): LpaClickHouse {
  return {
    mode: "embedded",
    database: "livepeer_analytics",
    readOnly: true,
    client: undefined as never,
    query: <T>() => (b.query ?? (() => Promise.resolve([])))() as Promise<T[]>,
    command: () => Promise.resolve(),
    insertJsonLines: () => Promise.reject(new Error("read-only")),
    ping: b.ping ?? (() => Promise.resolve(true)),
    close: () => Promise.resolve(),
  };
}
