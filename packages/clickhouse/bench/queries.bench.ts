/**
 * Query latency of the three serving contracts on a 24-hour window, embedded chDB.
 *
 * Simulates a 24-hour network of `LPA_BENCH_EVENTS` events (default 100,000), derives it with
 * core's batch deriver, loads the tables the serving views read, then times `gpuMetrics`,
 * `networkDemand` and `slaCompliance` (first page, limit 1000, granularity 1h) over the whole
 * day, `LPA_BENCH_ROUNDS` times each (default 20, after one warm-up). Prints p50/p95 per
 * contract and their ratio to a bare `SELECT count()` of the window's status samples, plus the
 * CPU time per query (process CPU: chDB runs in-process), steadier than wall time on a busy host.
 * Run: node --import tsx --conditions=@livepeer-analytics/source packages/clickhouse/bench/queries.bench.ts
 */
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createBatchDeriver, encodeOutputRow, formatTimestamp } from "@livepeer-analytics/core";
import { simulateNetworkStream } from "@livepeer-analytics/testkit";
import {
  createClickHouse,
  gpuMetrics,
  migrate,
  networkDemand,
  slaCompliance,
  type LpaClickHouse,
} from "../src/index.js";

const EVENTS = Number(process.env.LPA_BENCH_EVENTS ?? 100_000);
const ROUNDS = Number(process.env.LPA_BENCH_ROUNDS ?? 20);
const DAY_MS = 86_400_000;
const START_MS = Date.UTC(2026, 1, 25);
/** Events per simulated session with the defaults below (measured: ~115). */
const EVENTS_PER_SESSION = 115;
/** The tables the serving views read; the others do not change query times. */
const SERVING_TABLES = new Set([
  "fact_workflow_sessions",
  "fact_workflow_latency_samples",
  "fact_stream_status_samples",
  "raw_payment_events",
  "raw_network_capabilities",
  "dim_orchestrator_capability_snapshots",
]);
const BATCH_LINES = 200_000;

const sha256 = (s: string): string => createHash("sha256").update(s, "utf8").digest("hex");

/** Derives the simulated day and inserts the serving tables in batches; returns event count. */
async function load(db: LpaClickHouse): Promise<number> {
  const sessions = Math.max(1, Math.round(EVENTS / EVENTS_PER_SESSION));
  const config = {
    seed: 7,
    startMs: START_MS,
    durationMs: DAY_MS,
    sessions,
    orchestrators: 24,
    gateways: 6,
  };
  const deriver = createBatchDeriver({ topic: "bench", processingTimeMs: START_MS, sha256 });
  const buffers = new Map<string, string[]>();
  const flush = async (table: string, lines: string[]) => {
    if (lines.length > 0) await db.insertJsonLines(table, lines.join("\n"));
    lines.length = 0;
  };
  const add = async (rows: Iterable<{ table: { name: string } }>) => {
    for (const r of rows) {
      if (!SERVING_TABLES.has(r.table.name)) continue;
      const lines = buffers.get(r.table.name) ?? [];
      buffers.set(r.table.name, lines);
      lines.push(encodeOutputRow(r as Parameters<typeof encodeOutputRow>[0]));
      if (lines.length >= BATCH_LINES) await flush(r.table.name, lines);
    }
  };
  let n = 0;
  for (const env of simulateNetworkStream(config)) await add(deriver.push(env, n++));
  await add(deriver.finish());
  for (const [table, lines] of buffers) await flush(table, lines);
  return n;
}

/** Sorted wall and CPU durations (ms) of `rounds` runs of `run`, after one warm-up run. */
async function time(
  rounds: number,
  run: () => Promise<unknown>,
): Promise<{ wall: number[]; cpu: number[] }> {
  await run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await run();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const asc = (a: number, b: number) => a - b;
  return { wall: wall.sort(asc), cpu: cpu.sort(asc) };
}

const pct = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;

const dir = mkdtempSync(join(tmpdir(), "lpa-bench-queries-"));
const db = await createClickHouse({ path: dir });
try {
  await migrate(db);
  const t0 = performance.now();
  const events = await load(db);
  const [facts] = await db.query<{ n: string }>(
    `SELECT count() AS n FROM ${db.database}.fact_stream_status_samples`,
  );
  console.log(
    `loaded ${events.toLocaleString("en-US")} events (${facts?.n} status samples) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const window = { start: START_MS, end: START_MS + DAY_MS, limit: 1000 };
  const baseline = await time(ROUNDS, () =>
    db.query(
      `SELECT count() FROM ${db.database}.fact_stream_status_samples WHERE sample_ts >= {s:DateTime64(3, 'UTC')} AND sample_ts < {e:DateTime64(3, 'UTC')}`,
      { params: { s: formatTimestamp(window.start), e: formatTimestamp(window.end) } },
    ),
  );
  const base50 = pct(baseline.wall, 0.5);
  console.log(
    `SELECT count() (24 h of status samples): p50 ${base50.toFixed(1)} ms, p95 ${pct(baseline.wall, 0.95).toFixed(1)} ms`,
  );
  const contracts: [string, () => Promise<unknown>][] = [
    ["gpuMetrics", () => gpuMetrics(db, window)],
    ["networkDemand", () => networkDemand(db, window)],
    ["slaCompliance", () => slaCompliance(db, window)],
  ];
  for (const [name, run] of contracts) {
    const t = await time(ROUNDS, run);
    const p50 = pct(t.wall, 0.5);
    const p95 = pct(t.wall, 0.95);
    console.log(
      `${name.padEnd(14)} p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (${(p50 / base50).toFixed(1)}× / ${(p95 / base50).toFixed(1)}× the count() p50); CPU p50 ${pct(t.cpu, 0.5).toFixed(1)} ms`,
    );
  }
} finally {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}
