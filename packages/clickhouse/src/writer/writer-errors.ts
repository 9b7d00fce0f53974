/**
 * Why an insert failed, as the writer classifies it: `retryable` errors (network, timeouts,
 * overload) are retried with backoff; `rejected` ones (the engine refused the data or the
 * statement) are not, because re-sending cannot help.
 */
export type InsertFailureKind = "retryable" | "rejected";

/** ClickHouse error codes worth retrying: timeouts, network, overload, readonly replicas. */
const RETRYABLE_CODES = new Set([
  "159", // TIMEOUT_EXCEEDED
  "164", // READONLY (replica temporarily read-only)
  "202", // TOO_MANY_SIMULTANEOUS_QUERIES
  "203", // NO_FREE_CONNECTION
  "209", // SOCKET_TIMEOUT
  "210", // NETWORK_ERROR
  "241", // MEMORY_LIMIT_EXCEEDED
  "242", // TABLE_IS_READ_ONLY
  "252", // TOO_MANY_PARTS
  "279", // ALL_CONNECTION_TRIES_FAILED
  "319", // UNKNOWN_STATUS_OF_INSERT
  "425", // SYSTEM_ERROR
  "999", // KEEPER_EXCEPTION
]);

const RETRYABLE_NODE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "UND_ERR_SOCKET",
]);

/** Classifies an insert error (see {@link InsertFailureKind}); unknown errors are retryable. */
export function classifyInsertError(err: unknown): InsertFailureKind {
  const e = err as { code?: unknown; type?: unknown; cause?: unknown } | null;
  const code =
    typeof e?.code === "string" || typeof e?.code === "number" ? String(e.code) : undefined;
  if (code !== undefined && RETRYABLE_NODE_CODES.has(code)) return "retryable";
  if (code !== undefined && /^\d+$/.test(code))
    return RETRYABLE_CODES.has(code) ? "retryable" : "rejected";
  if (e?.cause !== undefined && e.cause !== null) return classifyInsertError(e.cause);
  return "retryable";
}

/** A batch the writer could not write: after `attempts` tries, or refused by the engine. */
export class WriterInsertError extends Error {
  override readonly name = "WriterInsertError";
  constructor(
    readonly table: string,
    readonly rows: number,
    readonly attempts: number,
    readonly kind: InsertFailureKind,
    cause: unknown,
  ) {
    super(
      `insert into ${table} (${rows} rows) failed after ${attempts} attempt(s) [${kind}]: ${String((cause as Error | undefined)?.message ?? cause)}`,
      { cause },
    );
  }
}

/** Raised by `write` after `close()`. */
export class WriterClosedError extends Error {
  override readonly name = "WriterClosedError";
  constructor() {
    super("writer is closed");
  }
}
