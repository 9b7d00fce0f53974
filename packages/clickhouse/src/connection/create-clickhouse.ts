import { createClient, type ClickHouseClient, type ClickHouseSettings } from "@clickhouse/client";
import { Readable } from "node:stream";

type ClientConnection = NonNullable<Parameters<typeof createClient>[0]>["connection"];
import { openChdbConnection, type ChdbConnectionLike } from "./load-chdb.js";
import { PINNED_SETTINGS } from "./pinned-settings.js";
import { assertIdentifier } from "./sql-identifier.js";

/**
 * Settings of an insert carrying a deduplication token. The engine deduplicates per block
 * (`token_0`, `token_1`, …), so a body must become the same blocks every time it is sent:
 * parallel parsing splits a large body at timing-dependent points, which would let a retry
 * skip rows it never wrote or write rows twice. One body = one block, parsed sequentially.
 */
export const DEDUP_INSERT_SETTINGS = {
  input_format_parallel_parsing: 0,
  max_insert_block_size: "10000000",
  min_insert_block_size_rows: "0",
  min_insert_block_size_bytes: "0",
} as const satisfies ClickHouseSettings;

/** Default data directory of the embedded database. */
export const DEFAULT_EMBEDDED_PATH = "./.lpa/db";

/** Default database name (serving.md §1). */
export const DEFAULT_DATABASE = "livepeer_analytics";

/** Options of {@link createClickHouse}. */
export interface ClickHouseOptions {
  /** ClickHouse server or cluster HTTP(S) URL. When absent, an embedded chDB database is used. */
  readonly url?: string;
  /** Data directory of the embedded database (default {@link DEFAULT_EMBEDDED_PATH}). */
  readonly path?: string;
  /** Database holding every table (default {@link DEFAULT_DATABASE}). */
  readonly database?: string;
  readonly username?: string;
  readonly password?: string;
  /** Per-request timeout on a server, ms (default 30 000). */
  readonly requestTimeoutMs?: number;
  /**
   * Open for reading only: every statement runs with `readonly = 2` (reads and per-query
   * settings allowed; DDL and inserts refused by the engine). Use for the API and dashboards.
   */
  readonly readOnly?: boolean;
}

/** Per-call options of queries and commands. */
export interface StatementOptions {
  readonly params?: Record<string, unknown>;
  readonly settings?: ClickHouseSettings;
  readonly signal?: AbortSignal;
}

/**
 * One handle on a livepeer-analytics database, embedded (chDB in-process) or on a server. All
 * SQL goes through the same `@clickhouse/client` code in both modes; only inserts take the
 * chDB raw path when embedded (its connection would turn a streamed body into one string).
 */
export interface LpaClickHouse {
  readonly mode: "embedded" | "server";
  /** Database name; every SQL builder qualifies table names with it. */
  readonly database: string;
  readonly readOnly: boolean;
  /** The underlying client, for callers who need something this interface does not cover. */
  readonly client: ClickHouseClient;
  /** Runs a SELECT and returns its rows (JSONEachRow; 64-bit integers arrive as strings). */
  query<T = Record<string, unknown>>(sql: string, options?: StatementOptions): Promise<T[]>;
  /** Runs a statement without result rows (DDL, INSERT … SELECT). */
  command(sql: string, options?: StatementOptions): Promise<void>;
  /**
   * Inserts newline-delimited JSONEachRow text into `table` (unqualified name) in one insert.
   * `dedupToken`, when given, makes re-sending the same body a no-op on tables with a
   * deduplication window (idempotent retries).
   */
  insertJsonLines(table: string, body: string | Uint8Array, dedupToken?: string): Promise<void>;
  /** True when the engine answers `SELECT 1`. */
  ping(): Promise<boolean>;
  /** Closes the connection; idempotent. */
  close(): Promise<void>;
}

/**
 * Opens a database: on a server when `url` is given, else embedded chDB at `path`
 * (`chdb` is an optional peer dependency loaded only then). Does not create the schema; run
 * {@link migrate} for that.
 */
export async function createClickHouse(options: ClickHouseOptions = {}): Promise<LpaClickHouse> {
  const database = assertIdentifier(options.database ?? DEFAULT_DATABASE);
  const readOnly = options.readOnly ?? false;
  const settings: ClickHouseSettings = {
    ...PINNED_SETTINGS,
    ...(readOnly ? { readonly: "2" } : {}),
  };
  if (options.url !== undefined) {
    const client = createClient({
      url: options.url,
      username: options.username ?? "default",
      password: options.password ?? "",
      request_timeout: options.requestTimeoutMs ?? 30_000,
      clickhouse_settings: settings,
    });
    return wrap(client, "server", database, readOnly, (table, body, token) =>
      client
        .insert({
          table: `${database}.${table}`,
          values: Readable.from([body]),
          format: "JSONEachRow",
          ...(token === undefined
            ? {}
            : {
                clickhouse_settings: {
                  ...DEDUP_INSERT_SETTINGS,
                  insert_deduplication_token: token,
                },
              }),
        })
        .then(() => undefined),
    );
  }
  const conn = await openChdbConnection(options.path ?? DEFAULT_EMBEDDED_PATH);
  const client = createClient({
    connection: conn as unknown as NonNullable<ClientConnection>,
    clickhouse_settings: settings,
  });
  return wrap(client, "embedded", database, readOnly, (table, body, token) =>
    rawInsert(conn, `${database}.${table}`, body, token),
  );
}

async function rawInsert(
  conn: ChdbConnectionLike,
  table: string,
  body: string | Uint8Array,
  token: string | undefined,
): Promise<void> {
  await conn.chdb.rawInsert({
    table,
    values: typeof body === "string" ? Buffer.from(body, "utf8") : body,
    format: "JSONEachRow",
    settings: {
      async_insert: 0,
      insert_deduplicate: 1,
      date_time_input_format: "basic",
      ...(token === undefined
        ? {}
        : { ...DEDUP_INSERT_SETTINGS, insert_deduplication_token: token }),
    },
  });
}

function wrap(
  client: ClickHouseClient,
  mode: "embedded" | "server",
  database: string,
  readOnly: boolean,
  insert: (table: string, body: string | Uint8Array, token: string | undefined) => Promise<void>,
): LpaClickHouse {
  let closed: Promise<void> | undefined;
  return {
    mode,
    database,
    readOnly,
    client,
    async query<T>(sql: string, o: StatementOptions = {}): Promise<T[]> {
      const rs = await client.query({
        query: sql,
        format: "JSONEachRow",
        ...statementParams(o),
      });
      return rs.json<T>();
    },
    async command(sql: string, o: StatementOptions = {}): Promise<void> {
      await client.command({ query: sql, ...statementParams(o) });
    },
    insertJsonLines(table, body, token) {
      if (readOnly) return Promise.reject(new Error("database opened read-only"));
      assertIdentifier(table);
      return body.length === 0 ? Promise.resolve() : insert(table, body, token);
    },
    async ping() {
      try {
        await client.query({ query: "SELECT 1", format: "JSONEachRow" }).then((r) => r.json());
        return true;
      } catch {
        return false;
      }
    },
    close() {
      closed ??= client.close();
      return closed;
    },
  };
}

function statementParams(o: StatementOptions) {
  return {
    ...(o.params === undefined ? {} : { query_params: o.params }),
    ...(o.settings === undefined ? {} : { clickhouse_settings: o.settings }),
    ...(o.signal === undefined ? {} : { abort_signal: o.signal }),
  };
}
