import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConnection } from "node:net";
import { Kafka, Partitioners, logLevel, type Consumer, type Producer } from "kafkajs";
import { startKafkaBroker, type KafkaBroker } from "../../src/services/index.js";

// A fresh machine downloads the broker's jars with Maven first (CI fetches them up front).
const START_TIMEOUT_MS = 5 * 60_000 + 90_000;
const TOPIC = "testkit-roundtrip";
const GROUP = "testkit-roundtrip-group";
const COUNT = 100;

let broker: KafkaBroker | undefined;

beforeAll(async () => {
  broker = await startKafkaBroker();
}, START_TIMEOUT_MS);

afterAll(async () => {
  await broker?.stop();
}, 30_000);

function running(): KafkaBroker {
  if (broker === undefined) throw new Error("Kafka broker did not start");
  return broker;
}

function client(brokers: string[]): Kafka {
  return new Kafka({ clientId: "testkit-test", brokers, logLevel: logLevel.ERROR });
}

async function produce(producer: Producer): Promise<void> {
  await producer.connect();
  await producer.send({
    topic: TOPIC,
    messages: Array.from({ length: COUNT }, (_, i) => ({ key: `key-${i}`, value: `${i}` })),
  });
  await producer.disconnect();
}

function connectOnce(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host, port }, () => {
      socket.end();
      resolve();
    });
    socket.once("error", reject);
  });
}

/** Runs `consumer` until it has seen `count` messages; returns [value, partition] pairs. */
async function consumeAll(consumer: Consumer, count: number): Promise<[number, number][]> {
  const seen: [number, number][] = [];
  await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`saw ${seen.length}/${count}`)), 60_000);
    consumer
      .run({
        eachMessage: ({ partition, message }) => {
          seen.push([Number(message.value?.toString()), partition]);
          if (seen.length >= count) {
            clearTimeout(timer);
            resolve();
          }
          return Promise.resolve();
        },
      })
      .catch(reject);
  });
  return seen;
}

describe("startKafkaBroker", () => {
  it("serves a 3-partition topic end to end: produce 100, consume 100 in a group", async () => {
    const kafka = client(running().brokers);
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [{ topic: TOPIC, numPartitions: 3 }],
      waitForLeaders: true,
    });
    const [metadata] = (await admin.fetchTopicMetadata({ topics: [TOPIC] })).topics;
    expect(metadata?.partitions).toHaveLength(3);

    await produce(kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner }));
    const consumer = kafka.consumer({ groupId: GROUP });
    await consumer.connect();
    const seen = await consumeAll(consumer, COUNT);
    await consumer.disconnect(); // commits the group's offsets

    expect(seen.map(([value]) => value).sort((a, b) => a - b)).toEqual(
      Array.from({ length: COUNT }, (_, i) => i),
    );
    expect(new Set(seen.map(([, partition]) => partition))).toEqual(new Set([0, 1, 2]));
    const [offsets] = await admin.fetchOffsets({ groupId: GROUP, topics: [TOPIC] });
    const committed = offsets?.partitions.reduce((sum, p) => sum + Number(p.offset), 0);
    expect(committed).toBe(COUNT);
    await admin.disconnect();
  });

  // Runs last: stops the shared broker (afterAll's stop is then a no-op).
  it("stops idempotently and frees the port", async () => {
    const stopped = running();
    await Promise.all([stopped.stop(), stopped.stop()]);
    const [host = "", port = ""] = (stopped.brokers[0] ?? "").split(":");
    await expect(connectOnce(host, Number(port))).rejects.toThrow(/ECONNREFUSED/);
  });
});
