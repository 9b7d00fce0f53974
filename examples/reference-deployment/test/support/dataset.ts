// A small simulated network loaded into an embedded database with `lpa load`'s loadFile: an
// hour of the testkit simulator (sessions, status, traces, capabilities, payments) with
// duplicates, plus a few records for the DLQ, the quarantine and the unknown-events table.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadFile, type LoadResult } from "@livepeer-analytics/cli";
import { networkHour, simulateNetworkStream } from "@livepeer-analytics/testkit";

/** Start of the simulated hour: 2026-02-25T00:00:00Z. */
export const DATASET_START_MS = Date.UTC(2026, 1, 25, 0, 0, 0);

/** Envelopes that end in the DLQ, the quarantine and raw_unknown_events. */
function oddRecords(first: string): string[] {
  const env = JSON.parse(first) as Record<string, unknown>;
  const ts = String(DATASET_START_MS + 60_000);
  return [
    "{not json",
    JSON.stringify({ id: "no-type", timestamp: ts, data: {} }),
    JSON.stringify({ id: "bad-ts", type: "ai_stream_status", timestamp: "yesterday", data: {} }),
    JSON.stringify({ ...env, data: { ...(env["data"] as object), changed: true } }),
    JSON.stringify({ id: "unknown-1", type: "some_future_event", timestamp: ts, data: { x: 1 } }),
  ];
}

/** Writes the dataset as JSON Lines into `dir`; returns the file and its record count. */
export function writeDataset(dir: string, sessions = 60): { file: string; records: number } {
  const lines: string[] = [];
  const config = {
    ...networkHour(5, DATASET_START_MS),
    sessions,
    delivery: { duplicateRate: 0.02, shuffleWindow: 10 },
  };
  for (const env of simulateNetworkStream(config)) lines.push(JSON.stringify(env));
  lines.push(...oddRecords(lines[0] as string));
  const file = join(dir, "dataset.jsonl");
  writeFileSync(file, `${lines.join("\n")}\n`);
  return { file, records: lines.length };
}

/** Migrates the embedded database at `dbPath` and loads the dataset into it. */
export async function loadDataset(dir: string, dbPath: string): Promise<LoadResult> {
  const { file } = writeDataset(dir);
  return loadFile({ input: file, database: { path: dbPath } });
}
