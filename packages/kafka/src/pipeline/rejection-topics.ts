/** Kafka topic of DLQ envelopes (events.md §10). */
export const DLQ_TOPIC = "events.dlq.streaming_events.v1";
/** Kafka topic of quarantined duplicates (events.md §10). */
export const QUARANTINE_TOPIC = "events.quarantine.streaming_events.v1";
/** Input topic when none is configured (events.md §10). */
export const DEFAULT_INPUT_TOPIC = "streaming_events";
