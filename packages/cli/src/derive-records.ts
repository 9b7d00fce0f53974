import { createHash } from "node:crypto";
import { createBatchDeriver, encodeOutputRow, type BatchCounters } from "@livepeer-analytics/core";
import { createProgress } from "./io/progress.js";
import type { RecordInput } from "./io/record-reader.js";

/** Files above this size show a progress bar on stderr. */
export const PROGRESS_THRESHOLD_BYTES = 10 * 1024 * 1024;

/** Native SHA-256 (UTF-8 in, lowercase hex out) for payload-hash dedup keys. */
export const nodeSha256 = (s: string): string =>
  createHash("sha256").update(s, "utf8").digest("hex");

/**
 * Where derived rows go: one JSONEachRow line for a table. A returned promise means "wait before
 * the next row" (backpressure); `"oversize"` means the sink refused an oversize row.
 */
export interface RowSink {
  write(table: string, line: string): Promise<void> | "oversize" | undefined;
}

/** Derivation options shared by `lpa derive` and `lpa load`. */
export interface DeriveRecordsOptions {
  readonly org?: string;
  readonly maxRecordBytes?: number;
  readonly pipelineModelMode?: string;
  /** Processing instant of the batch (epoch ms); default the wall clock at start. */
  readonly processingTimeMs?: number;
  /** Show a progress bar (default: files over {@link PROGRESS_THRESHOLD_BYTES}). */
  readonly progress?: boolean;
}

/**
 * Streams the records of `input` through core's batch deriver into `sink`: raw, DLQ, quarantine,
 * unknown and dimension rows as records arrive, then every fact once all are read. Returns the
 * counters.
 */
export async function deriveRecords(
  input: RecordInput,
  sink: RowSink,
  opts: DeriveRecordsOptions,
  label: string,
): Promise<BatchCounters> {
  const deriver = createBatchDeriver({
    topic: input.topic,
    processingTimeMs: opts.processingTimeMs ?? Date.now(),
    sha256: nodeSha256,
    ...(opts.org !== undefined ? { org: opts.org } : {}),
    ...(opts.maxRecordBytes !== undefined ? { maxRecordBytes: opts.maxRecordBytes } : {}),
    ...(opts.pipelineModelMode !== undefined ? { pipelineModelMode: opts.pipelineModelMode } : {}),
  });
  const showProgress =
    opts.progress ?? (input.sizeBytes !== null && input.sizeBytes > PROGRESS_THRESHOLD_BYTES);
  const progress = showProgress ? createProgress(input.sizeBytes ?? 0, label) : null;
  try {
    for await (const rec of input.records) {
      for (const row of deriver.push(rec.value, rec.index, rec.source)) {
        const wait = sink.write(row.table.name, encodeOutputRow(row));
        if (wait instanceof Promise) await wait;
      }
      progress?.update(input.bytesRead(), `${deriver.counters.consumed} events`);
    }
    progress?.update(input.sizeBytes ?? 0, "deriving sessions");
    for (const row of deriver.finish()) {
      const wait = sink.write(row.table.name, encodeOutputRow(row));
      if (wait instanceof Promise) await wait;
    }
  } finally {
    progress?.done();
  }
  return deriver.counters;
}

/** The summary line of events.md §11. */
export function summaryLine(c: BatchCounters): string {
  return `consumed=${c.consumed} accepted=${c.accepted} rejected=${c.rejected} duplicates=${c.duplicates} unknown=${c.unknown}`;
}
