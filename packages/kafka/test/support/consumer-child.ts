// A consumer process for integration tests: `consumer-child.ts CONFIG_JSON`. Prints
// `READY <metricsPort>` once consuming; SIGTERM stops it gracefully.
import { createClickHouse, migrate, type InsertTransport } from "@livepeer-analytics/clickhouse";
import { runConsumer } from "../../src/index.js";

interface ChildConfig {
  brokers: string[];
  dbPath: string;
  topic: string;
  org?: string;
  group: string;
  /** Inserts fail for this long after the first insert (ms). */
  failWritesMs?: number;
  maxBytesPerPartition?: number;
  /** Run this many consumers (one pipeline each) in this process; SIGUSR2 stops the last. */
  consumers?: number;
}

const config = JSON.parse(process.argv[2] as string) as ChildConfig;
const db = await createClickHouse({ path: config.dbPath });
await migrate(db);
let failUntil: number | null = null;
const transport: InsertTransport = async (table, body, token) => {
  if (config.failWritesMs !== undefined) {
    failUntil ??= Date.now() + config.failWritesMs;
    if (Date.now() < failUntil)
      throw Object.assign(new Error("injected: connection refused"), { code: "ECONNREFUSED" });
  }
  await db.insertJsonLines(table, body, token);
};
const start = () =>
  runConsumer({
    brokers: config.brokers,
    db,
    topics: [{ name: config.topic, ...(config.org ? { org: config.org } : {}) }],
    groupId: config.group,
    fromBeginning: true,
    metricsPort: 0,
    sessionTimeoutMs: 6_000,
    ...(config.maxBytesPerPartition ? { maxBytesPerPartition: config.maxBytesPerPartition } : {}),
    writer: { transport, retry: { attempts: 3, baseDelayMs: 50, maxDelayMs: 200 } },
  });
const running = [await start()];
for (let i = 1; i < (config.consumers ?? 1); i++) running.push(await start());
process.on("SIGUSR2", () => {
  const last = running.length > 1 ? running.pop() : undefined;
  void last?.stop().then(() => process.stdout.write("STOPPED\n"));
});
process.stdout.write(`READY ${running[0]?.health?.port}\n`);
process.once("SIGTERM", () => {
  void Promise.all(running.map((r) => r.stop()))
    .then(() => db.close())
    .then(() => process.exit(0));
});
