/**
 * Row shapes of the derived fact tables (sessions.md §9–§15), with the spec's column names.
 * Timestamps are epoch milliseconds; `version` is a `bigint` (UInt64, sessions.md §4.4).
 */

/** Attribution method of sessions.md §7.1. */
export type AttributionMethod =
  | "exact_orchestrator_time_match"
  | "nearest_prior_snapshot"
  | "nearest_snapshot_within_ttl"
  | "proxy_address_join"
  | "none"
  | "segment_window_join";

/** Columns every versioned fact row carries. */
export interface VersionedFact {
  /** Derivation version: |Ev(X)| × 2^32 + min(|R(X)|, 2^32 − 1). */
  readonly version: bigint;
  /** Always {@link SEMANTICS_VERSION} of the deriving library. */
  readonly semantics_version: string;
}

/** `fact_workflow_sessions` (sessions.md §9). */
export interface FactWorkflowSessionRow extends VersionedFact {
  readonly org: string;
  readonly workflow_session_id: string;
  readonly workflow_type: "ai_live_video_stream";
  readonly workflow_id: string;
  readonly stream_id: string;
  readonly request_id: string;
  readonly gateway: string;
  readonly session_id: "";
  readonly pipeline: string;
  readonly orchestrator_address: string;
  readonly orchestrator_url: string;
  readonly model_id: string | null;
  readonly gpu_id: string | null;
  readonly region: null;
  readonly has_model_change: 0 | 1;
  readonly has_pipeline_change: 0 | 1;
  readonly gpu_attribution_method: AttributionMethod;
  readonly gpu_attribution_confidence: number;
  readonly session_start_ts: number;
  readonly session_end_ts: number | null;
  readonly known_stream: 0 | 1;
  readonly startup_success: 0 | 1;
  readonly startup_excused: 0 | 1;
  readonly startup_unexcused: 0 | 1;
  readonly confirmed_swap_count: number;
  readonly inferred_orchestrator_change_count: number;
  readonly swap_count: number;
  readonly error_count: number;
  readonly excusable_error_count: number;
  readonly last_error_occurred: 0 | 1;
  readonly loading_only_session: 0 | 1;
  readonly zero_output_fps_session: 0 | 1;
  readonly status_sample_count: number;
  readonly status_error_sample_count: number;
  readonly health_expected_signal_count: number;
  readonly health_signal_count: number;
  /** signal / expected; null when expected = 0 (D7). */
  readonly health_completeness_ratio: number | null;
  readonly first_stream_request_ts: number | null;
  readonly first_processed_ts: number | null;
  readonly first_playable_ts: number | null;
  readonly event_count: number;
  readonly source_first_event_uid: string;
  readonly source_last_event_uid: string;
}

/** Why a segment started or ended (sessions.md §10). */
export type SegmentReason = "initial" | "orchestrator_change" | "stream_closed";

/** `fact_workflow_session_segments` (sessions.md §10). */
export interface FactWorkflowSessionSegmentRow extends VersionedFact {
  readonly org: string;
  readonly workflow_session_id: string;
  readonly segment_index: number;
  readonly segment_start_ts: number;
  readonly segment_end_ts: number | null;
  readonly gateway: string;
  readonly pipeline: string;
  readonly orchestrator_address: string;
  readonly orchestrator_url: string;
  readonly worker_id: "";
  readonly gpu_id: string | null;
  readonly model_id: string | null;
  readonly region: null;
  readonly gpu_attribution_method: AttributionMethod;
  readonly gpu_attribution_confidence: number;
  readonly reason: SegmentReason;
  readonly source_trace_type: string;
  readonly source_event_uid: string;
}

/** `fact_workflow_param_updates` (sessions.md §11). */
export interface FactWorkflowParamUpdateRow extends VersionedFact {
  readonly update_ts: number;
  readonly workflow_session_id: string;
  readonly stream_id: string;
  readonly request_id: string;
  readonly pipeline: string;
  readonly gateway: string;
  readonly orchestrator_address: string;
  readonly orchestrator_url: string;
  readonly model_id: string | null;
  readonly gpu_id: string | null;
  readonly gpu_attribution_method: AttributionMethod;
  readonly gpu_attribution_confidence: number;
  readonly update_type: "params_update";
  readonly message: string;
  readonly source_event_uid: string;
}

/** `unmatched_reason` of sessions.md §12. */
export type UnmatchedReason =
  | ""
  | "missing_stream_request_edge"
  | "missing_first_processed_segment_edge"
  | "missing_playable_edge"
  | "awaiting_first_processed_segment_edge"
  | "awaiting_playable_edge";

/** `fact_lifecycle_edge_coverage` (sessions.md §12). */
export interface FactLifecycleEdgeCoverageRow extends VersionedFact {
  readonly signal_ts: number;
  readonly workflow_session_id: string;
  readonly stream_id: string;
  readonly request_id: string;
  readonly pipeline: string;
  readonly model_id: string | null;
  readonly gateway: string;
  readonly orchestrator_address: "";
  readonly trace_type: string;
  readonly source_event_uid: string;
  readonly known_stream: 0 | 1;
  readonly has_first_processed_edge: 0 | 1;
  readonly has_first_playable_edge: 0 | 1;
  readonly startup_edge_matched: 0 | 1;
  readonly playable_edge_matched: 0 | 1;
  readonly is_terminal_signal: 0 | 1;
  readonly unmatched_reason: UnmatchedReason;
}

/** `fact_stream_status_samples` (sessions.md §13). */
export interface FactStreamStatusSampleRow extends VersionedFact {
  readonly sample_ts: number;
  readonly workflow_session_id: string;
  readonly stream_id: string;
  readonly request_id: string;
  readonly gateway: string;
  readonly orchestrator_address: string;
  readonly orchestrator_url: string;
  readonly pipeline: string;
  readonly model_id: string | null;
  readonly gpu_id: string | null;
  readonly region: string | null;
  readonly state: string;
  readonly output_fps: number;
  readonly input_fps: number;
  readonly is_attributed: 0 | 1;
  readonly gpu_attribution_method: AttributionMethod;
  readonly gpu_attribution_confidence: number;
  readonly source_event_uid: string;
}

/** `fact_stream_trace_edges` (sessions.md §13). */
export interface FactStreamTraceEdgeRow extends VersionedFact {
  readonly edge_ts: number;
  readonly workflow_session_id: string;
  readonly stream_id: string;
  readonly request_id: string;
  readonly gateway: string;
  readonly orchestrator_address: string;
  readonly orchestrator_url: string;
  readonly pipeline: string;
  readonly model_id: string | null;
  readonly trace_type: string;
  readonly trace_category: string;
  readonly is_swap_event: 0 | 1;
  readonly is_attributed: 0 | 1;
  readonly source_event_uid: string;
}

/** `fact_workflow_latency_samples` (sessions.md §14). Latencies in ms, null when not measurable. */
export interface FactWorkflowLatencySampleRow extends VersionedFact {
  readonly sample_ts: number;
  readonly workflow_session_id: string;
  readonly stream_id: string;
  readonly request_id: string;
  readonly gateway: string;
  readonly orchestrator_address: string;
  readonly pipeline: string;
  readonly model_id: string | null;
  readonly gpu_id: string | null;
  readonly region: string | null;
  readonly edge_semantics_version: "v1";
  readonly prompt_to_first_frame_ms: number | null;
  readonly startup_time_ms: number | null;
  readonly e2e_latency_ms: number | null;
  readonly has_prompt_to_first_frame: 0 | 1;
  readonly has_startup_time: 0 | 1;
  readonly has_e2e_latency: 0 | 1;
}

/** `fact_stream_ingest_samples` (sessions.md §15): 1:1 projection, not versioned. */
export interface FactStreamIngestSampleRow {
  readonly sample_ts: number;
  readonly workflow_session_id: string;
  readonly stream_id: string;
  readonly request_id: string;
  readonly gateway: string;
  readonly connection_quality: string;
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
  readonly bytes_received: number;
  readonly bytes_sent: number;
  readonly source_event_uid: string;
}

/** Every row one derivation of a session emits (sessions.md §4.5), all with the same version. */
export interface SessionFacts {
  readonly workflowSessionId: string;
  readonly version: bigint;
  readonly session: FactWorkflowSessionRow;
  readonly segments: ReadonlyArray<FactWorkflowSessionSegmentRow>;
  readonly paramUpdates: ReadonlyArray<FactWorkflowParamUpdateRow>;
  readonly coverage: ReadonlyArray<FactLifecycleEdgeCoverageRow>;
  readonly statusSamples: ReadonlyArray<FactStreamStatusSampleRow>;
  readonly traceEdges: ReadonlyArray<FactStreamTraceEdgeRow>;
  readonly latency: FactWorkflowLatencySampleRow;
}
