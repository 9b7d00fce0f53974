import type { RejectedEventRow } from "./raw-rows.js";
import type { Rejection } from "./rejection.js";

/** Schema version written into every rejected envelope (events.md §5.2). */
export const REJECTED_ENVELOPE_SCHEMA_VERSION = "v1";

/**
 * The `raw_streaming_events_dlq` / `raw_streaming_events_quarantine` row of a rejection
 * (events.md §5.2, snake_case columns).
 *
 * `ingestionTimestampMs` is the wall clock when the row is built (epoch ms); it also replaces a
 * null record timestamp in `source_record_timestamp`. `replay` is 0/1.
 */
export function toRejectedEventRow(
  rejection: Rejection,
  ingestionTimestampMs: number,
): RejectedEventRow {
  const r = rejection;
  return {
    schema_version: REJECTED_ENVELOPE_SCHEMA_VERSION,
    source_topic: r.source.topic,
    source_partition: r.source.partition,
    source_offset: r.source.offset,
    source_record_timestamp: r.source.recordTimestamp ?? ingestionTimestampMs,
    event_id: r.eventId,
    event_type: r.eventType,
    event_version: r.eventVersion,
    event_timestamp: r.eventTimestamp,
    dedup_key: r.dedupKey,
    dedup_strategy: r.dedupStrategy,
    replay: r.replay ? 1 : 0,
    failure_stage: r.stage,
    failure_class: r.failureClass,
    failure_reason: r.reason,
    failure_details: r.details,
    orchestrator: r.dimensions.orchestrator,
    broadcaster: r.dimensions.broadcaster,
    region: r.dimensions.region,
    payload_encoding: r.payload.encoding,
    payload_body: r.payload.body,
    payload_canonical_json: r.payload.canonicalJson,
    ingestion_timestamp: ingestionTimestampMs,
  };
}

/** The camelCase Kafka DLQ / quarantine message of a rejection (events.md §5.2). Timestamps are epoch ms. */
export interface RejectedEventJson {
  readonly schemaVersion: "v1";
  readonly source: {
    readonly topic: string;
    readonly partition: number;
    readonly offset: number;
    readonly recordTimestamp: number | null;
  };
  readonly identity: {
    readonly eventId: string;
    readonly eventType: string;
    readonly eventVersion: string | null;
  };
  readonly eventTimestamp: number | null;
  readonly dedupKey: string | null;
  readonly dedupStrategy: string | null;
  readonly replay: boolean;
  readonly failure: {
    readonly stage: string;
    readonly failureClass: string;
    readonly reason: string;
    readonly details: string;
  };
  readonly dimensions: {
    readonly orchestrator: string | null;
    readonly broadcaster: string | null;
    readonly region: string | null;
  };
  readonly payload: {
    readonly encoding: "json" | "base64";
    readonly body: string;
    readonly canonicalJson: string | null;
  };
  readonly ingestionTimestamp: number;
}

/**
 * The camelCase JSON form of a rejection for the Kafka DLQ / quarantine topics (events.md §5.2).
 * Unlike the table row, a null record timestamp stays null here.
 */
export function toRejectedEventJson(
  rejection: Rejection,
  ingestionTimestampMs: number,
): RejectedEventJson {
  const r = rejection;
  return {
    schemaVersion: REJECTED_ENVELOPE_SCHEMA_VERSION,
    source: {
      topic: r.source.topic,
      partition: r.source.partition,
      offset: r.source.offset,
      recordTimestamp: r.source.recordTimestamp,
    },
    identity: { eventId: r.eventId, eventType: r.eventType, eventVersion: r.eventVersion },
    eventTimestamp: r.eventTimestamp,
    dedupKey: r.dedupKey,
    dedupStrategy: r.dedupStrategy,
    replay: r.replay,
    failure: { stage: r.stage, failureClass: r.failureClass, reason: r.reason, details: r.details },
    dimensions: {
      orchestrator: r.dimensions.orchestrator,
      broadcaster: r.dimensions.broadcaster,
      region: r.dimensions.region,
    },
    payload: {
      encoding: r.payload.encoding,
      body: r.payload.body,
      canonicalJson: r.payload.canonicalJson,
    },
    ingestionTimestamp: ingestionTimestampMs,
  };
}
