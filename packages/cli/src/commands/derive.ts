import { createHash } from "node:crypto";
import { parseArgs } from "node:util";
import { BATCH_OUTPUT_TABLES, createBatchDeriver, encodeOutputRow } from "@livepeer-analytics/core";
import type { BatchCounters } from "@livepeer-analytics/core";
import { openRecordInput } from "../io/record-reader.js";
import { createProgress } from "../io/progress.js";
import { JsonlTableWriter } from "../io/table-writer.js";
import { UsageError } from "../usage-error.js";

/** Files above this size show a progress bar on stderr. */
const PROGRESS_THRESHOLD_BYTES = 10 * 1024 * 1024;

/** Native SHA-256 (UTF-8 in, lowercase hex out) for payload-hash dedup keys. */
export const nodeSha256 = (s: string): string =>
  createHash("sha256").update(s, "utf8").digest("hex");

/** Options of {@link deriveFile}. */
export interface DeriveFileOptions {
  readonly input: string;
  readonly outDir: string;
  readonly org?: string;
  readonly maxRecordBytes?: number;
  readonly pipelineModelMode?: string;
  /** Processing instant of the batch (epoch ms); default the wall clock at start. */
  readonly processingTimeMs?: number;
  readonly progress?: boolean;
}

/**
 * `lpa derive` as a function: streams the records of `input` through core's batch deriver and
 * writes one `<table>.jsonl` per output table into `outDir`; returns the counters.
 */
export async function deriveFile(opts: DeriveFileOptions): Promise<BatchCounters> {
  const input = await openRecordInput(opts.input);
  const writer = await JsonlTableWriter.open(opts.outDir, BATCH_OUTPUT_TABLES);
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
  const progress = showProgress ? createProgress(input.sizeBytes ?? 0, "derive") : null;
  try {
    for await (const rec of input.records) {
      for (const row of deriver.push(rec.value, rec.index))
        await writer.write(row.table.name, encodeOutputRow(row));
      progress?.update(input.bytesRead(), `${deriver.counters.consumed} events`);
    }
    progress?.update(input.sizeBytes ?? 0, "deriving sessions");
    for (const row of deriver.finish()) await writer.write(row.table.name, encodeOutputRow(row));
  } finally {
    progress?.done();
    await writer.close();
  }
  return deriver.counters;
}

/** The summary line of events.md §11. */
export function summaryLine(c: BatchCounters): string {
  return `consumed=${c.consumed} accepted=${c.accepted} rejected=${c.rejected} duplicates=${c.duplicates} unknown=${c.unknown}`;
}

/** `lpa derive [FILE|-] --out DIR [--org ORG] [--max-record-bytes N] [--pipeline-model-mode M]`. */
export async function deriveCommand(args: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        out: { type: "string", short: "o" },
        org: { type: "string" },
        "max-record-bytes": { type: "string" },
        "pipeline-model-mode": { type: "string" },
        progress: { type: "boolean" },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError("derive takes at most one input file");
  if (!values.out) throw new UsageError("derive needs --out DIR");
  let maxRecordBytes: number | undefined;
  if (values["max-record-bytes"] !== undefined) {
    maxRecordBytes = Number(values["max-record-bytes"]);
    if (!Number.isSafeInteger(maxRecordBytes) || maxRecordBytes <= 0)
      throw new UsageError("--max-record-bytes must be a positive integer");
  }
  const counters = await deriveFile({
    input: positionals[0] ?? "-",
    outDir: values.out,
    ...(values.org !== undefined ? { org: values.org } : {}),
    ...(maxRecordBytes !== undefined ? { maxRecordBytes } : {}),
    ...(values["pipeline-model-mode"] !== undefined
      ? { pipelineModelMode: values["pipeline-model-mode"] }
      : {}),
    ...(values.progress !== undefined ? { progress: values.progress } : {}),
  });
  process.stdout.write(`${summaryLine(counters)}\n`);
  return 0;
}
