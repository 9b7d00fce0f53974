// Test helpers: an embedded database per test file, derivation of envelopes through core's batch
// deriver, loading output rows, and collecting the same rows as core's serving inputs.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createBatchDeriver,
  encodeOutputRow,
  type OutputRow,
  type ServingInputs,
} from "@livepeer-analytics/core";
import {
  createClickHouse,
  migrate,
  MIGRATIONS,
  SERVING_INPUT_TABLES,
  type LpaClickHouse,
  type Migration,
} from "../../src/index.js";

/** An embedded database in a fresh temp dir (chDB binds one data dir per process). */
export interface ServingDb {
  readonly db: LpaClickHouse;
  close(): Promise<void>;
}

/** A fresh embedded database migrated with `migrations` (default: all of them). */
export async function openServingDb(
  prefix: string,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<ServingDb> {
  const dir = mkdtempSync(join(tmpdir(), `lpa-${prefix}-`));
  const db = await createClickHouse({ path: dir });
  await migrate(db, migrations);
  return {
    db,
    async close() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const sha256 = (s: string): string => createHash("sha256").update(s, "utf8").digest("hex");

/** Every output row of a batch derivation of `events` (one processing instant). */
export function deriveEnvelopes(events: Iterable<unknown>, processingTimeMs: number): OutputRow[] {
  const d = createBatchDeriver({ topic: "test", processingTimeMs, sha256 });
  const out: OutputRow[] = [];
  let i = 0;
  for (const e of events) for (const r of d.push(e as object, i++)) out.push(r);
  for (const r of d.finish()) out.push(r);
  return out;
}

/** Inserts output rows, one insert per table. */
export async function loadRows(db: LpaClickHouse, rows: Iterable<OutputRow>): Promise<void> {
  const byTable = new Map<string, string[]>();
  for (const r of rows) {
    const lines = byTable.get(r.table.name) ?? [];
    lines.push(encodeOutputRow(r));
    byTable.set(r.table.name, lines);
  }
  for (const [table, lines] of byTable) await db.insertJsonLines(table, lines.join("\n"));
}

/** Empties every table the serving views read (between property-test runs). */
export async function truncateServingTables(db: LpaClickHouse): Promise<void> {
  for (const t of SERVING_INPUT_TABLES) await db.command(`TRUNCATE TABLE ${db.database}.${t}`);
}

/** The rows core's in-memory views read, out of output rows (any number of derivations). */
export function servingInputs(rows: Iterable<OutputRow>): ServingInputs {
  const inputs = {
    sessions: [] as unknown[],
    latency: [] as unknown[],
    statusSamples: [] as unknown[],
    payments: [] as unknown[],
    capabilities: [] as unknown[],
  };
  const sinks: Record<string, unknown[]> = {
    fact_workflow_sessions: inputs.sessions,
    fact_workflow_latency_samples: inputs.latency,
    fact_stream_status_samples: inputs.statusSamples,
    raw_payment_events: inputs.payments,
    raw_network_capabilities: inputs.capabilities,
  };
  for (const r of rows) sinks[r.table.name]?.push(r.row);
  return inputs as unknown as ServingInputs;
}
