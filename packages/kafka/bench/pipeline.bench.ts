/**
 * Pipeline throughput on a real broker (issue 4 benchmark): N simulated events are produced once,
 * then consumed (a) by a bare kafkajs consumer that only decodes each message (UTF-8 + JSON.parse)
 * and (b) by the full pipeline into embedded chDB (own group, from the beginning). Prints events/s
 * of both and, last, `pipeline ratio <pipeline ÷ bare>`.
 *   node --import tsx --conditions=@livepeer-analytics/source packages/kafka/bench/pipeline.bench.ts
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Kafka, logLevel } from "kafkajs";
import { createClickHouse, migrate } from "@livepeer-analytics/clickhouse";
import { simulateNetworkStream } from "@livepeer-analytics/testkit";
import { startKafkaBroker } from "@livepeer-analytics/testkit/services";
import { createEventProducer, runConsumer } from "../src/index.js";

const SESSIONS = Number(process.env.LPA_BENCH_SESSIONS ?? 1800);
const PARTITIONS = Number(process.env.LPA_BENCH_PARTITIONS ?? 2);
const TOPIC = "bench_events";

const lines: string[] = [];
for (const env of simulateNetworkStream({
  seed: 42,
  startMs: Date.UTC(2026, 1, 25, 20, 0, 0),
  durationMs: 3 * 3_600_000,
  sessions: SESSIONS,
  orchestrators: 24,
  gateways: 6,
}))
  lines.push(JSON.stringify(env));

const broker = await startKafkaBroker();
try {
  const kafka = new Kafka({ brokers: broker.brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: [{ topic: TOPIC, numPartitions: PARTITIONS }],
    waitForLeaders: true,
  });
  await admin.disconnect();
  const producer = await createEventProducer({
    brokers: broker.brokers,
    topic: TOPIC,
    batchSize: 200,
  });
  await producer.send(lines);
  await producer.close();
  const total = lines.length;

  // (a) bare consumer: decode only.
  const bare = kafka.consumer({ groupId: "bench-bare", maxBytesPerPartition: 4 * 1024 * 1024 });
  await bare.connect();
  await bare.subscribe({ topics: [TOPIC], fromBeginning: true });
  let seen = 0;
  let checksum = 0;
  const t0 = performance.now();
  await new Promise<void>((resolve) => {
    void bare.run({
      eachBatch: async ({ batch }) => {
        for (const m of batch.messages) {
          const v =
            m.value === null ? null : (JSON.parse(m.value.toString("utf8")) as { type?: string });
          checksum += v?.type?.length ?? 0;
        }
        seen += batch.messages.length;
        if (seen >= total) resolve();
        await Promise.resolve();
      },
    });
  });
  const bareMs = performance.now() - t0;
  await bare.disconnect();

  // (b) the pipeline into embedded chDB.
  const db = await createClickHouse({ path: mkdtempSync(join(tmpdir(), "lpa-bench-")) });
  await migrate(db);
  const t1 = performance.now();
  const running = await runConsumer({
    brokers: broker.brokers,
    db,
    topics: [{ name: TOPIC }],
    groupId: "bench-pipeline",
    fromBeginning: true,
    publishRejected: false,
  });
  while (running.pipeline.metrics.consumed < total) await new Promise((r) => setTimeout(r, 20));
  await running.stop(); // drains the batch in flight: its rows are durable, offsets committed
  const pipeMs = performance.now() - t1;
  const m = running.pipeline.metrics;
  await db.close();

  const bareRate = (total / bareMs) * 1000;
  const pipeRate = (total / pipeMs) * 1000;
  process.stdout.write(`events ${total} (checksum ${checksum})\n`);
  process.stdout.write(`bare kafkajs decode: ${Math.round(bareRate)} events/s\n`);
  process.stdout.write(`pipeline → embedded chDB: ${Math.round(pipeRate)} events/s\n`);
  process.stdout.write(
    `  steps ${m.batches}, sessions derived ${m.sessionsDerived}, rehydrated ${m.rehydrations}, ` +
      `step time ${m.batchLatency.sum.toFixed(1)} s, write time ${m.writeLatency.sum.toFixed(1)} s\n`,
  );
  process.stdout.write(`pipeline ratio ${(pipeRate / bareRate).toFixed(3)}\n`);
} finally {
  await broker.stop();
}
