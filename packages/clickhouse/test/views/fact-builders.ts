// Hand-built fact rows (defaults describe a clean attributed session at T) and their output
// rows for loading, so tests can state serving inputs directly.
import {
  DIM_TABLES,
  FACT_TABLES,
  RAW_TABLES,
  toCapabilitySnapshotDim,
  type FactStreamStatusSampleRow,
  type FactWorkflowLatencySampleRow,
  type FactWorkflowSessionRow,
  type OutputRow,
  type RawNetworkCapabilitiesRow,
  type RawPaymentEventRow,
  type ServingInputs,
  type TableSpec,
} from "@livepeer-analytics/core";

/** 2026-02-25T20:00:00Z */
export const T = 1772049600000;

export function session(o: Partial<FactWorkflowSessionRow> = {}): FactWorkflowSessionRow {
  return {
    version: 1n,
    semantics_version: "1.0.0",
    org: "",
    workflow_session_id: "s|r",
    workflow_type: "ai_live_video_stream",
    workflow_id: "ai_live_video_stream",
    stream_id: "s",
    request_id: "r",
    gateway: "gw-1",
    session_id: "",
    pipeline: "live-video-to-video",
    orchestrator_address: "0xcanon",
    orchestrator_url: "",
    model_id: "streamdiffusion-sdxl",
    gpu_id: "GPU-A",
    region: null,
    has_model_change: 0,
    has_pipeline_change: 0,
    gpu_attribution_method: "none",
    gpu_attribution_confidence: 0,
    session_start_ts: T,
    session_end_ts: null,
    known_stream: 1,
    startup_success: 1,
    startup_excused: 0,
    startup_unexcused: 0,
    confirmed_swap_count: 0,
    inferred_orchestrator_change_count: 0,
    swap_count: 0,
    error_count: 0,
    excusable_error_count: 0,
    last_error_occurred: 0,
    loading_only_session: 0,
    zero_output_fps_session: 0,
    status_sample_count: 0,
    status_error_sample_count: 0,
    health_expected_signal_count: 3,
    health_signal_count: 3,
    health_completeness_ratio: 1,
    first_stream_request_ts: null,
    first_processed_ts: null,
    first_playable_ts: null,
    event_count: 1,
    source_first_event_uid: "",
    source_last_event_uid: "",
    ...o,
  };
}

export function status(o: Partial<FactStreamStatusSampleRow> = {}): FactStreamStatusSampleRow {
  return {
    version: 1n,
    semantics_version: "1.0.0",
    sample_ts: T,
    workflow_session_id: "s|r",
    stream_id: "s",
    request_id: "r",
    gateway: "gw-1",
    orchestrator_address: "0xcanon",
    orchestrator_url: "",
    pipeline: "live-video-to-video",
    model_id: "streamdiffusion-sdxl",
    gpu_id: "GPU-A",
    region: null,
    state: "ONLINE",
    output_fps: 20,
    input_fps: 30,
    is_attributed: 1,
    gpu_attribution_method: "segment_window_join",
    gpu_attribution_confidence: 1,
    source_event_uid: "u",
    ...o,
  };
}

export function latency(
  o: Partial<FactWorkflowLatencySampleRow> = {},
): FactWorkflowLatencySampleRow {
  return {
    version: 1n,
    semantics_version: "1.0.0",
    sample_ts: T,
    workflow_session_id: "s|r",
    stream_id: "s",
    request_id: "r",
    gateway: "gw-1",
    orchestrator_address: "0xcanon",
    pipeline: "live-video-to-video",
    model_id: "streamdiffusion-sdxl",
    gpu_id: "GPU-A",
    region: null,
    edge_semantics_version: "v1",
    prompt_to_first_frame_ms: null,
    startup_time_ms: null,
    e2e_latency_ms: null,
    has_prompt_to_first_frame: 0,
    has_startup_time: 0,
    has_e2e_latency: 0,
    ...o,
  };
}

export function payment(o: Partial<RawPaymentEventRow> = {}): RawPaymentEventRow {
  return {
    event_timestamp: T,
    raw_event_uid: "p",
    org: "",
    gateway: "gw-1",
    raw_json: "{}",
    request_id: "",
    session_id: "",
    manifest_id: "",
    sender: "",
    recipient: "",
    orchestrator: "",
    face_value: "",
    face_value_wei: null,
    price: "",
    num_tickets: "",
    win_prob: "",
    client_ip: "",
    capability: "",
    ...o,
  };
}

export function capability(o: Partial<RawNetworkCapabilitiesRow> = {}): RawNetworkCapabilitiesRow {
  return {
    event_timestamp: T,
    raw_event_uid: "cap",
    org: "",
    gateway: "",
    raw_json: "{}",
    source_event_id: "cap",
    orchestrator_address: "0xcanon",
    local_address: "0xhot",
    orch_uri: "https://o.example",
    capability_id: 35,
    capability_name: "Live video to video",
    capability_group: "live-video",
    capability_catalog_version: "v1",
    snapshot_row_ordinal: 0,
    has_hardware: 1,
    pipeline: "live-video-to-video",
    model_id: "streamdiffusion-sdxl",
    gpu_id: "GPU-A",
    gpu_name: null,
    gpu_memory_total: null,
    gpu_memory_free: null,
    gpu_major: null,
    gpu_minor: null,
    runner_version: null,
    capacity: null,
    capacity_in_use: null,
    warm: null,
    price_per_unit: null,
    pixels_per_unit: null,
    orchestrator_version: "",
    ...o,
  };
}

function factTable(name: string): TableSpec<string, never> {
  const t = FACT_TABLES.find((f) => f.name === name);
  if (t === undefined) throw new Error(`no fact table ${name}`);
  return t;
}

/** Partial serving inputs, missing lists empty. */
export function inputs(o: Partial<ServingInputs>): ServingInputs {
  return { sessions: [], latency: [], statusSamples: [], payments: [], capabilities: [], ...o };
}

/** The output rows that store `inputs` (capability rows also as their snapshot dimension). */
export function outputRowsOf(i: ServingInputs): OutputRow[] {
  const of = (table: TableSpec<string, never>, rows: readonly unknown[]): OutputRow[] =>
    rows.map((row) => ({ table, row }));
  const raw = RAW_TABLES as unknown as Record<string, TableSpec<string, never>>;
  const dim = DIM_TABLES.dim_orchestrator_capability_snapshots as TableSpec<string, never>;
  return [
    ...of(factTable("fact_workflow_sessions"), i.sessions),
    ...of(factTable("fact_workflow_latency_samples"), i.latency),
    ...of(factTable("fact_stream_status_samples"), i.statusSamples),
    ...of(raw.raw_payment_events as TableSpec<string, never>, i.payments),
    ...of(raw.raw_network_capabilities as TableSpec<string, never>, i.capabilities),
    ...of(dim, i.capabilities.map(toCapabilitySnapshotDim)),
  ];
}
