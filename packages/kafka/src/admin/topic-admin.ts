import { Kafka, logLevel, type Admin } from "kafkajs";

/** Runs `work` with a connected kafkajs admin client on `brokers`, disconnecting afterwards. */
async function withAdmin<T>(
  brokers: readonly string[],
  work: (a: Admin) => Promise<T>,
): Promise<T> {
  const admin = new Kafka({ brokers: [...brokers], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Creates `topic` with `partitions` partitions and waits for its leaders (no-op when it
 * exists). For local runs and tests; production topics are provisioned by the operator.
 */
export async function createTopic(
  brokers: readonly string[],
  topic: string,
  partitions: number,
): Promise<void> {
  await withAdmin(brokers, (a) =>
    a.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true }),
  );
}

/**
 * How far consumer group `group` has got on `topic`: `committed` = its committed offsets summed
 * over partitions (a partition never committed counts 0), `end` = the topic's high watermarks
 * summed. `committed === end` means every record produced so far is durably processed.
 */
export async function groupProgress(
  brokers: readonly string[],
  group: string,
  topic: string,
): Promise<{ committed: number; end: number }> {
  return withAdmin(brokers, async (a) => {
    const ends = await a.fetchTopicOffsets(topic);
    const [c] = await a.fetchOffsets({ groupId: group, topics: [topic] });
    const committed = (c?.partitions ?? []).reduce((s, p) => s + Math.max(0, Number(p.offset)), 0);
    return { committed, end: ends.reduce((s, p) => s + Number(p.high), 0) };
  });
}
