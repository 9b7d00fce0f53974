// The simulated hour the stack produces, and what the smoke check reads back.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createClickHouse } from "@livepeer-analytics/clickhouse";
import { networkHour, simulateNetworkStream } from "@livepeer-analytics/testkit";

/** A JSON Lines file of simulated envelopes. */
export interface SimulatedFile {
  readonly path: string;
  readonly events: number;
  /** Distinct simulated workflow sessions (the simulator's ground truth). */
  readonly sessions: number;
}

/** Writes one simulated network hour starting at `startMs` into `dir`. */
export function writeSimulatedHour(
  dir: string,
  seed: number,
  sessions: number,
  startMs: number,
): SimulatedFile {
  const truth = new Set<string>();
  const lines: string[] = [];
  const config = { ...networkHour(seed, startMs), sessions };
  for (const env of simulateNetworkStream(config, (t) => truth.add(t.workflow_session_id)))
    lines.push(JSON.stringify(env));
  const path = join(dir, "simulated-hour.jsonl");
  writeFileSync(path, `${lines.join("\n")}\n`);
  return { path, events: lines.length, sessions: truth.size };
}

/** Latest-version counts in the embedded database at `path` (opened after the worker exits). */
export async function countStored(
  path: string,
): Promise<{ sessions: number; rawEvents: number; statusSamples: number }> {
  const db = await createClickHouse({ path, readOnly: true });
  try {
    const count = async (table: string): Promise<number> => {
      const [row] = await db.query<{ n: string }>(
        `SELECT count() AS n FROM ${db.database}.${table} FINAL`,
      );
      return Number(row?.n ?? 0);
    };
    return {
      sessions: await count("fact_workflow_sessions"),
      rawEvents: await count("raw_streaming_events"),
      statusSamples: await count("fact_stream_status_samples"),
    };
  } finally {
    await db.close();
  }
}
