/**
 * Query latency of the three serving contracts on a 24-hour window, embedded chDB.
 *
 * Opens the benchmarks' serving dataset (bench/serving-dataset.ts: `LPA_BENCH_EVENTS` simulated
 * events over one day, default 10,000,000, built once into `LPA_BENCH_DATASET_DIR`, default
 * `.lpa/bench/serving-<events>`, then reused; chDB binds one data dir per process, so concurrent
 * benches need their own copies), then times `gpuMetrics`, `networkDemand` and
 * `slaCompliance` (first page, limit 1000, granularity 1h, whole day) as the API runs them
 * (from the rollups), `LPA_BENCH_ROUNDS` times each (default 20, after one warm-up), and the
 * same requests computed by the views (`LPA_BENCH_VIEW_ROUNDS`, default 3). Prints p50/p95 and
 * their ratio to a bare `SELECT count()` of the window's status samples, plus CPU per query, and
 * the per-statement floor (`SELECT 1`).
 * Run: node --import tsx --conditions=@livepeer-analytics/source packages/clickhouse/bench/queries.bench.ts
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatTimestamp } from "@livepeer-analytics/core";
import {
  createClickHouse,
  gpuMetrics,
  networkDemand,
  slaCompliance,
  type ServingSource,
} from "../src/index.js";
import { DATASET_START, DAY_MS, openServingDataset } from "./serving-dataset.js";

const EVENTS = Number(process.env.LPA_BENCH_EVENTS ?? 10_000_000);
const ROUNDS = Number(process.env.LPA_BENCH_ROUNDS ?? 20);
const VIEW_ROUNDS = Number(process.env.LPA_BENCH_VIEW_ROUNDS ?? 3);
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const DIR = process.env.LPA_BENCH_DATASET_DIR ?? join(ROOT, ".lpa", "bench", `serving-${EVENTS}`);

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

const data = await openServingDataset(EVENTS, DIR);
console.log(
  data.reused
    ? `dataset: ${data.events.toLocaleString("en-US")} events (${data.statusSamples.toLocaleString("en-US")} status samples), reused from ${data.dir}`
    : `dataset: ${data.events.toLocaleString("en-US")} events (${data.statusSamples.toLocaleString("en-US")} status samples) loaded in ${data.loadSeconds.toFixed(0)} s; rollup refresh of the day ${data.refreshSeconds.toFixed(1)} s`,
);
const db = await createClickHouse({ path: DIR, readOnly: true });
try {
  const window = { start: DATASET_START, end: DATASET_START + DAY_MS, limit: 1000 };
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
  const floor = await time(ROUNDS, () => db.query("SELECT 1"));
  console.log(
    `SELECT 1 (per-statement floor): p50 ${pct(floor.wall, 0.5).toFixed(1)} ms, p95 ${pct(floor.wall, 0.95).toFixed(1)} ms`,
  );
  const contracts: [string, (source: ServingSource) => Promise<unknown>][] = [
    ["gpuMetrics", (source) => gpuMetrics(db, window, { source })],
    ["networkDemand", (source) => networkDemand(db, window, { source })],
    ["slaCompliance", (source) => slaCompliance(db, window, { source })],
  ];
  let worst = 0;
  for (const [name, run] of contracts) {
    const t = await time(ROUNDS, () => run("auto"));
    const v = await time(VIEW_ROUNDS, () => run("view"));
    const p50 = pct(t.wall, 0.5);
    const p95 = pct(t.wall, 0.95);
    worst = Math.max(worst, p95);
    console.log(
      `${name.padEnd(14)} p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (${(p50 / base50).toFixed(1)}× / ${(p95 / base50).toFixed(1)}× the count() p50; CPU p50 ${pct(t.cpu, 0.5).toFixed(1)} ms); from the view p50 ${pct(v.wall, 0.5).toFixed(0)} ms`,
    );
  }
  console.log(
    `worst contract p95 ${worst.toFixed(1)} ms (goal ≤ 50 ms: ${worst <= 50 ? "met" : "NOT met"})`,
  );
} finally {
  await db.close();
}
