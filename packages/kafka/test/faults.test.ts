import { randomBytes } from "node:crypto";
import { Kafka, logLevel } from "kafkajs";
import { startKafkaBroker, type KafkaBroker } from "@livepeer-analytics/testkit/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEventProducer, createTopic, groupProgress } from "../src/index.js";
import {
  carryOffsets,
  compareWithDerive,
  corpus,
  deriveLines,
  killConsumers,
  scrape,
  spawnConsumer,
  stopConsumer,
  tempDir,
  waitCaughtUp,
  type Comparison,
} from "./support/kafka-harness.js";

let broker: KafkaBroker;
beforeAll(async () => {
  broker = await startKafkaBroker();
}, 180_000);
afterAll(async () => {
  killConsumers();
  await broker?.stop();
});

const CRASH_CYCLES = Number(process.env.LPA_KAFKA_CRASH_CYCLES ?? 20);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Deterministic shuffle (late events, snapshots after their sessions). */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function expectSame(cmp: Comparison): void {
  for (const t of Object.keys(cmp.expected)) expect(cmp.actual[t], t).toEqual(cmp.expected[t]);
  for (const [t, c] of Object.entries(cmp.raw)) expect(c.db, t).toBe(c.derived);
}

async function produce(topic: string, lines: readonly string[]): Promise<void> {
  const p = await createEventProducer({ brokers: broker.brokers, topic, batchSize: 200 });
  await p.send(lines);
  await p.close();
}

describe("faults on a real broker", () => {
  it(`SIGKILL ×${CRASH_CYCLES} at random points, out-of-order input: facts equal lpa derive`, async () => {
    const lines = shuffled(corpus(30, 11), 3);
    const topic = "crash_events";
    await createTopic(broker.brokers, topic, 2);
    const dbPath = tempDir("lpa-kafka-crash-");
    const chunk = Math.ceil(lines.length / CRASH_CYCLES);
    // Each restart resumes from the killed consumer's commits under a fresh group id (offsets
    // carried over), so it does not wait for the broker to expire the dead member.
    const group = (i: number): string => `crash-${i}`;
    for (let i = 0; i < CRASH_CYCLES; i++) {
      await produce(topic, lines.slice(i * chunk, (i + 1) * chunk));
      if (i > 0) await carryOffsets(broker.brokers, group(i - 1), group(i), topic);
      const c = await spawnConsumer({
        brokers: broker.brokers,
        dbPath,
        topic,
        group: group(i),
        maxBytesPerPartition: 8_192,
      });
      const port = await c.ready;
      // Kill once it is processing (a batch done), at a random point after that.
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline && ((await scrape(port)).get("lpa_batches_total") ?? 0) === 0)
        await sleep(25);
      await sleep(Math.floor(Math.random() * 400));
      c.child.kill("SIGKILL");
      await c.exited;
    }
    const final = group(CRASH_CYCLES);
    await carryOffsets(broker.brokers, group(CRASH_CYCLES - 1), final, topic);
    const last = await spawnConsumer({ brokers: broker.brokers, dbPath, topic, group: final });
    await last.ready;
    await waitCaughtUp(broker.brokers, final, topic, 180_000);
    expect(await stopConsumer(last)).toBe(0);
    expectSame(await compareWithDerive(dbPath, await deriveLines(lines)));
  }, 900_000);

  it("writer transport failing for a while: no commit past unwritten data, resumes by itself", async () => {
    const lines = corpus(10, 5);
    const topic = "failing_writes";
    await createTopic(broker.brokers, topic, 1);
    await produce(topic, lines);
    const dbPath = tempDir("lpa-kafka-fail-");
    const c = await spawnConsumer({
      brokers: broker.brokers,
      dbPath,
      topic,
      group: "failing",
      failWritesMs: 8_000,
    });
    const port = await c.ready;
    await sleep(4_000);
    expect((await groupProgress(broker.brokers, "failing", topic)).committed).toBe(0);
    expect((await scrape(port)).get("lpa_write_failures_total")).toBeGreaterThan(0);
    await waitCaughtUp(broker.brokers, "failing", topic, 120_000);
    expect(await stopConsumer(c)).toBe(0);
    expectSame(await compareWithDerive(dbPath, await deriveLines(lines)));
  }, 240_000);

  it("two consumers in one group, one stopped mid-stream: same final facts", async () => {
    const lines = shuffled(corpus(20, 9), 4);
    const topic = "two_consumers";
    await createTopic(broker.brokers, topic, 4);
    await produce(topic, lines.slice(0, lines.length / 2));
    const dbPath = tempDir("lpa-kafka-two-");
    const c = await spawnConsumer({
      brokers: broker.brokers,
      dbPath,
      topic,
      group: "two",
      consumers: 2,
      maxBytesPerPartition: 8_192,
    });
    await c.ready;
    await sleep(1_500);
    c.child.kill("SIGUSR2"); // stop the second consumer: its partitions move to the first
    await produce(topic, lines.slice(lines.length / 2));
    await waitCaughtUp(broker.brokers, "two", topic, 180_000);
    expect(await stopConsumer(c)).toBe(0);
    expectSame(await compareWithDerive(dbPath, await deriveLines(lines)));
  }, 300_000);

  it("malformed and hostile payloads: keeps running; consumed = accepted + rejected + duplicates + unknown", async () => {
    const topic = "hostile";
    const admin = new Kafka({ brokers: broker.brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await admin.createTopics({
      topics: [
        {
          topic,
          numPartitions: 1,
          configEntries: [{ name: "max.message.bytes", value: "12000000" }],
        },
      ],
      waitForLeaders: true,
    });
    await admin.disconnect();
    const deep = 200_000;
    const values: Array<Buffer | string | null> = [
      ...Array.from({ length: 50 }, (_, i) => randomBytes(1 + i * 37)),
      null,
      "",
      "[]",
      "{}",
      '{"type":"ai_stream_status","timestamp":1}',
      '{"type":"x","timestamp":1,"data":' + "[".repeat(deep) + "]".repeat(deep) + "}",
      '{"id":"deep","type":"x","timestamp":1,"data":' +
        '{"a":'.repeat(deep) +
        "1" +
        "}".repeat(deep) +
        "}",
      '{"type":"ai_stream_status","timestamp":1,"data":' +
        "[".repeat(5_000) +
        "]".repeat(5_000) +
        "}",
      JSON.stringify({
        id: "big",
        type: "custom",
        timestamp: 1,
        data: { s: "x".repeat(10_000_000) },
      }),
      "x".repeat(10_000_000),
      ...corpus(3, 2).slice(0, 100),
    ];
    const kafka = new Kafka({ brokers: broker.brokers, logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    for (const v of values) await producer.send({ topic, messages: [{ value: v }] });
    await producer.disconnect();

    const dbPath = tempDir("lpa-kafka-hostile-");
    const c = await spawnConsumer({ brokers: broker.brokers, dbPath, topic, group: "hostile" });
    const port = await c.ready;
    await waitCaughtUp(broker.brokers, "hostile", topic, 180_000);
    const m = await scrape(port);
    const n = (k: string): number => m.get(k) ?? 0;
    expect(n("lpa_events_input_total")).toBe(values.length);
    expect(n("lpa_events_input_total")).toBe(
      n("lpa_events_accepted_total") +
        n("lpa_events_rejected_total") +
        n("lpa_events_quarantined_total") +
        n("lpa_events_unknown_total"),
    );
    expect(n("lpa_events_rejected_total")).toBeGreaterThanOrEqual(55);
    expect(c.child.exitCode).toBeNull();
    expect(await stopConsumer(c)).toBe(0);
  }, 300_000);
});
