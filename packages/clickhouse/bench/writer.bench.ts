/**
 * Writer throughput against the best a caller can do by hand: one bulk insert per table of the
 * same rows, measured in the same run on the same embedded engine. Prints rows/s of both and
 * `writer ratio <writer ÷ bulk>` (goal ≥ 0.8).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createBatchDeriver, encodeOutputRow } from "@livepeer-analytics/core";
import { simulateNetworkStream } from "@livepeer-analytics/testkit";
import { createHash } from "node:crypto";
import { createBatchWriter, createClickHouse, migrate } from "../src/index.js";

const SESSIONS = Number(process.env.LPA_BENCH_WRITER_SESSIONS ?? 600);
const START_MS = Date.UTC(2026, 1, 25, 20, 0, 0);
const sha256 = (s: string): string => createHash("sha256").update(s, "utf8").digest("hex");

function derivedLines(): Map<string, string[]> {
  const d = createBatchDeriver({ topic: "bench", processingTimeMs: START_MS, sha256 });
  const out = new Map<string, string[]>();
  const add = (
    rows: Iterable<{ table: { name: string } } & Parameters<typeof encodeOutputRow>[0]>,
  ) => {
    for (const r of rows) {
      let l = out.get(r.table.name);
      if (l === undefined) out.set(r.table.name, (l = []));
      l.push(encodeOutputRow(r));
    }
  };
  let i = 0;
  const config = {
    seed: 3,
    startMs: START_MS,
    durationMs: 4 * 3_600_000,
    sessions: SESSIONS,
    orchestrators: 16,
    gateways: 4,
  };
  for (const env of simulateNetworkStream(config)) add(d.push(env, i++));
  add(d.finish());
  return out;
}

const fmt = (n: number): string => Math.round(n).toLocaleString("en-US");
const ROUNDS = Number(process.env.LPA_BENCH_WRITER_ROUNDS ?? 2);
const dir = mkdtempSync(join(tmpdir(), "lpa-bench-writer-"));
const lines = derivedLines();
const rows = [...lines.values()].reduce((s, l) => s + l.length, 0);
console.log(`writer corpus: ${fmt(rows)} rows over ${lines.size} tables (${SESSIONS} sessions)`);

async function fresh(database: string) {
  const db = await createClickHouse({ path: dir, database });
  await migrate(db);
  return db;
}

async function bulk(round: number): Promise<number> {
  const db = await fresh(`bench_bulk_${round}`);
  const t0 = performance.now();
  for (const [table, l] of lines) await db.insertJsonLines(table, l.join("\n") + "\n");
  const ms = performance.now() - t0;
  await db.close();
  return ms;
}

async function batched(round: number): Promise<number> {
  const db = await fresh(`bench_writer_${round}`);
  const t0 = performance.now();
  const w = createBatchWriter(db);
  for (const [table, l] of lines)
    for (const line of l) {
      const wait = w.write(table, line);
      if (wait instanceof Promise) await wait;
    }
  await w.close();
  const ms = performance.now() - t0;
  await db.close();
  return ms;
}

// Alternate the two so background merges of one run burden both alike; keep the best of each.
let bulkMs = Infinity;
let writerMs = Infinity;
for (let r = 0; r < ROUNDS; r++) {
  bulkMs = Math.min(bulkMs, await bulk(r));
  writerMs = Math.min(writerMs, await batched(r));
}
const bulkRate = rows / (bulkMs / 1000);
const writerRate = rows / (writerMs / 1000);
console.log(`bulk insert (one per table):  ${fmt(bulkRate)} rows/s (${bulkMs.toFixed(0)} ms)`);
console.log(`batch writer (defaults):      ${fmt(writerRate)} rows/s (${writerMs.toFixed(0)} ms)`);
console.log(`writer ratio ${(writerRate / bulkRate).toFixed(3)}`);
rmSync(dir, { recursive: true, force: true });
