/**
 * Where a record came from (events.md §2 `source`): Kafka topic, partition, offset and record
 * timestamp (epoch ms, null when unknown). For file input: topic `file:<basename>`, partition 0,
 * offset = zero-based record index, record timestamp null.
 */
export interface RecordSource {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly recordTimestamp: number | null;
}

/** Source used when the caller gives none. */
export const UNKNOWN_SOURCE: RecordSource = {
  topic: "unknown",
  partition: 0,
  offset: 0,
  recordTimestamp: null,
};

/** Org used when the topic is unmapped or no `--org` was given (events.md §2). */
export const UNKNOWN_ORG = "unknown";
