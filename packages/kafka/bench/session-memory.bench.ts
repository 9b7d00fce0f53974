/**
 * Memory per session in the consumer's session cache (issue 4 benchmark; goal ≤ 1 KB). A
 * simulated network goes through the real pipeline (embedded chDB, no broker: the cache does not
 * depend on the transport) in batches; then the heap is measured after a full GC with the cache
 * filled and again after the cache is dropped (a partition revoke clears it). Prints
 * bytes/session and, last, `session memory ratio <bytes ÷ 1024>` (≤ 1 meets the goal).
 *   node --expose-gc --import tsx --conditions=@livepeer-analytics/source packages/kafka/bench/session-memory.bench.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClickHouse, migrate } from "@livepeer-analytics/clickhouse";
import { simulateNetworkStream } from "@livepeer-analytics/testkit";
import { createPipeline } from "../src/index.js";

const SESSIONS = Number(process.env.LPA_BENCH_MEMORY_SESSIONS ?? 500);
const BATCH = 5_000;
const GOAL_BYTES = 1024;
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error("run with node --expose-gc");

const heap = (): number => {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
};

const values: Buffer[] = [];
for (const env of simulateNetworkStream({
  seed: 5,
  startMs: Date.UTC(2026, 1, 25, 20, 0, 0),
  durationMs: 3_600_000,
  sessions: SESSIONS,
  orchestrators: 24,
  gateways: 6,
}))
  values.push(Buffer.from(JSON.stringify(env)));

const dir = mkdtempSync(join(tmpdir(), "lpa-bench-mem-"));
const db = await createClickHouse({ path: dir });
try {
  await migrate(db);
  const pipeline = createPipeline({ db, topics: [{ name: "t" }], maxSessions: SESSIONS * 2 });
  await pipeline.start();
  for (let i = 0; i < values.length; i += BATCH) {
    await pipeline.processBatch({
      records: values.slice(i, i + BATCH).map((value, k) => ({
        topic: "t",
        partition: 0,
        offset: i + k,
        timestamp: null,
        value,
      })),
      highWatermarks: new Map(),
    });
  }
  const sessions = pipeline.cachedSessions;
  const filled = heap();
  pipeline.onRevoke(); // drops every cached session
  const empty = heap();
  await pipeline.close();
  const perSession = (filled - empty) / sessions;
  process.stdout.write(
    `cached sessions ${sessions} (${(values.length / sessions).toFixed(0)} events/session)\n`,
  );
  process.stdout.write(`session cache: ${Math.round(perSession)} bytes/session\n`);
  process.stdout.write(`session memory ratio ${(perSession / GOAL_BYTES).toFixed(3)}\n`);
} finally {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}
