import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Kafka, logLevel } from "kafkajs";
import { createRecordParser } from "@livepeer-analytics/core";
import { startKafkaBroker, type KafkaBroker } from "@livepeer-analytics/testkit/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lpa } from "./lpa-process.js";

let broker: KafkaBroker;
let work: string;
beforeAll(async () => {
  broker = await startKafkaBroker();
  work = mkdtempSync(join(tmpdir(), "lpa-dlq-"));
}, 180_000);
afterAll(async () => {
  await broker?.stop();
  rmSync(work, { recursive: true, force: true });
});

const T = "1710000000000";
const MISSING_FIELD = `{"id":"m1","type":"ai_stream_status","timestamp":"${T}","data":{"request_id":"r1","pipeline":"p1","n":123456789012345678901}}`;
const UNSUPPORTED = `{"id":"v2","type":"ai_stream_status","timestamp":"${T}","version":"2","data":{"stream_id":"s","request_id":"r","pipeline":"p"}}`;
const EMPTY_DATA = `{"type":"discovery_results","timestamp":"${T}","data":[]}`;
const NOT_JSON = "{not json";

/** Every message of `topic` (one partition) as text. */
async function readTopic(topic: string, expected: number): Promise<string[]> {
  const kafka = new Kafka({ brokers: broker.brokers, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `read-${topic}-${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  const out: string[] = [];
  await new Promise<void>((resolve) => {
    void consumer.run({
      eachMessage: async ({ message }) => {
        out.push(message.value?.toString("utf8") ?? "");
        if (out.length >= expected) resolve();
        await Promise.resolve();
      },
    });
  });
  await consumer.disconnect();
  return out;
}

describe("lpa dlq replay (real broker, embedded database)", () => {
  it("re-publishes the DLQ envelopes of a range marked __replay; filters by failure class", async () => {
    const db = join(work, "db");
    const file = join(work, "rejected.jsonl");
    writeFileSync(
      file,
      [MISSING_FIELD, UNSUPPORTED, EMPTY_DATA, NOT_JSON, MISSING_FIELD].join("\n"),
    );
    const from = new Date(Date.now() - 1_000).toISOString();
    expect((await lpa(["load", file, "--db", db])).code).toBe(0);
    const to = new Date(Date.now() + 60_000).toISOString();
    const admin = new Kafka({ brokers: broker.brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await admin.createTopics({
      topics: [
        { topic: "replayed", numPartitions: 1 },
        { topic: "replayed_v2", numPartitions: 1 },
      ],
      waitForLeaders: true,
    });
    await admin.disconnect();
    const base = ["dlq", "replay", "--brokers", broker.brokers.join(","), "--db", db];

    const all = await lpa([...base, "--from", from, "--to", to, "--topic", "replayed"]);
    expect(all.stderr).toBe("");
    // Two stored copies of one rejected record are one envelope; non-JSON cannot carry markers.
    expect(all.stdout.trim()).toBe("replayed=3 skipped=1");
    const values = await readTopic("replayed", 3);
    expect(values).toHaveLength(3);
    const originals = [MISSING_FIELD, UNSUPPORTED, EMPTY_DATA];
    const parse = createRecordParser({ org: "o" });
    for (const v of values) {
      const root = JSON.parse(v) as Record<string, unknown>;
      expect(root["__replay"]).toBe(true);
      expect(root["__replay_source"]).toBe("dlq");
      expect(typeof root["__replay_ts"]).toBe("number");
      // The original text is kept byte for byte (the big integer too), markers appended.
      expect(originals.some((o) => v.startsWith(o.slice(0, -1) + ","))).toBe(true);
      const r = parse(v, { topic: "replayed", partition: 0, offset: 0, recordTimestamp: null });
      expect(r.kind).toBe("rejected");
      if (r.kind === "rejected") expect(r.rejection.replay).toBe(true);
    }

    const v2 = await lpa([
      ...base,
      "--from",
      from,
      "--to",
      to,
      "--topic",
      "replayed_v2",
      "--failure-class",
      "UNSUPPORTED_VERSION",
    ]);
    expect(v2.stdout.trim()).toBe("replayed=1 skipped=0");
    expect(await readTopic("replayed_v2", 1)).toEqual([
      expect.stringContaining('"id":"v2"') as unknown as string,
    ]);

    const none = await lpa([...base, "--from", to, "--to", "2100-01-01T00:00:00Z"]);
    expect(none.stdout.trim()).toBe("replayed=0 skipped=0");
    expect((await lpa([...base, "--from", to, "--to", from])).code).toBe(2);
  }, 300_000);
});
