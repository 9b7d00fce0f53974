/**
 * The benchmarks' serving dataset: a simulated network of `events` events over 24 hours
 * (2026-02-25, UTC), derived by core's batch deriver and stored in an embedded database — the
 * tables the serving views read, then one rollup refresh. Built in independent one-hour chunks
 * (one simulated network and one deriver each) so memory stays flat at 10M events. Reused when
 * `dir` already holds a dataset of the same size (building 10M events takes minutes), after
 * applying any migration it lacks.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createBatchDeriver, encodeOutputRow, type OutputRow } from "@livepeer-analytics/core";
import { simulateNetworkStream } from "@livepeer-analytics/testkit";
import {
  createClickHouse,
  migrate,
  refreshRollups,
  SERVING_INPUT_TABLES,
  type LpaClickHouse,
} from "../src/index.js";

/** First instant of the dataset's day (2026-02-25T00:00:00Z). */
export const DATASET_START = Date.UTC(2026, 1, 25);
/** The dataset covers one day. */
export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Events per simulated session with the network shape below (measured: ~115). */
const EVENTS_PER_SESSION = 115;
const BATCH_LINES = 200_000;
const MARKER = "lpa-bench-dataset.json";

/** What {@link openServingDataset} built or found. */
export interface ServingDataset {
  readonly dir: string;
  readonly events: number;
  readonly statusSamples: number;
  /** Seconds spent deriving and loading (0 when reused). */
  readonly loadSeconds: number;
  /** Seconds of the rollup refresh over the whole day (0 when reused). */
  readonly refreshSeconds: number;
  readonly reused: boolean;
}

const sha256 = (s: string): string => createHash("sha256").update(s, "utf8").digest("hex");

/** Derives one simulated hour and inserts its serving rows in batches; returns its events. */
async function loadHour(db: LpaClickHouse, hour: number, sessions: number): Promise<number> {
  const startMs = DATASET_START + hour * HOUR_MS;
  const deriver = createBatchDeriver({ topic: "bench", processingTimeMs: startMs, sha256 });
  const buffers = new Map<string, string[]>();
  const flush = async (table: string, lines: string[]): Promise<void> => {
    if (lines.length > 0) await db.insertJsonLines(table, lines.join("\n"));
    lines.length = 0;
  };
  const add = async (rows: Iterable<OutputRow>): Promise<void> => {
    for (const r of rows) {
      if (!SERVING_INPUT_TABLES.has(r.table.name)) continue;
      const lines = buffers.get(r.table.name) ?? [];
      buffers.set(r.table.name, lines);
      lines.push(encodeOutputRow(r));
      if (lines.length >= BATCH_LINES) await flush(r.table.name, lines);
    }
  };
  const config = {
    seed: 1_000 + hour,
    startMs,
    durationMs: HOUR_MS,
    sessions,
    orchestrators: 24,
    gateways: 6,
  };
  let n = 0;
  for (const env of simulateNetworkStream(config)) await add(deriver.push(env, n++));
  await add(deriver.finish());
  for (const [table, lines] of buffers) await flush(table, lines);
  return n;
}

/**
 * Applies the migrations a reused dataset lacks (it may predate some), so it has the schema of
 * this code. Each migration brings existing rows along (e.g. 0004 fills the GPU rollup's
 * metadata), so no reload is needed.
 */
async function migrateReused(dir: string): Promise<void> {
  const db = await createClickHouse({ path: dir });
  try {
    const { applied } = await migrate(db);
    if (applied.length > 0) process.stderr.write(`dataset: migrated (${applied.join(", ")})\n`);
  } finally {
    await db.close();
  }
}

/** Opens (building when needed) the dataset of about `events` events in `dir`. */
export async function openServingDataset(events: number, dir: string): Promise<ServingDataset> {
  const marker = join(dir, MARKER);
  if (existsSync(marker)) {
    const m = JSON.parse(readFileSync(marker, "utf8")) as Omit<ServingDataset, "reused">;
    if (m.events >= events * 0.9 && m.events <= events * 1.1) {
      await migrateReused(dir);
      return { ...m, dir, loadSeconds: 0, refreshSeconds: 0, reused: true };
    }
  }
  mkdirSync(dir, { recursive: true });
  const db = await createClickHouse({ path: dir });
  try {
    await migrate(db);
    const perHour = Math.max(1, Math.round(events / EVENTS_PER_SESSION / 24));
    const t0 = performance.now();
    let total = 0;
    for (let h = 0; h < 24; h++) {
      total += await loadHour(db, h, perHour);
      process.stderr.write(`\rdataset: hour ${h + 1}/24, ${total.toLocaleString("en-US")} events`);
    }
    process.stderr.write("\n");
    const loadSeconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    await refreshRollups(db);
    const refreshSeconds = (performance.now() - t1) / 1000;
    const [facts] = await db.query<{ n: string }>(
      `SELECT count() AS n FROM ${db.database}.fact_stream_status_samples`,
    );
    const out = {
      dir,
      events: total,
      statusSamples: Number(facts?.n ?? 0),
      loadSeconds,
      refreshSeconds,
    };
    writeFileSync(marker, JSON.stringify(out));
    return { ...out, reused: false };
  } finally {
    await db.close();
  }
}
