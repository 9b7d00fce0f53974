import { BATCH_OUTPUT_TABLES, type BatchCounters } from "@livepeer-analytics/core";
import {
  deriveRecords,
  nodeSha256,
  summaryLine,
  type DeriveRecordsOptions,
} from "../derive-records.js";
import { openRecordInput } from "../io/record-reader.js";
import { JsonlTableWriter } from "../io/table-writer.js";
import { UsageError } from "../usage-error.js";
import { DERIVE_OPTION_SPECS, deriveOptionsFrom, parseCommandArgs } from "./command-args.js";

export { nodeSha256, summaryLine };

/** Options of {@link deriveFile}. */
export interface DeriveFileOptions extends DeriveRecordsOptions {
  readonly input: string;
  readonly outDir: string;
}

/**
 * `lpa derive` as a function: streams the records of `input` through core's batch deriver and
 * writes one `<table>.jsonl` per output table into `outDir`; returns the counters.
 */
export async function deriveFile(opts: DeriveFileOptions): Promise<BatchCounters> {
  const input = await openRecordInput(opts.input);
  const writer = await JsonlTableWriter.open(opts.outDir, BATCH_OUTPUT_TABLES);
  try {
    return await deriveRecords(input, { write: (t, l) => writer.write(t, l) }, opts, "derive");
  } finally {
    await writer.close();
  }
}

/** `lpa derive [FILE|-] --out DIR [--org ORG] [--max-record-bytes N] [--pipeline-model-mode M]`. */
export async function deriveCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...DERIVE_OPTION_SPECS,
    out: { type: "string", short: "o" },
  });
  if (positionals.length > 1) throw new UsageError("derive takes at most one input file");
  const out = values["out"];
  if (typeof out !== "string") throw new UsageError("derive needs --out DIR");
  const counters = await deriveFile({
    input: positionals[0] ?? "-",
    outDir: out,
    ...deriveOptionsFrom(values),
  });
  process.stdout.write(`${summaryLine(counters)}\n`);
  return 0;
}
