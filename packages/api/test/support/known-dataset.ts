// The known dataset of the API tests: a simulated network (testkit, fixed seed and time)
// derived by core's batch deriver and loaded into an embedded database in a fresh temp dir.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createClickHouse,
  migrate,
  refreshRollups,
  type LpaClickHouse,
} from "@livepeer-analytics/clickhouse";
import { createBatchDeriver, encodeOutputRow, type OutputRow } from "@livepeer-analytics/core";
import { simulateNetworkStream, type NetworkConfig } from "@livepeer-analytics/testkit";

const HOUR = 3_600_000;

/** 2026-02-25T18:00:00Z: the network runs 18:00–22:00 (sessions may end a bit later). */
export const DATASET_START = Date.UTC(2026, 1, 25, 18);
/** The day window the tests query: 2026-02-25T08:00Z – 2026-02-26T08:00Z. */
export const DAY_START = Date.UTC(2026, 1, 25, 8);
export const DAY_END = Date.UTC(2026, 1, 26, 8);

/** The simulated network of the known dataset. */
export function knownNetwork(sessions = 400): NetworkConfig {
  return {
    seed: 7,
    startMs: DATASET_START,
    durationMs: 4 * HOUR,
    sessions,
    gateways: 4,
    orchestrators: 12,
    llmOrchestrators: 1,
  };
}

const sha256 = (s: string): string => createHash("sha256").update(s, "utf8").digest("hex");

/** Derives `config`'s events and inserts every output row, one insert per table. */
export async function loadNetwork(db: LpaClickHouse, config: NetworkConfig): Promise<number> {
  const d = createBatchDeriver({ topic: "test", processingTimeMs: config.startMs, sha256 });
  const byTable = new Map<string, string[]>();
  let events = 0;
  const add = (rows: Iterable<OutputRow>): void => {
    for (const r of rows) {
      if (r.table.name === "") continue;
      const lines = byTable.get(r.table.name) ?? [];
      lines.push(encodeOutputRow(r));
      byTable.set(r.table.name, lines);
    }
  };
  for (const e of simulateNetworkStream(config)) add(d.push(e, events++));
  add(d.finish());
  for (const [table, lines] of byTable) await db.insertJsonLines(table, lines.join("\n"));
  return events;
}

/** A loaded database: a writable handle closed after loading, and a read-only one to serve. */
export interface KnownDb {
  readonly db: LpaClickHouse;
  readonly dir: string;
  readonly events: number;
  close(): Promise<void>;
}

/**
 * Creates a temp dir, migrates, loads `config`, refreshes the rollups (so 1h/1d answers come
 * from them, as in a running deployment) and reopens the directory read-only.
 */
export async function openKnownDb(config: NetworkConfig = knownNetwork()): Promise<KnownDb> {
  const dir = mkdtempSync(join(tmpdir(), "lpa-api-"));
  const writer = await createClickHouse({ path: dir });
  await migrate(writer);
  const events = await loadNetwork(writer, config);
  await refreshRollups(writer);
  await writer.close();
  const db = await createClickHouse({ path: dir, readOnly: true });
  return {
    db,
    dir,
    events,
    async close() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
