import {
  createBatchWriter,
  createClickHouse,
  migrate,
  refreshRollups,
  type ClickHouseOptions,
  type LpaClickHouse,
  type RefreshResult,
  type WriterStats,
} from "@livepeer-analytics/clickhouse";
import type { BatchCounters } from "@livepeer-analytics/core";
import { deriveRecords, summaryLine, type DeriveRecordsOptions } from "../derive-records.js";
import { openRecordInput, type RecordInput } from "../io/record-reader.js";
import { UsageError } from "../usage-error.js";
import {
  databaseOptionsFrom,
  DB_OPTION_SPECS,
  DERIVE_OPTION_SPECS,
  deriveOptionsFrom,
  parseCommandArgs,
  positiveInteger,
} from "./command-args.js";

/** Options of {@link loadFile}. */
export interface LoadFileOptions extends DeriveRecordsOptions {
  readonly input: string;
  readonly database: ClickHouseOptions;
  /** Rows per insert batch and table (default the writer's, 100 000). */
  readonly batchRows?: number;
}

/** What a load did: core's counters and the writer's. */
export interface LoadResult {
  readonly counters: BatchCounters;
  readonly writer: Readonly<WriterStats>;
  /** The rollup refresh run after the rows were written. */
  readonly rollups: RefreshResult;
}

/**
 * `lpa load` as a function: migrates the database, derives `input` and writes every row (raw,
 * DLQ, quarantine, unknown, dimensions, facts) through the idempotent batch writer. Batches are
 * cut by rows and bytes only, so loading the same file again — or again after a load was killed
 * half way — sends identical batches, which the engine skips: counts never change.
 */
export async function loadFile(opts: LoadFileOptions): Promise<LoadResult> {
  const db = await createClickHouse(opts.database);
  try {
    await migrate(db);
    return await deriveIntoDatabase(db, await openRecordInput(opts.input), opts, "load");
  } finally {
    await db.close();
  }
}

/**
 * Derives `input` and writes every row into `db` through one idempotent batch writer with no
 * timer (cut points depend only on the input), closed before returning, then refreshes the
 * rollups the rows made dirty (so the API reads them at once). Shared by `load`, `replay` and
 * `start`.
 */
export async function deriveIntoDatabase(
  db: LpaClickHouse,
  input: RecordInput,
  opts: DeriveRecordsOptions & { readonly batchRows?: number },
  label: string,
): Promise<LoadResult> {
  const writer = createBatchWriter(db, {
    maxDelayMs: Infinity,
    ...(opts.batchRows === undefined ? {} : { maxRows: opts.batchRows }),
  });
  const counters = await deriveRecords(input, writer, opts, label);
  await writer.close();
  const rollups = await refreshRollups(db);
  return { counters, writer: writer.stats, rollups };
}

/** `lpa load FILE [--db PATH | --url URL]`. */
export async function loadCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...DERIVE_OPTION_SPECS,
    ...DB_OPTION_SPECS,
    "batch-rows": { type: "string" },
  });
  if (positionals.length !== 1) throw new UsageError("load takes exactly one input file (or -)");
  const result = await loadFile({
    input: positionals[0] as string,
    database: databaseOptionsFrom(values),
    ...(positiveInteger(values, "batch-rows") === undefined
      ? {}
      : { batchRows: positiveInteger(values, "batch-rows") as number }),
    ...deriveOptionsFrom(values),
  });
  process.stdout.write(
    `${summaryLine(result.counters)} rows_written=${result.writer.rowsWritten} batches=${result.writer.batchesWritten}\n`,
  );
  return 0;
}
