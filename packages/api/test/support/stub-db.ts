// A stand-in database for error paths the real engine cannot be made to produce on demand.
import type { LpaClickHouse } from "@livepeer-analytics/clickhouse";

export interface StubBehaviour {
  /** Rows of every query (JSONEachRow objects), through `query` and through `client.query`. */
  query?: () => Promise<unknown[]>;
  ping?: () => Promise<boolean>;
}

/** `rows` as a `JSONCompact` answer: the first row's columns as `meta`, values as `data`. */
function compact(rows: readonly unknown[]) {
  const first = (rows[0] ?? {}) as Record<string, unknown>;
  return {
    meta: Object.keys(first).map((name) => ({ name, type: "String" })),
    data: rows.map((r) => Object.values(r as Record<string, unknown>)),
  };
}

/**
 * An {@link LpaClickHouse} whose `query` and `ping` do what `b` says; `client.query` answers the
 * same rows (as `JSONCompact` when asked for it), so typed queries that use the client directly
 * meet the same behaviour.
 */
export function stubDb(b: StubBehaviour): LpaClickHouse {
  const rows = b.query ?? (() => Promise.resolve([]));
  const client = {
    query: async (params: { format?: string }) => {
      const answer = await rows();
      const json = params.format === "JSONCompact" ? compact(answer) : answer;
      return {
        json: () => Promise.resolve(json),
        text: () => Promise.resolve(JSON.stringify(json)),
      };
    },
  };
  return {
    mode: "embedded",
    database: "livepeer_analytics",
    readOnly: true,
    client: client as unknown as LpaClickHouse["client"],
    query: <T>() => rows() as Promise<T[]>,
    command: () => Promise.resolve(),
    insertJsonLines: () => Promise.reject(new Error("read-only")),
    ping: b.ping ?? (() => Promise.resolve(true)),
    close: () => Promise.resolve(),
  };
}
