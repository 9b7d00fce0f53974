import { MAX_RECORD_BYTES, encodeOutputRow, type OutputRow } from "@livepeer-analytics/core";
import type { LpaClickHouse } from "../connection/create-clickhouse.js";
import { backoffDelay, DEFAULT_RETRY, type RetryPolicy } from "./backoff.js";
import { batchToken } from "./batch-token.js";
import { classifyInsertError, WriterClosedError, WriterInsertError } from "./writer-errors.js";

/**
 * Sends one batch: JSONEachRow `body` (UTF-8 bytes, newline-terminated lines) into `table` with
 * an insert deduplication `token`.
 */
export type InsertTransport = (table: string, body: Uint8Array, token: string) => Promise<void>;

/** Options of {@link createBatchWriter}. */
export interface BatchWriterOptions {
  /** Flush a table's buffer when it holds this many rows (default 100 000). */
  readonly maxRows?: number;
  /** Flush a table's buffer when it holds this many UTF-8 bytes (default 32 MiB). */
  readonly maxBytes?: number;
  /**
   * Flush every buffer this long after its first row, ms (default 1 000). `Infinity` disables
   * time-based flushes: batches then depend only on the input, so a re-run sends identical
   * batches (used by `lpa load`).
   */
  readonly maxDelayMs?: number;
  /**
   * Bytes of cut batches waiting for the engine beyond which `write` makes the caller wait
   * (default 128 MiB). Backpressure never cuts a buffer early — cut points depend only on the
   * rows written, never on how fast the engine answers — so open buffers add at most
   * `maxBytes` per table on top.
   */
  readonly maxBufferedBytes?: number;
  /** Row size limit (events.md §9); larger rows are never sent (default 1 000 000). */
  readonly maxRowBytes?: number;
  readonly retry?: Partial<RetryPolicy>;
  /** Replaces the database insert (fault injection in tests, custom transports). */
  readonly transport?: InsertTransport;
  /**
   * Mixed into every insert token: a batch is then skipped only as a re-send of a batch from a
   * writer with the same salt (default none: any identical batch, e.g. a re-run of a load). A
   * consumer passes one per process: the engine records a token before it commits the part, so
   * a process killed in between would have its identical re-delivered batch skipped and lost;
   * with a new salt it is written again (a duplicate row, if the part had been committed, is
   * collapsed by the tables' ReplacingMergeTree).
   */
  readonly tokenSalt?: string;
  /** Waits `ms` (default setTimeout); injectable for tests. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Jitter source in [0, 1) for backoff (default Math.random). */
  readonly random?: () => number;
  /** Called after each successful insert. */
  readonly onInsert?: (e: {
    table: string;
    rows: number;
    bytes: number;
    ms: number;
    attempts: number;
  }) => void;
  /** Called before each retry. */
  readonly onRetry?: (e: {
    table: string;
    attempt: number;
    delayMs: number;
    error: unknown;
  }) => void;
}

/** Counters of a writer since it was created. */
export interface WriterStats {
  /** Rows acknowledged by the engine. */
  rowsWritten: number;
  /** Inserts acknowledged by the engine. */
  batchesWritten: number;
  /** Tries that failed and were retried. */
  retries: number;
  /** Rows over `maxRowBytes` refused at `write` (see {@link BatchWriter.write}). */
  oversizeRows: number;
  /** Rows buffered now, not yet acknowledged. */
  bufferedRows: number;
  /** UTF-8 bytes buffered now. */
  bufferedBytes: number;
}

/**
 * A batched, idempotent writer: one buffer per table, flushed by rows, bytes and time; each
 * batch is sent with a content-addressed deduplication token and retried with backoff on
 * retryable errors, so a re-sent batch never duplicates rows.
 */
export interface BatchWriter {
  /**
   * Buffers one JSONEachRow line for `table`. Returns `undefined` when buffered, or a promise
   * the caller must await when the buffers are full (backpressure: the row is buffered when the
   * promise resolves; nothing is dropped). A line over `maxRowBytes` is refused with
   * `"oversize"` and counted — producers size-guard rows first (core routes oversize records
   * to the DLQ, events.md §9), so this is a safety net, never a silent drop.
   */
  write(table: string, line: string): Promise<void> | "oversize" | undefined;
  /** {@link write} for a row produced by core (encodes it). */
  writeRow(out: OutputRow): Promise<void> | "oversize" | undefined;
  /**
   * Sends every buffered row and resolves once all are acknowledged (durable); rejects with a
   * {@link WriterInsertError} when a batch cannot be written — its rows stay buffered and the next
   * flush tries again. Concurrent calls share the work; calling it with nothing buffered is free.
   */
  flush(): Promise<void>;
  /** Flushes, stops the timer and refuses further writes. Idempotent. */
  close(): Promise<void>;
  readonly stats: Readonly<WriterStats>;
}

interface TableBuffer {
  lines: string[];
  bytes: number;
}

interface Batch {
  readonly table: string;
  readonly body: Buffer;
  readonly rows: number;
  readonly bytes: number;
}

/** Creates a {@link BatchWriter} on `db` (or on `options.transport`). */
export function createBatchWriter(
  db: LpaClickHouse,
  options: BatchWriterOptions = {},
): BatchWriter {
  const maxRows = options.maxRows ?? 100_000;
  const maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
  const maxDelayMs = options.maxDelayMs ?? 1_000;
  const maxBuffered = options.maxBufferedBytes ?? 128 * 1024 * 1024;
  const maxRowBytes = options.maxRowBytes ?? MAX_RECORD_BYTES;
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const transport: InsertTransport =
    options.transport ?? ((table, body, token) => db.insertJsonLines(table, body, token));
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = options.random ?? Math.random;

  const buffers = new Map<string, TableBuffer>();
  /** Batches cut from buffers, sent in order; a failed head stays for the next flush. */
  const outbox: Batch[] = [];
  const stats: WriterStats = {
    rowsWritten: 0,
    batchesWritten: 0,
    retries: 0,
    oversizeRows: 0,
    bufferedRows: 0,
    bufferedBytes: 0,
  };
  let outboxBytes = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let draining: Promise<void> | undefined;
  let closed = false;
  let closing: Promise<void> | undefined;

  const cut = (table: string): void => {
    const b = buffers.get(table);
    if (b === undefined || b.lines.length === 0) return;
    outbox.push({
      table,
      body: encodeLines(b.lines, b.bytes),
      rows: b.lines.length,
      bytes: b.bytes,
    });
    outboxBytes += b.bytes;
    buffers.delete(table);
  };

  const send = async (batch: Batch): Promise<void> => {
    const token = batchToken(batch.table, batch.body, options.tokenSalt);
    const t0 = performance.now();
    for (let attempt = 1; ; attempt++) {
      try {
        await transport(batch.table, batch.body, token);
        options.onInsert?.({
          table: batch.table,
          rows: batch.rows,
          bytes: batch.bytes,
          ms: performance.now() - t0,
          attempts: attempt,
        });
        return;
      } catch (err) {
        const kind = classifyInsertError(err);
        if (kind === "rejected" || attempt >= retry.attempts)
          throw new WriterInsertError(batch.table, batch.rows, attempt, kind, err);
        const delayMs = backoffDelay(retry, attempt, random());
        stats.retries++;
        options.onRetry?.({ table: batch.table, attempt, delayMs, error: err });
        await sleep(delayMs);
      }
    }
  };

  /** Sends the outbox head to tail; one drain at a time. */
  const drain = (): Promise<void> => {
    draining ??= (async () => {
      try {
        while (outbox.length > 0) {
          const batch = outbox[0] as Batch;
          await send(batch);
          outbox.shift();
          outboxBytes -= batch.bytes;
          stats.rowsWritten += batch.rows;
          stats.batchesWritten++;
          stats.bufferedRows -= batch.rows;
          stats.bufferedBytes -= batch.bytes;
        }
      } finally {
        draining = undefined;
      }
    })();
    return draining;
  };

  const flush = async (): Promise<void> => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    for (const table of [...buffers.keys()]) cut(table);
    // A drain already running may have started before the newest cuts: drain until empty.
    while (outbox.length > 0 || draining !== undefined) await drain();
  };

  const armTimer = (): void => {
    if (timer !== undefined || !Number.isFinite(maxDelayMs)) return;
    timer = setTimeout(() => {
      timer = undefined;
      flush().catch(() => undefined); // the failure surfaces on the next explicit flush
    }, maxDelayMs);
    timer.unref?.();
  };

  const write = (table: string, line: string): Promise<void> | "oversize" | undefined => {
    if (closed) throw new WriterClosedError();
    const bytes = Buffer.byteLength(line, "utf8") + 1;
    if (bytes - 1 > maxRowBytes) {
      stats.oversizeRows++;
      return "oversize";
    }
    let b = buffers.get(table);
    if (b === undefined) buffers.set(table, (b = { lines: [], bytes: 0 }));
    b.lines.push(line);
    b.bytes += bytes;
    stats.bufferedRows++;
    stats.bufferedBytes += bytes;
    if (b.lines.length < maxRows && b.bytes < maxBytes) {
      armTimer();
      return undefined;
    }
    cut(table);
    const sending = drain();
    sending.catch(() => undefined);
    return outboxBytes >= maxBuffered ? sending : undefined;
  };

  return {
    write,
    writeRow: (out) => write(out.table.name, encodeOutputRow(out)),
    flush,
    close() {
      closed = true;
      closing ??= flush().catch((err: unknown) => {
        closing = undefined; // a failed close can be retried
        throw err;
      });
      return closing;
    },
    stats,
  };
}

/**
 * The UTF-8 body of `lines`, each followed by a newline, encoded once (the token hash and the
 * insert both read these bytes); `bytes` is their exact encoded size including newlines.
 */
function encodeLines(lines: readonly string[], bytes: number): Buffer {
  const body = Buffer.allocUnsafe(bytes);
  let at = 0;
  for (const line of lines) {
    at += body.write(line, at, "utf8");
    body[at++] = 10;
  }
  return at === bytes ? body : body.subarray(0, at);
}
