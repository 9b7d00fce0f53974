import type { DedupStrategy } from "../identity/dedup-key.js";
import { NO_DIMENSIONS } from "../identity/event-dimensions.js";
import type { EventDimensions } from "../identity/event-dimensions.js";
import type { AcceptedEnvelope } from "./accepted-envelope.js";
import type { RecordSource } from "./record-source.js";
import { failureOf } from "./rejection-taxonomy.js";
import type { FailureClass, FailureReason, FailureStage } from "./rejection-taxonomy.js";

/** The payload kept in a rejected envelope (events.md §5.2). */
export interface RejectionPayload {
  /** `base64` for JSON parse failures (body = base64 of the raw bytes), else `json` (body = raw text). */
  readonly encoding: "json" | "base64";
  readonly body: string;
  /** Canonical JSON of the parsed root, only for SCHEMA_VALIDATION failures. */
  readonly canonicalJson: string | null;
}

/**
 * A rejected record as data (events.md §5): the failure (§5.1) and everything the rejected
 * envelope (§5.2) needs. Build rows with `toRejectedEventRow` / `toRejectedEventJson`.
 */
export interface Rejection {
  readonly stage: FailureStage;
  readonly failureClass: FailureClass;
  readonly reason: FailureReason;
  readonly details: string;
  /** `dlq`, or `quarantine` for duplicates. */
  readonly destination: "dlq" | "quarantine";
  readonly org: string;
  readonly source: RecordSource;
  /** `""` for DESERIALIZATION; else `text(id)`. */
  readonly eventId: string;
  /** `""` for DESERIALIZATION; else `text(type)`. */
  readonly eventType: string;
  /** Extracted version, null when absent (and for DESERIALIZATION). */
  readonly eventVersion: string | null;
  readonly eventTimestamp: number | null;
  /** Set for DEDUP, PARSE and SINK_GUARD; null before. */
  readonly dedupKey: string | null;
  readonly dedupStrategy: DedupStrategy | null;
  readonly replay: boolean;
  readonly dimensions: EventDimensions;
  readonly payload: RejectionPayload;
}

/** Identity fields of a record that was parsed but failed validation. */
export interface RejectedIdentity {
  readonly eventId: string;
  readonly eventType: string;
  readonly eventVersion: string | null;
  readonly eventTimestamp: number | null;
  readonly replay: boolean;
  readonly dimensions: EventDimensions;
}

type EnvelopeStageReason = "duplicate_event" | "parse_exception" | "record_too_large";

function destinationOf(reason: FailureReason): "dlq" | "quarantine" {
  return failureOf(reason).destination === "quarantine" ? "quarantine" : "dlq";
}

/**
 * A rejection without a parsed identity: DESERIALIZATION (null record, not JSON), or a PARSE
 * failure outside the family parsers. Empty id/type, null version, no dimensions, no dedup key.
 */
export function deserializationRejection(
  reason: "null_payload" | "json_parse_error" | "parse_exception",
  details: string,
  org: string,
  source: RecordSource,
  payload: RejectionPayload,
): Rejection {
  const f = failureOf(reason);
  return {
    stage: f.stage,
    failureClass: f.failureClass,
    reason,
    details,
    destination: "dlq",
    org,
    source,
    eventId: "",
    eventType: "",
    eventVersion: null,
    eventTimestamp: null,
    dedupKey: null,
    dedupStrategy: null,
    replay: false,
    dimensions: NO_DIMENSIONS,
    payload,
  };
}

/** A SCHEMA_VALIDATION rejection (§4): identity from the root, canonical JSON in the payload. */
export function validationRejection(
  reason: FailureReason,
  details: string,
  identity: RejectedIdentity,
  org: string,
  source: RecordSource,
  payload: RejectionPayload,
): Rejection {
  const f = failureOf(reason);
  return {
    stage: f.stage,
    failureClass: f.failureClass,
    reason,
    details,
    destination: destinationOf(reason),
    org,
    source,
    ...identity,
    dedupKey: null,
    dedupStrategy: null,
    payload,
  };
}

/**
 * A rejection of an accepted envelope at a later stage: DEDUP (quarantine), PARSE or SINK_GUARD.
 * Carries the dedup key; payload = the record text, no canonical JSON.
 */
export function envelopeRejection(
  envelope: AcceptedEnvelope,
  reason: EnvelopeStageReason,
  details: string,
): Rejection {
  const f = failureOf(reason);
  return {
    stage: f.stage,
    failureClass: f.failureClass,
    reason,
    details,
    destination: destinationOf(reason),
    org: envelope.org,
    source: envelope.source,
    eventId: envelope.eventId,
    eventType: envelope.eventType,
    eventVersion: envelope.declaredVersion,
    eventTimestamp: envelope.eventTimestamp,
    dedupKey: envelope.dedupKey,
    dedupStrategy: envelope.dedupStrategy,
    replay: envelope.replay,
    dimensions: envelope.dimensions,
    payload: { encoding: "json", body: envelope.rawText, canonicalJson: null },
  };
}
