import { Kafka, logLevel } from "kafkajs";
import type { BatchWriterOptions, LpaClickHouse } from "@livepeer-analytics/clickhouse";
import { startHealthServer, type HealthServer } from "../health/health-server.js";
import type { RejectedMessage } from "../pipeline/batch-rows.js";
import { createPipeline, type Pipeline, type TopicConfig } from "../pipeline/create-pipeline.js";
import { DLQ_TOPIC, QUARANTINE_TOPIC } from "../pipeline/rejection-topics.js";
import { createKafkaJsConsumer } from "./kafkajs-consumer.js";

/** Options of {@link runConsumer}. */
export interface RunConsumerOptions {
  readonly brokers: readonly string[];
  readonly db: LpaClickHouse;
  readonly topics: readonly TopicConfig[];
  readonly groupId?: string;
  readonly fromBeginning?: boolean;
  /** Port of `/healthz` and `/metrics`; undefined = no server, 0 = any free port. */
  readonly metricsPort?: number;
  readonly dlqTopic?: string;
  readonly quarantineTopic?: string;
  /** Publish rejected envelopes to the DLQ / quarantine topics (default true). */
  readonly publishRejected?: boolean;
  readonly writer?: BatchWriterOptions;
  readonly maxSessions?: number;
  /** Consumer fetch size per partition (bytes). */
  readonly maxBytesPerPartition?: number;
  /** Group session timeout (ms; the broker's minimum is usually 6 000). */
  readonly sessionTimeoutMs?: number;
}

/** A running consumer. */
export interface RunningConsumer {
  readonly pipeline: Pipeline;
  readonly health: HealthServer | null;
  /** Graceful stop: finish the batch in flight (flush, commit), disconnect, close the writer. */
  stop(): Promise<void>;
}

/** Starts the kafkajs consumer on the pipeline, with an optional health server. */
export async function runConsumer(o: RunConsumerOptions): Promise<RunningConsumer> {
  const kafka = new Kafka({
    clientId: "lpa-rejections",
    brokers: [...o.brokers],
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const publish = o.publishRejected ?? true;
  if (publish) await producer.connect();
  const topicOf = (m: RejectedMessage): string =>
    m.destination === "dlq" ? (o.dlqTopic ?? DLQ_TOPIC) : (o.quarantineTopic ?? QUARANTINE_TOPIC);
  const pipeline = createPipeline({
    db: o.db,
    topics: o.topics,
    ...(o.writer ? { writer: o.writer } : {}),
    ...(o.maxSessions !== undefined ? { maxSessions: o.maxSessions } : {}),
    ...(publish
      ? {
          publishRejected: async (msgs: readonly RejectedMessage[]) => {
            const byTopic = new Map<string, Array<{ key: string | null; value: string }>>();
            for (const m of msgs) {
              const t = topicOf(m);
              byTopic.set(t, [...(byTopic.get(t) ?? []), { key: m.key, value: m.value }]);
            }
            await producer.sendBatch({
              acks: -1,
              topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
            });
          },
        }
      : {}),
  });
  const health =
    o.metricsPort === undefined
      ? null
      : await startHealthServer(pipeline.metrics, () => pipeline.ready, o.metricsPort);
  await pipeline.start();
  const consumer = createKafkaJsConsumer({
    brokers: o.brokers,
    groupId: o.groupId ?? "lpa",
    topics: o.topics.map((t) => t.name),
    fromBeginning: o.fromBeginning ?? false,
    ...(o.maxBytesPerPartition !== undefined
      ? { maxBytesPerPartition: o.maxBytesPerPartition }
      : {}),
    ...(o.sessionTimeoutMs !== undefined ? { sessionTimeoutMs: o.sessionTimeoutMs } : {}),
  });
  await consumer.start({
    onBatch: (b) => pipeline.processBatch(b),
    onRevoke: () => pipeline.onRevoke(),
  });
  let stopping: Promise<void> | undefined;
  return {
    pipeline,
    health,
    stop() {
      stopping ??= (async () => {
        await consumer.stop();
        await pipeline.close();
        if (publish) await producer.disconnect();
        await health?.close();
      })();
      return stopping;
    },
  };
}
