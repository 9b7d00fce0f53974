/** The 7 event families of events.md §8 (case-sensitive `type` values). */
export type EventFamily =
  | "ai_stream_status"
  | "stream_ingest_metrics"
  | "stream_trace"
  | "network_capabilities"
  | "ai_stream_events"
  | "discovery_results"
  | "create_new_payment";

/** Every {@link EventFamily}. */
export const EVENT_FAMILIES: readonly EventFamily[] = [
  "ai_stream_status",
  "stream_ingest_metrics",
  "stream_trace",
  "network_capabilities",
  "ai_stream_events",
  "discovery_results",
  "create_new_payment",
];

/**
 * Required paths per family, in the order V7 checks them (events.md §4). A value passes unless
 * it is missing, JSON null or `""`.
 */
export const REQUIRED_PATHS: Readonly<Record<EventFamily, readonly string[]>> = {
  ai_stream_status: ["data.stream_id", "data.request_id", "data.pipeline"],
  stream_ingest_metrics: ["data.stream_id", "data.request_id"],
  stream_trace: ["id", "data.stream_id", "data.request_id", "data.type"],
  network_capabilities: ["data"],
  ai_stream_events: ["data.stream_id", "data.request_id", "data.pipeline", "data.type"],
  discovery_results: ["data"],
  create_new_payment: [
    "data.sessionID",
    "data.manifestID",
    "data.sender",
    "data.recipient",
    "data.orchestrator",
    "data.faceValue",
    "data.numTickets",
    "data.price",
    "data.winProb",
  ],
};

/**
 * Rejection reasons a generated record is designed to produce (events.md §5.1, plus the sink
 * guard's `record_too_large` for records over 1,000,000 UTF-8 bytes, §9).
 */
export type RejectionReason =
  | "null_payload"
  | "json_parse_error"
  | "root_not_object"
  | "missing_type"
  | "missing_timestamp"
  | "missing_data"
  | "unsupported_version"
  | "missing_field"
  | "empty_array"
  | "invalid_data_shape"
  | "record_too_large";

/**
 * What a generated record must become. `rejected.detail` is the dotted path for `missing_field`
 * and the extracted version text for `unsupported_version`. `accepted` = a typed family event;
 * `unknown` = accepted into `raw_unknown_events` (§7).
 */
export type ExpectedOutcome =
  | { readonly kind: "rejected"; readonly reason: RejectionReason; readonly detail?: string }
  | { readonly kind: "accepted" }
  | { readonly kind: "unknown" };

/** A generated input record with the outcome it is built to produce and a short label. */
export interface RecordCase {
  /** Short description, e.g. `missing_field:data.stream_id:deleted`. */
  readonly label: string;
  /** The record: JSON text, raw bytes (UTF-8), or null (a Kafka tombstone). */
  readonly record: string | Uint8Array | null;
  readonly expected: ExpectedOutcome;
}

/** Shorthand for a `rejected` outcome. */
export function rejected(reason: RejectionReason, detail?: string): ExpectedOutcome {
  return detail === undefined ? { kind: "rejected", reason } : { kind: "rejected", reason, detail };
}
