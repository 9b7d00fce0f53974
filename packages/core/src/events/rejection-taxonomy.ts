/**
 * Rejection taxonomy of events.md §5.1, as data: every (stage, failure class, reason) that
 * exists, where the rejected envelope goes, and whether it is still emitted.
 */
export const REJECTION_TAXONOMY = [
  {
    stage: "DESERIALIZATION",
    failureClass: "DESERIALIZATION_FAILED",
    reason: "null_payload",
    destination: "dlq",
    emitted: true,
  },
  {
    stage: "DESERIALIZATION",
    failureClass: "DESERIALIZATION_FAILED",
    reason: "json_parse_error",
    destination: "dlq",
    emitted: true,
  },
  {
    stage: "SCHEMA_VALIDATION",
    failureClass: "SCHEMA_INVALID",
    reason: "root_not_object",
    destination: "dlq",
    emitted: true,
  },
  {
    stage: "SCHEMA_VALIDATION",
    failureClass: "SCHEMA_INVALID",
    reason: "missing_type",
    destination: "dlq",
    emitted: true,
  },
  {
    stage: "SCHEMA_VALIDATION",
    failureClass: "SCHEMA_INVALID",
    reason: "missing_timestamp",
    destination: "dlq",
    emitted: true,
  },
  {
    stage: "SCHEMA_VALIDATION",
    failureClass: "SCHEMA_INVALID",
    reason: "missing_data",
    destination: "dlq",
    emitted: true,
  },
  {
    stage: "SCHEMA_VALIDATION",
    failureClass: "SCHEMA_INVALID",
    reason: "missing_field",
    destination: "dlq",
    emitted: true,
  },
  {
    stage: "SCHEMA_VALIDATION",
    failureClass: "SCHEMA_INVALID",
    reason: "empty_array",
    destination: "dlq",
    emitted: true,
  },
  {
    stage: "SCHEMA_VALIDATION",
    failureClass: "SCHEMA_INVALID",
    reason: "invalid_data_shape",
    destination: "dlq",
    emitted: true,
  },
  {
    stage: "SCHEMA_VALIDATION",
    failureClass: "UNSUPPORTED_VERSION",
    reason: "unsupported_version",
    destination: "dlq",
    emitted: true,
  },
  {
    stage: "PARSE",
    failureClass: "PARSING_FAILED",
    reason: "parse_exception",
    destination: "dlq",
    emitted: true,
  },
  {
    stage: "SINK_GUARD",
    failureClass: "RECORD_TOO_LARGE",
    reason: "record_too_large",
    destination: "dlq",
    emitted: true,
  },
  {
    stage: "DEDUP",
    failureClass: "DUPLICATE",
    reason: "duplicate_event",
    destination: "quarantine",
    emitted: true,
  },
  // Reserved: write failures fail the batch and are retried.
  {
    stage: "CLICKHOUSE_SINK",
    failureClass: "DLQ_SINK_WRITE",
    reason: "sink_write_failed",
    destination: "none",
    emitted: false,
  },
  // Retired: unknown types are accepted (§7).
  {
    stage: "SCHEMA_VALIDATION",
    failureClass: "SCHEMA_INVALID",
    reason: "unsupported_event_type",
    destination: "none",
    emitted: false,
  },
] as const;

type Entry = (typeof REJECTION_TAXONOMY)[number];

/** `failure_stage` values. */
export type FailureStage = Entry["stage"];
/** `failure_class` values. */
export type FailureClass = Entry["failureClass"];
/** `failure_reason` values. */
export type FailureReason = Entry["reason"];
/** Where a rejected envelope is written: the DLQ, the quarantine (duplicates) or nowhere. */
export type RejectionDestination = Entry["destination"];

/** The (stage, failure class) pair a reason belongs to, e.g. `missing_field` → SCHEMA_VALIDATION / SCHEMA_INVALID. */
export type FailureOf<R extends FailureReason> = Extract<Entry, { reason: R }>;

const BY_REASON = new Map<string, Entry>(REJECTION_TAXONOMY.map((e) => [e.reason, e]));

/**
 * Looks up the taxonomy entry of a reason (every reason is unique in §5.1).
 * @example failureOf("duplicate_event").destination === "quarantine"
 */
export function failureOf<R extends FailureReason>(reason: R): FailureOf<R> {
  return BY_REASON.get(reason) as FailureOf<R>;
}
