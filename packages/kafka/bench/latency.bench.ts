/**
 * Event-to-queryable latency at a steady produced rate (issue 4 benchmark; goal p95 ≤ 1 s at
 * 5 000 events/s). Simulated events are sent to a real broker at LPA_BENCH_RATE events/s for
 * LPA_BENCH_SECONDS, each tick's send time noted; the pipeline consumes them into embedded chDB
 * in the same process, and every 10th event's `raw_event_uid` is polled in
 * `raw_streaming_events` until it is queryable (its facts are written in the same flush).
 * Prints p50/p95/max and, last, `latency p95 ratio <p95 ÷ 1 s>` (≤ 1 meets the goal).
 *   node --import tsx --conditions=@livepeer-analytics/source packages/kafka/bench/latency.bench.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Kafka, logLevel } from "kafkajs";
import { createClickHouse, migrate } from "@livepeer-analytics/clickhouse";
import { createRecordParser } from "@livepeer-analytics/core";
import { simulateNetworkStream } from "@livepeer-analytics/testkit";
import { startKafkaBroker } from "@livepeer-analytics/testkit/services";
import { runConsumer, sessionKey } from "../src/index.js";

const RATE = Number(process.env.LPA_BENCH_RATE ?? 5_000);
const SECONDS = Number(process.env.LPA_BENCH_SECONDS ?? 20);
const TICK_MS = 20;
const SAMPLE_EVERY = 10;
const POLL_MS = 25;
const GOAL_MS = 1_000;
const TOPIC = "latency_events";

interface Planned {
  readonly key: string | null;
  readonly value: string;
  /** `raw_event_uid` of a sampled event, else null. */
  readonly uid: string | null;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const quantile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

// About 112 events per simulated session.
const wanted = RATE * SECONDS;
const parse = createRecordParser({ org: "unknown" });
const source = { topic: TOPIC, partition: 0, offset: 0, recordTimestamp: null };
const plan: Planned[] = [];
for (const env of simulateNetworkStream({
  seed: 21,
  startMs: Date.UTC(2026, 1, 25, 20, 0, 0),
  durationMs: 3_600_000,
  sessions: Math.ceil(wanted / 100),
  orchestrators: 24,
  gateways: 6,
})) {
  if (plan.length >= wanted) break;
  const value = JSON.stringify(env);
  const parsed = parse(value, source);
  const sampled = plan.length % SAMPLE_EVERY === 0 && parsed.kind !== "rejected";
  plan.push({ key: sessionKey(parsed), value, uid: sampled ? parsed.envelope.dedupKey : null });
}

const broker = await startKafkaBroker();
const dir = mkdtempSync(join(tmpdir(), "lpa-bench-latency-"));
const db = await createClickHouse({ path: dir });
try {
  await migrate(db);
  const kafka = new Kafka({ brokers: broker.brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 2 }], waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const running = await runConsumer({
    brokers: broker.brokers,
    db,
    topics: [{ name: TOPIC }],
    groupId: "bench-latency",
    fromBeginning: true,
    publishRejected: false,
  });
  // Warm-up: the group has joined once a first record went through.
  await producer.send({ topic: TOPIC, acks: -1, messages: [{ value: '{"warm":1}' }] });
  while (running.pipeline.metrics.consumed < 1) await sleep(20);

  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let producing = true;
  const poller = (async () => {
    while (producing || sentAt.size > 0) {
      await sleep(POLL_MS);
      if (sentAt.size === 0) continue;
      const rows = await db.query<{ u: string }>(
        `SELECT DISTINCT raw_event_uid AS u FROM ${db.database}.raw_streaming_events
         WHERE raw_event_uid IN {uids:Array(String)}`,
        { params: { uids: [...sentAt.keys()] } },
      );
      const t = performance.now();
      for (const r of rows) {
        const s = sentAt.get(r.u);
        if (s === undefined) continue;
        latencies.push(t - s);
        sentAt.delete(r.u);
      }
    }
  })();

  const perTick = Math.round((RATE * TICK_MS) / 1000);
  const sends: Array<Promise<unknown>> = [];
  const t0 = performance.now();
  for (let i = 0, tick = 0; i < plan.length; i += perTick, tick++) {
    const due = t0 + tick * TICK_MS;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const batch = plan.slice(i, i + perTick);
    const now = performance.now();
    for (const p of batch) if (p.uid !== null) sentAt.set(p.uid, now);
    sends.push(
      producer.send({
        topic: TOPIC,
        acks: -1,
        messages: batch.map((p) => ({ key: p.key, value: p.value })),
      }),
    );
  }
  const producedMs = performance.now() - t0;
  await Promise.all(sends);
  const deadline = performance.now() + 120_000;
  while (sentAt.size > 0 && performance.now() < deadline) await sleep(100);
  producing = false;
  const unseen = sentAt.size;
  sentAt.clear();
  await poller;
  await running.stop();
  await producer.disconnect();

  latencies.sort((a, b) => a - b);
  const p50 = quantile(latencies, 0.5);
  const p95 = quantile(latencies, 0.95);
  const max = latencies[latencies.length - 1] ?? NaN;
  process.stdout.write(
    `produced ${plan.length} events at ${Math.round((plan.length / producedMs) * 1000)} events/s ` +
      `(target ${RATE}), ${latencies.length} sampled${unseen > 0 ? `, ${unseen} never queryable` : ""}\n`,
  );
  process.stdout.write(
    `event → queryable: p50 ${Math.round(p50)} ms, p95 ${Math.round(p95)} ms, max ${Math.round(max)} ms\n`,
  );
  process.stdout.write(`latency p95 ratio ${(p95 / GOAL_MS).toFixed(3)}\n`);
} finally {
  await db.close();
  await broker.stop();
  rmSync(dir, { recursive: true, force: true });
}
