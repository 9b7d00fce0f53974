/**
 * Memory per session in the consumer's session cache (issue 4 benchmark; goal ≤ 1 KB). A
 * simulated network goes through the real pipeline (embedded chDB, no broker: the cache does not
 * depend on the transport) in batches; then the heap is measured after a full GC with the cache
 * filled and again after the cache is dropped (a partition revoke clears it). Twice: with every
 * session warm (keeping its last derivation to resume from; at most `maxWarmSessions`, 2 048 by
 * default, are) and cold (events only, what the rest of the cache holds). Prints both and, last,
 * `session memory ratio <cold bytes ÷ 1024>` (≤ 1 meets the goal).
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

/** Heap bytes per cached session after the corpus went through a pipeline on `database`. */
async function perSession(
  database: string,
  maxWarmSessions: number,
): Promise<{ sessions: number; bytes: number }> {
  const db = await createClickHouse({ path: dir, database });
  try {
    await migrate(db);
    const pipeline = createPipeline({
      db,
      topics: [{ name: "t" }],
      maxSessions: SESSIONS * 2,
      maxWarmSessions,
    });
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
    return { sessions, bytes: (filled - empty) / sessions };
  } finally {
    await db.close();
  }
}

// One chDB data directory per process: the two runs use two databases in it.
const dir = mkdtempSync(join(tmpdir(), "lpa-bench-mem-"));
try {
  const warm = await perSession("lpa_mem_warm", SESSIONS * 2);
  const cold = await perSession("lpa_mem_cold", 0);
  process.stdout.write(
    `cached sessions ${warm.sessions} (${(values.length / warm.sessions).toFixed(0)} events/session)\n`,
  );
  process.stdout.write(
    `warm session (keeps its last derivation to resume from): ${Math.round(warm.bytes)} bytes/session\n`,
  );
  process.stdout.write(`cold session (events only): ${Math.round(cold.bytes)} bytes/session\n`);
  process.stdout.write(`session memory ratio ${(cold.bytes / GOAL_BYTES).toFixed(3)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
