// Public API of @livepeer-analytics/kafka. Explicit named exports only.
export type {
  ConsumedRecord,
  ConsumerHandlers,
  ConsumerPort,
  PartitionOffset,
  RecordBatch,
} from "./consumer/consumer-port.js";
export { createKafkaJsConsumer, type KafkaJsConsumerOptions } from "./consumer/kafkajs-consumer.js";
export {
  runConsumer,
  type RunConsumerOptions,
  type RunningConsumer,
} from "./consumer/run-consumer.js";
export {
  createPipeline,
  type Pipeline,
  type PipelineOptions,
  type TopicConfig,
} from "./pipeline/create-pipeline.js";
export {
  decodeBatch,
  factLines,
  type DecodedBatch,
  type RejectedMessage,
  type TableLine,
} from "./pipeline/batch-rows.js";
export { createDedupWindow, loadDedupSeed, type DedupWindow } from "./pipeline/dedup-window.js";
export { SessionCache } from "./pipeline/session-cache.js";
export {
  loadSessionEvents,
  loadSnapshots,
  sessionsNearSnapshots,
  storedEventCounts,
} from "./pipeline/stored-events.js";
export { DLQ_TOPIC, QUARANTINE_TOPIC, DEFAULT_INPUT_TOPIC } from "./pipeline/rejection-topics.js";
export {
  createEventProducer,
  type EventProducer,
  type EventProducerOptions,
  type SendResult,
} from "./producer/event-producer.js";
export { sessionKey } from "./producer/session-key.js";
export { replayDlq, type DlqReplayOptions, type DlqReplayResult } from "./replay/dlq-replay.js";
export { markReplay, DLQ_REPLAY_SOURCE } from "./replay/replay-marker.js";
export {
  createPipelineMetrics,
  metricsText,
  type LatencyHistogram,
  type PipelineMetrics,
} from "./health/pipeline-metrics.js";
export { startHealthServer, type HealthServer } from "./health/health-server.js";
export { createTopic, groupProgress } from "./admin/topic-admin.js";
