import type {
  FactLifecycleEdgeCoverageRow,
  FactStreamIngestSampleRow,
  FactStreamStatusSampleRow,
  FactStreamTraceEdgeRow,
  FactWorkflowLatencySampleRow,
  FactWorkflowParamUpdateRow,
  FactWorkflowSessionRow,
  FactWorkflowSessionSegmentRow,
} from "../sessions/fact-rows.js";
import { defineTable } from "./table-spec.js";

const S = "String";
const LC = "LowCardinality(String)";
const NS = "Nullable(String)";
const TS = "DateTime64(3)";
const NTS = "Nullable(DateTime64(3))";

/** `fact_workflow_sessions` (sessions.md §9), one row per derivation. */
export const FACT_WORKFLOW_SESSIONS = defineTable<FactWorkflowSessionRow>()(
  "fact_workflow_sessions",
  [
    ["org", LC],
    ["workflow_session_id", S],
    ["workflow_type", LC],
    ["workflow_id", S],
    ["stream_id", S],
    ["request_id", S],
    ["gateway", S],
    ["session_id", S],
    ["pipeline", S],
    ["orchestrator_address", S],
    ["orchestrator_url", S],
    ["model_id", NS],
    ["gpu_id", NS],
    ["region", NS],
    ["has_model_change", "UInt8"],
    ["has_pipeline_change", "UInt8"],
    ["gpu_attribution_method", LC],
    ["gpu_attribution_confidence", "Float64"],
    ["session_start_ts", TS],
    ["session_end_ts", NTS],
    ["known_stream", "UInt8"],
    ["startup_success", "UInt8"],
    ["startup_excused", "UInt8"],
    ["startup_unexcused", "UInt8"],
    ["confirmed_swap_count", "UInt32"],
    ["inferred_orchestrator_change_count", "UInt32"],
    ["swap_count", "UInt32"],
    ["error_count", "UInt32"],
    ["excusable_error_count", "UInt32"],
    ["last_error_occurred", "UInt8"],
    ["loading_only_session", "UInt8"],
    ["zero_output_fps_session", "UInt8"],
    ["status_sample_count", "UInt32"],
    ["status_error_sample_count", "UInt32"],
    ["health_expected_signal_count", "UInt8"],
    ["health_signal_count", "UInt8"],
    ["health_completeness_ratio", "Nullable(Float64)"],
    ["first_stream_request_ts", NTS],
    ["first_processed_ts", NTS],
    ["first_playable_ts", NTS],
    ["event_count", "UInt32"],
    ["version", "UInt64"],
    ["source_first_event_uid", S],
    ["source_last_event_uid", S],
    ["semantics_version", LC],
  ],
);

/** `fact_workflow_session_segments` (sessions.md §10), the complete segment set per derivation. */
export const FACT_WORKFLOW_SESSION_SEGMENTS = defineTable<FactWorkflowSessionSegmentRow>()(
  "fact_workflow_session_segments",
  [
    ["org", LC],
    ["workflow_session_id", S],
    ["segment_index", "UInt16"],
    ["segment_start_ts", TS],
    ["segment_end_ts", NTS],
    ["gateway", S],
    ["pipeline", S],
    ["orchestrator_address", S],
    ["orchestrator_url", S],
    ["worker_id", S],
    ["gpu_id", NS],
    ["model_id", NS],
    ["region", NS],
    ["gpu_attribution_method", LC],
    ["gpu_attribution_confidence", "Float64"],
    ["reason", LC],
    ["source_trace_type", LC],
    ["source_event_uid", S],
    ["version", "UInt64"],
    ["semantics_version", LC],
  ],
);

/** `fact_workflow_param_updates` (sessions.md §11), one row per `params_update` event. */
export const FACT_WORKFLOW_PARAM_UPDATES = defineTable<FactWorkflowParamUpdateRow>()(
  "fact_workflow_param_updates",
  [
    ["update_ts", TS],
    ["workflow_session_id", S],
    ["stream_id", S],
    ["request_id", S],
    ["pipeline", S],
    ["gateway", S],
    ["orchestrator_address", S],
    ["orchestrator_url", S],
    ["model_id", NS],
    ["gpu_id", NS],
    ["gpu_attribution_method", LC],
    ["gpu_attribution_confidence", "Float64"],
    ["update_type", LC],
    ["message", S],
    ["source_event_uid", S],
    ["version", "UInt64"],
    ["semantics_version", LC],
  ],
);

/** `fact_lifecycle_edge_coverage` (sessions.md §12), one row per lifecycle event. */
export const FACT_LIFECYCLE_EDGE_COVERAGE = defineTable<FactLifecycleEdgeCoverageRow>()(
  "fact_lifecycle_edge_coverage",
  [
    ["signal_ts", TS],
    ["workflow_session_id", S],
    ["stream_id", S],
    ["request_id", S],
    ["pipeline", S],
    ["model_id", NS],
    ["gateway", S],
    ["orchestrator_address", S],
    ["trace_type", LC],
    ["source_event_uid", S],
    ["known_stream", "UInt8"],
    ["has_first_processed_edge", "UInt8"],
    ["has_first_playable_edge", "UInt8"],
    ["startup_edge_matched", "UInt8"],
    ["playable_edge_matched", "UInt8"],
    ["is_terminal_signal", "UInt8"],
    ["unmatched_reason", LC],
    ["version", "UInt64"],
    ["semantics_version", LC],
  ],
);

/** `fact_stream_status_samples` (sessions.md §13), one row per status event. */
export const FACT_STREAM_STATUS_SAMPLES = defineTable<FactStreamStatusSampleRow>()(
  "fact_stream_status_samples",
  [
    ["sample_ts", TS],
    ["workflow_session_id", S],
    ["stream_id", S],
    ["request_id", S],
    ["gateway", S],
    ["orchestrator_address", S],
    ["orchestrator_url", S],
    ["pipeline", S],
    ["model_id", NS],
    ["gpu_id", NS],
    ["region", NS],
    ["state", LC],
    ["output_fps", "Float64"],
    ["input_fps", "Float64"],
    ["is_attributed", "UInt8"],
    ["gpu_attribution_method", LC],
    ["gpu_attribution_confidence", "Float64"],
    ["source_event_uid", S],
    ["version", "UInt64"],
    ["semantics_version", LC],
  ],
);

/** `fact_stream_trace_edges` (sessions.md §13), one row per trace event. */
export const FACT_STREAM_TRACE_EDGES = defineTable<FactStreamTraceEdgeRow>()(
  "fact_stream_trace_edges",
  [
    ["edge_ts", TS],
    ["workflow_session_id", S],
    ["stream_id", S],
    ["request_id", S],
    ["gateway", S],
    ["orchestrator_address", S],
    ["orchestrator_url", S],
    ["pipeline", S],
    ["model_id", NS],
    ["trace_type", LC],
    ["trace_category", LC],
    ["is_swap_event", "UInt8"],
    ["is_attributed", "UInt8"],
    ["source_event_uid", S],
    ["version", "UInt64"],
    ["semantics_version", LC],
  ],
);

/** `fact_workflow_latency_samples` (sessions.md §14), one row per derivation. */
export const FACT_WORKFLOW_LATENCY_SAMPLES = defineTable<FactWorkflowLatencySampleRow>()(
  "fact_workflow_latency_samples",
  [
    ["sample_ts", TS],
    ["workflow_session_id", S],
    ["stream_id", S],
    ["request_id", S],
    ["gateway", S],
    ["orchestrator_address", S],
    ["pipeline", S],
    ["model_id", NS],
    ["gpu_id", NS],
    ["region", NS],
    ["edge_semantics_version", LC],
    ["prompt_to_first_frame_ms", "Nullable(Float64)"],
    ["startup_time_ms", "Nullable(Float64)"],
    ["e2e_latency_ms", "Nullable(Float64)"],
    ["has_prompt_to_first_frame", "UInt8"],
    ["has_startup_time", "UInt8"],
    ["has_e2e_latency", "UInt8"],
    ["version", "UInt64"],
    ["semantics_version", LC],
  ],
);

/** `fact_stream_ingest_samples` (sessions.md §15), unversioned 1:1 projection. */
export const FACT_STREAM_INGEST_SAMPLES = defineTable<FactStreamIngestSampleRow>()(
  "fact_stream_ingest_samples",
  [
    ["sample_ts", TS],
    ["workflow_session_id", S],
    ["stream_id", S],
    ["request_id", S],
    ["gateway", S],
    ["connection_quality", LC],
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
    ["bytes_received", "UInt64"],
    ["bytes_sent", "UInt64"],
    ["source_event_uid", S],
  ],
);

/** Every fact table of sessions.md, in spec order. */
export const FACT_TABLES = [
  FACT_WORKFLOW_SESSIONS,
  FACT_WORKFLOW_SESSION_SEGMENTS,
  FACT_WORKFLOW_PARAM_UPDATES,
  FACT_LIFECYCLE_EDGE_COVERAGE,
  FACT_STREAM_STATUS_SAMPLES,
  FACT_STREAM_TRACE_EDGES,
  FACT_WORKFLOW_LATENCY_SAMPLES,
  FACT_STREAM_INGEST_SAMPLES,
] as const;
