/**
 * Row shapes of the raw layer (events.md §2, §5.2, §7, §8; serving.md §1.1–1.2), with the spec's
 * column names verbatim. Timestamps are epoch milliseconds (`number`); they are rendered as
 * `YYYY-MM-DD hh:mm:ss.SSS` UTC only when encoded for storage. UInt256 values are `bigint`.
 */

/** Columns shared by every typed raw row (events.md §8). */
export interface RawRowBase {
  /** Envelope `timestamp`, epoch ms. */
  readonly event_timestamp: number;
  /** Dedup key of the source record (events.md §6). */
  readonly raw_event_uid: string;
  readonly org: string;
  /** `text(gateway)` of the envelope. */
  readonly gateway: string;
  /** Full record text (or `JSON.stringify` of the envelope when not available verbatim). */
  readonly raw_json: string;
}

/** Rows of lifecycle families and ingest metrics also carry the session id (sessions.md §2.2). */
export interface SessionScopedRow extends RawRowBase {
  readonly workflow_session_id: string;
  readonly stream_id: string;
  readonly request_id: string;
}

/** `raw_ai_stream_status` (events.md §8.1). */
export interface RawAiStreamStatusRow extends SessionScopedRow {
  readonly orchestrator_address: string;
  readonly orchestrator_url: string;
  readonly pipeline: string;
  readonly state: string;
  readonly output_fps: number;
  readonly input_fps: number;
  readonly restart_count: number;
  readonly last_error: string | null;
  readonly last_error_time: number | null;
  readonly params_hash: string;
  readonly prompt_text: string | null;
  readonly prompt_width: number;
  readonly prompt_height: number;
  readonly start_time: number | null;
}

/** The seven measurements of one media track in `raw_stream_ingest_metrics`. */
export interface TrackStats {
  readonly jitter: number;
  readonly packets_received: number;
  readonly packets_lost: number;
  readonly packet_loss_pct: number;
  readonly rtt: number;
  readonly last_input_ts: number;
  readonly latency: number;
}

/** `raw_stream_ingest_metrics` (events.md §8.2). */
export interface RawStreamIngestMetricsRow extends SessionScopedRow {
  readonly connection_quality: string;
  readonly bytes_received: number;
  readonly bytes_sent: number;
  readonly video_jitter: number;
  readonly video_packets_received: number;
  readonly video_packets_lost: number;
  readonly video_packet_loss_pct: number;
  readonly video_rtt: number;
  readonly video_last_input_ts: number;
  readonly video_latency: number;
  readonly audio_jitter: number;
  readonly audio_packets_received: number;
  readonly audio_packets_lost: number;
  readonly audio_packet_loss_pct: number;
  readonly audio_rtt: number;
  readonly audio_last_input_ts: number;
  readonly audio_latency: number;
}

/** `raw_stream_trace_events` (events.md §8.3). */
export interface RawStreamTraceEventRow extends SessionScopedRow {
  readonly trace_type: string;
  readonly orchestrator_address: string;
  readonly orchestrator_url: string;
  /** `ts(data.timestamp)`, the envelope timestamp when absent or 0. */
  readonly data_timestamp: number;
}

/** `raw_ai_stream_events` (events.md §8.5). */
export interface RawAiStreamEventRow extends SessionScopedRow {
  readonly pipeline: string;
  readonly event_type: string;
  readonly message: string;
  readonly capability: string;
}

/** Columns common to the four `network_capabilities` fan-outs (events.md §8.4). */
export interface CapabilityRowBase extends RawRowBase {
  readonly source_event_id: string;
  readonly orchestrator_address: string;
  readonly local_address: string;
  readonly orch_uri: string;
  /** −1 when unknown. */
  readonly capability_id: number;
  readonly capability_name: string;
  readonly capability_group: string;
  readonly capability_catalog_version: string;
}

/** `raw_network_capabilities`: one capability snapshot row, the attribution input (§8.4a). */
export interface RawNetworkCapabilitiesRow extends CapabilityRowBase {
  /** Zero-based position in the event's whole snapshot output. */
  readonly snapshot_row_ordinal: number;
  readonly has_hardware: 0 | 1;
  readonly pipeline: string;
  readonly model_id: string;
  readonly gpu_id: string | null;
  readonly gpu_name: string | null;
  readonly gpu_memory_total: number | null;
  readonly gpu_memory_free: number | null;
  readonly gpu_major: number | null;
  readonly gpu_minor: number | null;
  readonly runner_version: string | null;
  readonly capacity: number | null;
  readonly capacity_in_use: number | null;
  readonly warm: number | null;
  readonly price_per_unit: number | null;
  readonly pixels_per_unit: number | null;
  readonly orchestrator_version: string;
}

/** `raw_network_capabilities_advertised` (§8.4b). */
export interface RawNetworkCapabilitiesAdvertisedRow extends CapabilityRowBase {
  readonly row_ordinal: number;
  readonly capacity: number | null;
}

/** `raw_network_capabilities_model_constraints` (§8.4c). */
export interface RawNetworkCapabilitiesModelConstraintRow extends CapabilityRowBase {
  readonly row_ordinal: number;
  readonly model_id: string;
  readonly runner_version: string | null;
  readonly capacity: number | null;
  readonly capacity_in_use: number | null;
  readonly warm: number | null;
}

/** `raw_network_capabilities_prices` (§8.4d). */
export interface RawNetworkCapabilitiesPriceRow extends CapabilityRowBase {
  readonly row_ordinal: number;
  readonly constraint_name: string | null;
  readonly price_per_unit: number | null;
  readonly pixels_per_unit: number | null;
}

/** `raw_discovery_results` (events.md §8.6). */
export interface RawDiscoveryResultRow extends RawRowBase {
  readonly element_index: number;
  readonly orchestrator_address: string;
  readonly orchestrator_url: string;
  readonly latency_ms: number;
}

/** `raw_payment_events` (events.md §8.7). */
export interface RawPaymentEventRow extends RawRowBase {
  readonly request_id: string;
  readonly session_id: string;
  readonly manifest_id: string;
  readonly sender: string;
  readonly recipient: string;
  readonly orchestrator: string;
  readonly face_value: string;
  /** Exact integer wei, null when `faceValue` is not an integer wei amount. */
  readonly face_value_wei: bigint | null;
  readonly price: string;
  readonly num_tickets: string;
  readonly win_prob: string;
  readonly client_ip: string;
  readonly capability: string;
}

/** `raw_unknown_events` (events.md §7). */
export interface RawUnknownEventRow {
  readonly event_timestamp: number;
  readonly raw_event_uid: string;
  readonly org: string;
  readonly event_type: string;
  readonly event_version: string;
  readonly gateway: string;
  readonly source_topic: string;
  readonly source_partition: number;
  readonly source_offset: number;
  readonly raw_json: string;
}

/** `raw_streaming_events`: every accepted envelope, known or unknown type (serving.md §1.1). */
export interface RawStreamingEventRow {
  readonly raw_event_uid: string;
  readonly org: string;
  readonly id: string;
  readonly type: string;
  /** Envelope timestamp, epoch ms (UInt64 column). */
  readonly timestamp: number;
  readonly gateway: string;
  /** `JSON.stringify` of `data`. */
  readonly data: string;
  /**
   * `JSON.stringify` of the envelope without `data` (every other top-level key, as received).
   * With `data` it rebuilds a record whose canonical JSON — so dedup key and event uid — equals
   * the original's (archive replay). Addition to serving.md §1.1.
   */
  readonly envelope_rest: string;
  readonly replay: 0 | 1;
  readonly source_topic: string;
  readonly source_partition: number;
  readonly source_offset: number;
}

/** `raw_streaming_events_dlq` / `raw_streaming_events_quarantine` row (events.md §5.2). */
export interface RejectedEventRow {
  readonly schema_version: "v1";
  readonly source_topic: string;
  readonly source_partition: number;
  readonly source_offset: number;
  /** The record timestamp, or the ingestion timestamp when the record has none. */
  readonly source_record_timestamp: number;
  readonly event_id: string;
  readonly event_type: string;
  readonly event_version: string | null;
  readonly event_timestamp: number | null;
  readonly dedup_key: string | null;
  readonly dedup_strategy: string | null;
  readonly replay: 0 | 1;
  readonly failure_stage: string;
  readonly failure_class: string;
  readonly failure_reason: string;
  readonly failure_details: string;
  readonly orchestrator: string | null;
  readonly broadcaster: string | null;
  readonly region: string | null;
  readonly payload_encoding: "json" | "base64";
  readonly payload_body: string;
  readonly payload_canonical_json: string | null;
  readonly ingestion_timestamp: number;
}

/** Every typed raw table and the row type it holds. */
export interface RawTypedTables {
  readonly raw_ai_stream_status: RawAiStreamStatusRow;
  readonly raw_stream_ingest_metrics: RawStreamIngestMetricsRow;
  readonly raw_stream_trace_events: RawStreamTraceEventRow;
  readonly raw_ai_stream_events: RawAiStreamEventRow;
  readonly raw_network_capabilities: RawNetworkCapabilitiesRow;
  readonly raw_network_capabilities_advertised: RawNetworkCapabilitiesAdvertisedRow;
  readonly raw_network_capabilities_model_constraints: RawNetworkCapabilitiesModelConstraintRow;
  readonly raw_network_capabilities_prices: RawNetworkCapabilitiesPriceRow;
  readonly raw_discovery_results: RawDiscoveryResultRow;
  readonly raw_payment_events: RawPaymentEventRow;
}

/** Name of a typed raw table. */
export type RawTypedTableName = keyof RawTypedTables;

/** The typed rows one accepted event produced, per table (absent = no rows). */
export type TypedRows = { readonly [T in RawTypedTableName]?: ReadonlyArray<RawTypedTables[T]> };
