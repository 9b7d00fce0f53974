import { startKafkaBroker, type KafkaBroker } from "@livepeer-analytics/testkit/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEventProducer, createTopic } from "../src/index.js";
import {
  compareWithDerive,
  corpus,
  deriveLines,
  killConsumers,
  scrape,
  spawnConsumer,
  stopConsumer,
  tempDir,
  waitCaughtUp,
} from "./support/kafka-harness.js";

let broker: KafkaBroker;
beforeAll(async () => {
  broker = await startKafkaBroker();
}, 180_000);
afterAll(async () => {
  killConsumers();
  await broker?.stop();
});

describe("end to end: simulator → producer → broker → consumer → chDB", () => {
  it("stores facts equal to lpa derive of the same events", async () => {
    const lines = corpus(25);
    const topic = "e2e_events";
    await createTopic(broker.brokers, topic, 3);
    const producer = await createEventProducer({ brokers: broker.brokers, topic });
    const sent = await producer.send(lines);
    await producer.close();
    expect(sent.rejected).toEqual([]);
    expect(sent.sent).toBe(lines.length);

    const dbPath = tempDir("lpa-kafka-e2e-");
    const consumer = await spawnConsumer({ brokers: broker.brokers, dbPath, topic, group: "e2e" });
    const port = await consumer.ready;
    await waitCaughtUp(broker.brokers, "e2e", topic);
    const m = await scrape(port);
    expect(m.get("lpa_events_input_total")).toBe(lines.length);
    expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).text()).toBe("ok\n");
    expect(await stopConsumer(consumer)).toBe(0);

    const derived = await deriveLines(lines);
    const cmp = await compareWithDerive(dbPath, derived);
    for (const t of Object.keys(cmp.expected)) {
      expect(cmp.actual[t], t).toEqual(cmp.expected[t]);
    }
    expect(cmp.expected["fact_workflow_sessions"]?.length).toBe(25);
    for (const [t, c] of Object.entries(cmp.raw)) expect(c.db, t).toBe(c.derived);
  }, 240_000);
});
