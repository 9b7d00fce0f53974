import type { RecordOrigin } from "@livepeer-analytics/core";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import type { Readable } from "node:stream";

/** One input record: its text (or, for `.json` arrays, the parsed element) and zero-based index. */
export interface InputRecord {
  readonly value: string | object | null;
  readonly index: number;
  /** Where the record originally came from, when it is not this input (archive replay). */
  readonly source?: RecordOrigin;
}

/** Where records come from: a path, or `-` for standard input. */
export interface RecordInput {
  readonly path: string;
  /** Source topic label of events.md §2: `file:<basename>` (`file:-` for stdin). */
  readonly topic: string;
  /** Total bytes when known (files), for progress reporting. */
  readonly sizeBytes: number | null;
  /** Async iteration over records in file order. */
  readonly records: AsyncIterable<InputRecord>;
  /** Bytes consumed so far (for progress). */
  bytesRead(): number;
}

/**
 * Opens a record source per events.md §11: a `.json` file holds one JSON value (an envelope or an
 * array of envelopes, one record per element); anything else (`.jsonl`, `.ndjson`, stdin) holds
 * one record per line, blank lines ignored. Lines stream, so memory stays constant in file size.
 */
export async function openRecordInput(
  path: string,
  stdin: Readable = process.stdin,
): Promise<RecordInput> {
  const isStdin = path === "-";
  const sizeBytes = isStdin ? null : (await stat(path)).size;
  // The stream is created when iteration starts, so nothing can be read (or lost) before.
  const open = (): Readable => (isStdin ? stdin : createReadStream(path));
  let read = 0;
  // Bytes are counted as the record generators pull chunks (a 'data' listener would switch the
  // stream to flowing mode and lose the chunks emitted before iteration starts).
  async function* counted(): AsyncGenerator<Buffer> {
    for await (const chunk of open()) {
      const b = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
      read += b.length;
      yield b;
    }
  }
  const records =
    !isStdin && path.endsWith(".json") ? jsonFileRecords(counted()) : lineRecords(counted());
  return {
    path,
    topic: `file:${isStdin ? "-" : basename(path)}`,
    sizeBytes,
    records,
    bytesRead: () => read,
  };
}

async function* jsonFileRecords(stream: AsyncIterable<Buffer>): AsyncGenerator<InputRecord> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString("utf8");
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    // Not JSON at all: one record whose text fails to parse (DLQ json_parse_error).
    yield { value: text, index: 0 };
    return;
  }
  if (Array.isArray(root)) {
    let i = 0;
    for (const el of root) yield { value: el === null ? "null" : (el as object), index: i++ };
  } else {
    yield { value: text, index: 0 };
  }
}

/**
 * Splits a byte stream into lines without decoding chunk boundaries wrongly: bytes are buffered
 * until a newline, then decoded as UTF-8 (malformed sequences become U+FFFD).
 */
async function* lineRecords(stream: AsyncIterable<Buffer>): AsyncGenerator<InputRecord> {
  let pending: Buffer | null = null;
  let index = 0;
  for await (const raw of stream) {
    let chunk: Buffer = raw;
    if (pending) {
      chunk = Buffer.concat([pending, chunk]);
      pending = null;
    }
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      const line = chunk.toString("utf8", start, nl > start && chunk[nl - 1] === 13 ? nl - 1 : nl);
      start = nl + 1;
      if (isBlankLine(line)) continue;
      yield { value: line, index: index++ };
    }
    if (start < chunk.length) pending = Buffer.from(chunk.subarray(start));
  }
  if (pending) {
    const line = pending.toString("utf8");
    if (!isBlankLine(line)) yield { value: line, index };
  }
}

function isBlankLine(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}
