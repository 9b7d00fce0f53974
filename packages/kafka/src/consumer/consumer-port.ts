/** One consumed Kafka record, independent of the client library. */
export interface ConsumedRecord {
  readonly topic: string;
  readonly partition: number;
  /** Offset of this record (the committed "next offset" is `offset + 1`). */
  readonly offset: number;
  /** Record timestamp (epoch ms), or null when the broker gave none. */
  readonly timestamp: number | null;
  /** Record value bytes; null for a tombstone. */
  readonly value: Uint8Array | null;
}

/** The next offset to consume of one partition (what a commit stores). */
export interface PartitionOffset {
  readonly topic: string;
  readonly partition: number;
  /** Next offset to read: last processed offset + 1. */
  readonly offset: number;
}

/** A batch of records of one or more partitions, in offset order per partition. */
export interface RecordBatch {
  readonly records: readonly ConsumedRecord[];
  /** High watermark per `topic/partition` when known (for lag). */
  readonly highWatermarks: ReadonlyMap<string, number>;
}

/** Handlers a {@link ConsumerPort} calls. */
export interface ConsumerHandlers {
  /**
   * Processes a batch; the port commits the batch's next offsets only after the returned
   * promise resolves. A rejection means "not processed": the port re-delivers from the last
   * commit (nothing past unwritten data is ever committed).
   */
  onBatch(batch: RecordBatch): Promise<void>;
  /** Partitions were revoked or reassigned: per-partition caches are no longer trustworthy. */
  onRevoke(): void;
}

/**
 * The consumer as the pipeline sees it (style.md: adapters own transport). Bindings: kafkajs
 * ({@link createKafkaJsConsumer}).
 */
export interface ConsumerPort {
  /** Connects, subscribes and starts delivering batches to `handlers`. */
  start(handlers: ConsumerHandlers): Promise<void>;
  /** Stops fetching, waits for the batch in flight (and its commit), disconnects. */
  stop(): Promise<void>;
}
