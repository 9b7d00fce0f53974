import { Kafka, logLevel, type Consumer } from "kafkajs";
import type { ConsumedRecord, ConsumerHandlers, ConsumerPort } from "./consumer-port.js";

/** Options of {@link createKafkaJsConsumer}. */
export interface KafkaJsConsumerOptions {
  readonly brokers: readonly string[];
  readonly groupId: string;
  readonly topics: readonly string[];
  /** Start from the earliest offset when the group has no commit (default false: latest). */
  readonly fromBeginning?: boolean;
  readonly clientId?: string;
  /**
   * Max bytes fetched per partition per request (default 16 MiB): one fetch is one pipeline
   * step, whose fixed costs (inserts, storage reads) amortize over its records.
   */
  readonly maxBytesPerPartition?: number;
  /** Min bytes the broker gathers before answering a fetch (default 1: answer at once). */
  readonly minBytes?: number;
  /** Longest time the broker waits for `minBytes` (ms, default 100). */
  readonly maxWaitTimeInMs?: number;
  readonly sessionTimeoutMs?: number;
  /** Called when a batch failed (it is retried after a backoff). */
  readonly onBatchError?: (error: unknown, attempt: number) => void;
}

/**
 * The kafkajs binding of {@link ConsumerPort}: `eachBatch` with auto-commit off; a batch's next
 * offset is committed only after the handler resolved (its rows are durable). A failed batch is
 * retried in place with backoff (up to 5 s) until it succeeds or the consumer stops.
 */
export function createKafkaJsConsumer(options: KafkaJsConsumerOptions): ConsumerPort {
  const kafka = new Kafka({
    clientId: options.clientId ?? "lpa-consumer",
    brokers: [...options.brokers],
    logLevel: logLevel.NOTHING,
    retry: { retries: 8, initialRetryTime: 200 },
  });
  let consumer: Consumer | undefined;
  return {
    async start(handlers: ConsumerHandlers): Promise<void> {
      const c = kafka.consumer({
        groupId: options.groupId,
        maxBytesPerPartition: options.maxBytesPerPartition ?? 16 * 1024 * 1024,
        maxBytes: 64 * 1024 * 1024,
        minBytes: options.minBytes ?? 1,
        maxWaitTimeInMs: options.maxWaitTimeInMs ?? 100,
        sessionTimeout: options.sessionTimeoutMs ?? 10_000,
        heartbeatInterval: 1_000,
        retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 200, maxRetryTime: 2_000 },
      });
      consumer = c;
      c.on(c.events.REBALANCING, () => handlers.onRevoke());
      c.on(c.events.GROUP_JOIN, () => handlers.onRevoke());
      await c.connect();
      await c.subscribe({
        topics: [...options.topics],
        fromBeginning: options.fromBeginning ?? false,
      });
      await c.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: 1,
        eachBatch: async (payload) => {
          const { batch } = payload;
          const isRunning = (): boolean => payload.isRunning();
          const isStale = (): boolean => payload.isStale();
          if (!isRunning() || isStale() || batch.messages.length === 0) return;
          const records: ConsumedRecord[] = batch.messages.map((m) => ({
            topic: batch.topic,
            partition: batch.partition,
            offset: Number(m.offset),
            timestamp: m.timestamp === undefined ? null : Number(m.timestamp),
            value: m.value,
          }));
          const hw = new Map([[`${batch.topic}/${batch.partition}`, Number(batch.highWatermark)]]);
          const beat = setInterval(() => void payload.heartbeat().catch(() => undefined), 2_000);
          try {
            // Retry the same batch in place until it is durable: nothing past it is committed,
            // and the consumer resumes by itself once the database is back.
            for (let attempt = 0; ; attempt++) {
              try {
                await handlers.onBatch({ records, highWatermarks: hw });
                break;
              } catch (err) {
                if (!isRunning() || isStale()) return;
                options.onBatchError?.(err, attempt);
                await new Promise((r) => setTimeout(r, Math.min(5_000, 100 * 2 ** attempt)));
              }
            }
          } finally {
            clearInterval(beat);
          }
          const last = batch.messages[batch.messages.length - 1];
          if (last === undefined) return;
          payload.resolveOffset(last.offset);
          const next = (BigInt(last.offset) + 1n).toString();
          await c.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: next }]);
        },
      });
    },
    async stop(): Promise<void> {
      await consumer?.disconnect();
    },
  };
}
