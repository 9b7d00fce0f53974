import type {
  RawAiStreamEventRow,
  RawAiStreamStatusRow,
  RawDiscoveryResultRow,
  RawNetworkCapabilitiesAdvertisedRow,
  RawNetworkCapabilitiesModelConstraintRow,
  RawNetworkCapabilitiesPriceRow,
  RawNetworkCapabilitiesRow,
  RawPaymentEventRow,
  RawStreamIngestMetricsRow,
  RawStreamingEventRow,
  RawStreamTraceEventRow,
  RawTypedTableName,
  RawTypedTables,
  RawUnknownEventRow,
  RejectedEventRow,
} from "../events/raw-rows.js";
import { defineTable } from "./table-spec.js";
import type { TableSpec } from "./table-spec.js";

// Column order: events.md §8 (base columns first, raw_json last), §5.2, §7; serving.md §1.1.
// `ingestion_timestamp DEFAULT now64(3)` and MATERIALIZED columns are not row columns.

/** `raw_streaming_events`: every accepted envelope (serving.md §1.1). */
export const RAW_STREAMING_EVENTS = defineTable<RawStreamingEventRow>()("raw_streaming_events", [
  ["raw_event_uid", "String"],
  ["org", "LowCardinality(String)"],
  ["id", "String"],
  ["type", "LowCardinality(String)"],
  ["timestamp", "UInt64"],
  ["gateway", "String"],
  ["data", "String"],
  ["envelope_rest", "String"],
  ["replay", "UInt8"],
  ["source_topic", "LowCardinality(String)"],
  ["source_partition", "UInt32"],
  ["source_offset", "UInt64"],
]);

const REJECTED_COLUMNS = [
  ["schema_version", "String"],
  ["source_topic", "String"],
  ["source_partition", "UInt32"],
  ["source_offset", "UInt64"],
  ["source_record_timestamp", "DateTime64(3)"],
  ["event_id", "String"],
  ["event_type", "String"],
  ["event_version", "Nullable(String)"],
  ["event_timestamp", "Nullable(DateTime64(3))"],
  ["dedup_key", "Nullable(String)"],
  ["dedup_strategy", "Nullable(String)"],
  ["replay", "UInt8"],
  ["failure_stage", "String"],
  ["failure_class", "String"],
  ["failure_reason", "String"],
  ["failure_details", "String"],
  ["orchestrator", "Nullable(String)"],
  ["broadcaster", "Nullable(String)"],
  ["region", "Nullable(String)"],
  ["payload_encoding", "String"],
  ["payload_body", "String"],
  ["payload_canonical_json", "Nullable(String)"],
  ["ingestion_timestamp", "DateTime64(3)"],
] as const;

/** `raw_streaming_events_dlq`: rejected envelopes (events.md §5.2). */
export const RAW_STREAMING_EVENTS_DLQ = defineTable<RejectedEventRow>()(
  "raw_streaming_events_dlq",
  REJECTED_COLUMNS,
);

/** `raw_streaming_events_quarantine`: duplicates, same columns as the DLQ (events.md §5.2). */
export const RAW_STREAMING_EVENTS_QUARANTINE = defineTable<RejectedEventRow>()(
  "raw_streaming_events_quarantine",
  REJECTED_COLUMNS,
);

/** `raw_unknown_events`: accepted events of unknown type (events.md §7). */
export const RAW_UNKNOWN_EVENTS = defineTable<RawUnknownEventRow>()("raw_unknown_events", [
  ["event_timestamp", "DateTime64(3)"],
  ["raw_event_uid", "String"],
  ["org", "LowCardinality(String)"],
  ["event_type", "LowCardinality(String)"],
  ["event_version", "String"],
  ["gateway", "String"],
  ["source_topic", "LowCardinality(String)"],
  ["source_partition", "UInt32"],
  ["source_offset", "UInt64"],
  ["raw_json", "String"],
]);

/** `raw_ai_stream_status` (events.md §8.1). */
export const RAW_AI_STREAM_STATUS = defineTable<RawAiStreamStatusRow>()("raw_ai_stream_status", [
  ["event_timestamp", "DateTime64(3)"],
  ["raw_event_uid", "String"],
  ["org", "LowCardinality(String)"],
  ["gateway", "String"],
  ["workflow_session_id", "String"],
  ["stream_id", "String"],
  ["request_id", "String"],
  ["orchestrator_address", "String"],
  ["orchestrator_url", "String"],
  ["pipeline", "LowCardinality(String)"],
  ["state", "LowCardinality(String)"],
  ["output_fps", "Float64"],
  ["input_fps", "Float64"],
  ["restart_count", "UInt32"],
  ["last_error", "Nullable(String)"],
  ["last_error_time", "Nullable(DateTime64(3))"],
  ["params_hash", "String"],
  ["prompt_text", "Nullable(String)"],
  ["prompt_width", "UInt16"],
  ["prompt_height", "UInt16"],
  ["start_time", "Nullable(DateTime64(3))"],
  ["raw_json", "String"],
]);

/** `raw_stream_ingest_metrics` (events.md §8.2). */
export const RAW_STREAM_INGEST_METRICS = defineTable<RawStreamIngestMetricsRow>()(
  "raw_stream_ingest_metrics",
  [
    ["event_timestamp", "DateTime64(3)"],
    ["raw_event_uid", "String"],
    ["org", "LowCardinality(String)"],
    ["gateway", "String"],
    ["workflow_session_id", "String"],
    ["stream_id", "String"],
    ["request_id", "String"],
    ["connection_quality", "LowCardinality(String)"],
    ["bytes_received", "UInt64"],
    ["bytes_sent", "UInt64"],
    ["video_jitter", "Float64"],
    ["video_packets_received", "UInt32"],
    ["video_packets_lost", "UInt32"],
    ["video_packet_loss_pct", "Float64"],
    ["video_rtt", "Float64"],
    ["video_last_input_ts", "Float64"],
    ["video_latency", "Float64"],
    ["audio_jitter", "Float64"],
    ["audio_packets_received", "UInt32"],
    ["audio_packets_lost", "UInt32"],
    ["audio_packet_loss_pct", "Float64"],
    ["audio_rtt", "Float64"],
    ["audio_last_input_ts", "Float64"],
    ["audio_latency", "Float64"],
    ["raw_json", "String"],
  ],
);

/** `raw_stream_trace_events` (events.md §8.3). */
export const RAW_STREAM_TRACE_EVENTS = defineTable<RawStreamTraceEventRow>()(
  "raw_stream_trace_events",
  [
    ["event_timestamp", "DateTime64(3)"],
    ["raw_event_uid", "String"],
    ["org", "LowCardinality(String)"],
    ["gateway", "String"],
    ["workflow_session_id", "String"],
    ["stream_id", "String"],
    ["request_id", "String"],
    ["trace_type", "LowCardinality(String)"],
    ["orchestrator_address", "String"],
    ["orchestrator_url", "String"],
    ["data_timestamp", "DateTime64(3)"],
    ["raw_json", "String"],
  ],
);

/** `raw_ai_stream_events` (events.md §8.5). */
export const RAW_AI_STREAM_EVENTS = defineTable<RawAiStreamEventRow>()("raw_ai_stream_events", [
  ["event_timestamp", "DateTime64(3)"],
  ["raw_event_uid", "String"],
  ["org", "LowCardinality(String)"],
  ["gateway", "String"],
  ["workflow_session_id", "String"],
  ["stream_id", "String"],
  ["request_id", "String"],
  ["pipeline", "String"],
  ["event_type", "LowCardinality(String)"],
  ["message", "String"],
  ["capability", "String"],
  ["raw_json", "String"],
]);

/** `raw_network_capabilities`: capability snapshot rows (events.md §8.4a, column list verbatim). */
export const RAW_NETWORK_CAPABILITIES = defineTable<RawNetworkCapabilitiesRow>()(
  "raw_network_capabilities",
  [
    ["event_timestamp", "DateTime64(3)"],
    ["raw_event_uid", "String"],
    ["org", "LowCardinality(String)"],
    ["gateway", "String"],
    ["source_event_id", "String"],
    ["snapshot_row_ordinal", "UInt32"],
    ["orchestrator_address", "String"],
    ["local_address", "String"],
    ["orch_uri", "String"],
    ["has_hardware", "UInt8"],
    ["pipeline", "String"],
    ["model_id", "String"],
    ["gpu_id", "Nullable(String)"],
    ["gpu_name", "Nullable(String)"],
    ["gpu_memory_total", "Nullable(UInt64)"],
    ["gpu_memory_free", "Nullable(UInt64)"],
    ["gpu_major", "Nullable(UInt8)"],
    ["gpu_minor", "Nullable(UInt8)"],
    ["capability_id", "Int32"],
    ["capability_name", "String"],
    ["capability_group", "String"],
    ["capability_catalog_version", "String"],
    ["runner_version", "Nullable(String)"],
    ["capacity", "Nullable(Int32)"],
    ["capacity_in_use", "Nullable(Int32)"],
    ["warm", "Nullable(Int32)"],
    ["price_per_unit", "Nullable(Int64)"],
    ["pixels_per_unit", "Nullable(Int64)"],
    ["orchestrator_version", "String"],
    ["raw_json", "String"],
  ],
);

const CAPABILITY_HEAD = [
  ["event_timestamp", "DateTime64(3)"],
  ["raw_event_uid", "String"],
  ["org", "LowCardinality(String)"],
  ["gateway", "String"],
  ["source_event_id", "String"],
  ["row_ordinal", "UInt32"],
  ["orchestrator_address", "String"],
  ["local_address", "String"],
  ["orch_uri", "String"],
  ["capability_id", "Int32"],
  ["capability_name", "String"],
  ["capability_group", "String"],
  ["capability_catalog_version", "String"],
] as const;

/** `raw_network_capabilities_advertised` (events.md §8.4b). */
export const RAW_NETWORK_CAPABILITIES_ADVERTISED =
  defineTable<RawNetworkCapabilitiesAdvertisedRow>()("raw_network_capabilities_advertised", [
    ...CAPABILITY_HEAD,
    ["capacity", "Nullable(Int32)"],
    ["raw_json", "String"],
  ]);

/** `raw_network_capabilities_model_constraints` (events.md §8.4c). */
export const RAW_NETWORK_CAPABILITIES_MODEL_CONSTRAINTS =
  defineTable<RawNetworkCapabilitiesModelConstraintRow>()(
    "raw_network_capabilities_model_constraints",
    [
      ...CAPABILITY_HEAD,
      ["model_id", "String"],
      ["runner_version", "Nullable(String)"],
      ["capacity", "Nullable(Int32)"],
      ["capacity_in_use", "Nullable(Int32)"],
      ["warm", "Nullable(Int32)"],
      ["raw_json", "String"],
    ],
  );

/** `raw_network_capabilities_prices` (events.md §8.4d). */
export const RAW_NETWORK_CAPABILITIES_PRICES = defineTable<RawNetworkCapabilitiesPriceRow>()(
  "raw_network_capabilities_prices",
  [
    ...CAPABILITY_HEAD,
    ["constraint_name", "Nullable(String)"],
    ["price_per_unit", "Nullable(Int64)"],
    ["pixels_per_unit", "Nullable(Int64)"],
    ["raw_json", "String"],
  ],
);

/** `raw_discovery_results` (events.md §8.6). */
export const RAW_DISCOVERY_RESULTS = defineTable<RawDiscoveryResultRow>()("raw_discovery_results", [
  ["event_timestamp", "DateTime64(3)"],
  ["raw_event_uid", "String"],
  ["org", "LowCardinality(String)"],
  ["gateway", "String"],
  ["element_index", "UInt32"],
  ["orchestrator_address", "String"],
  ["orchestrator_url", "String"],
  ["latency_ms", "UInt32"],
  ["raw_json", "String"],
]);

/** `raw_payment_events` (events.md §8.7); `face_value_wei` is the D4 addition. */
export const RAW_PAYMENT_EVENTS = defineTable<RawPaymentEventRow>()("raw_payment_events", [
  ["event_timestamp", "DateTime64(3)"],
  ["raw_event_uid", "String"],
  ["org", "LowCardinality(String)"],
  ["gateway", "String"],
  ["request_id", "String"],
  ["session_id", "String"],
  ["manifest_id", "String"],
  ["sender", "String"],
  ["recipient", "String"],
  ["orchestrator", "String"],
  ["face_value", "String"],
  ["price", "String"],
  ["num_tickets", "String"],
  ["win_prob", "String"],
  ["client_ip", "String"],
  ["capability", "String"],
  ["face_value_wei", "Nullable(UInt256)"],
  ["raw_json", "String"],
]);

/** The spec of each typed raw table, keyed like `TypedRows`. */
export const RAW_TYPED_TABLES: {
  readonly [T in RawTypedTableName]: TableSpec<T, RawTypedTables[T]>;
} = {
  raw_ai_stream_status: RAW_AI_STREAM_STATUS,
  raw_stream_ingest_metrics: RAW_STREAM_INGEST_METRICS,
  raw_stream_trace_events: RAW_STREAM_TRACE_EVENTS,
  raw_ai_stream_events: RAW_AI_STREAM_EVENTS,
  raw_network_capabilities: RAW_NETWORK_CAPABILITIES,
  raw_network_capabilities_advertised: RAW_NETWORK_CAPABILITIES_ADVERTISED,
  raw_network_capabilities_model_constraints: RAW_NETWORK_CAPABILITIES_MODEL_CONSTRAINTS,
  raw_network_capabilities_prices: RAW_NETWORK_CAPABILITIES_PRICES,
  raw_discovery_results: RAW_DISCOVERY_RESULTS,
  raw_payment_events: RAW_PAYMENT_EVENTS,
};

/** Every raw-layer table (typed tables, envelope, DLQ, quarantine, unknown events) by name. */
export const RAW_TABLES = {
  ...RAW_TYPED_TABLES,
  raw_streaming_events: RAW_STREAMING_EVENTS,
  raw_streaming_events_dlq: RAW_STREAMING_EVENTS_DLQ,
  raw_streaming_events_quarantine: RAW_STREAMING_EVENTS_QUARANTINE,
  raw_unknown_events: RAW_UNKNOWN_EVENTS,
} as const;

/** Name of a raw-layer table. */
export type RawTableName = keyof typeof RAW_TABLES;
