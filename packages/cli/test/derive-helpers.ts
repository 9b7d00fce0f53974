import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deriveFile } from "../src/commands/derive.js";
import type { BatchCounters } from "@livepeer-analytics/core";

/** Result of running `lpa derive` on a file into a fresh temporary directory. */
export interface DerivedDir {
  readonly dir: string;
  readonly counters: BatchCounters;
  /** Rows of `<table>.jsonl`, parsed. */
  rows(table: string): Record<string, unknown>[];
}

/** Runs `lpa derive FILE --out <tmp>` in-process and gives access to the written tables. */
export async function deriveToTemp(file: string): Promise<DerivedDir> {
  const dir = mkdtempSync(join(tmpdir(), "lpa-derive-"));
  const counters = await deriveFile({
    input: file,
    outDir: dir,
    processingTimeMs: 1_772_000_000_000,
  });
  return {
    dir,
    counters,
    rows: (table) =>
      readFileSync(join(dir, `${table}.jsonl`), "utf8")
        .split("\n")
        .filter((l) => l !== "")
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}
