// Hand-built fact rows for the serving-view tests (sessions.md W1/W2, serving.md X1–X4).
import type { RawNetworkCapabilitiesRow, RawPaymentEventRow } from "../../src/events/raw-rows.js";
import type {
  FactStreamStatusSampleRow,
  FactWorkflowLatencySampleRow,
  FactWorkflowSessionRow,
} from "../../src/sessions/fact-rows.js";
import type { ServingInputs } from "../../src/sla/latest-bases.js";

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

const W2_ID = "s-b|r-b";
const W2_V_FINAL = 30064771073n; // 7 × 2^32 + 1
const W2_V_FIRST = 30064771072n; // derivation before cap-1 was consumed

/** sessions.md W2: both derivations (unattributed first, then the final one), cap-1 and payment. */
export function w2Inputs(): ServingInputs {
  const base = {
    workflow_session_id: W2_ID,
    stream_id: "s-b",
    request_id: "r-b",
    gateway: "gw-1",
  };
  const finalSession = session({
    ...base,
    version: W2_V_FINAL,
    workflow_id: "live-video-to-video",
    pipeline: "live-video-to-video",
    orchestrator_address: "0xcanon",
    orchestrator_url: "https://o.example",
    model_id: "streamdiffusion-sdxl",
    gpu_id: "GPU-A",
    gpu_attribution_method: "nearest_prior_snapshot",
    gpu_attribution_confidence: 0.9,
    session_start_ts: T + 600000,
    session_end_ts: T + 900500,
    status_sample_count: 3,
    first_stream_request_ts: T + 600000,
    first_processed_ts: T + 601200,
    first_playable_ts: T + 602000,
    event_count: 7,
    source_first_event_uid: "t1",
    source_last_event_uid: "s3",
  });
  const firstSession = session({
    ...finalSession,
    version: W2_V_FIRST,
    workflow_id: "ai_live_video_stream",
    pipeline: "",
    orchestrator_address: "",
    orchestrator_url: "",
    gpu_id: null,
    gpu_attribution_method: "none",
    gpu_attribution_confidence: 0,
  });
  const attributed = {
    ...base,
    orchestrator_address: "0xcanon",
    orchestrator_url: "https://o.example",
    pipeline: "live-video-to-video",
    model_id: "streamdiffusion-sdxl",
    gpu_id: "GPU-A",
    is_attributed: 1 as const,
    gpu_attribution_method: "segment_window_join" as const,
    gpu_attribution_confidence: 1,
  };
  const unattributed = {
    ...base,
    orchestrator_address: "",
    orchestrator_url: "https://o.example",
    pipeline: "",
    model_id: null,
    gpu_id: null,
    is_attributed: 0 as const,
    gpu_attribution_method: "none" as const,
    gpu_attribution_confidence: 0,
  };
  const samples = [
    { source_event_uid: "s1", sample_ts: T + 601000, output_fps: 20 },
    { source_event_uid: "s2", sample_ts: T + 660000, output_fps: 22 },
  ];
  const s3 = { source_event_uid: "s3", sample_ts: T + 900500, output_fps: 0 };
  const lat = {
    ...base,
    sample_ts: T + 600000,
    prompt_to_first_frame_ms: 1200,
    startup_time_ms: 800,
    e2e_latency_ms: 2000,
    has_prompt_to_first_frame: 1 as const,
    has_startup_time: 1 as const,
    has_e2e_latency: 1 as const,
  };
  return {
    sessions: [firstSession, finalSession],
    statusSamples: [
      ...[...samples, s3].map((s) => status({ ...unattributed, ...s, version: W2_V_FIRST })),
      ...samples.map((s) => status({ ...attributed, ...s, version: W2_V_FINAL })),
      status({ ...unattributed, ...s3, version: W2_V_FINAL }),
    ],
    latency: [
      latency({
        ...lat,
        version: W2_V_FIRST,
        orchestrator_address: "",
        pipeline: "",
        gpu_id: null,
      }),
      latency({ ...lat, version: W2_V_FINAL }),
    ],
    payments: [
      payment({
        raw_event_uid: "pay-1",
        event_timestamp: T + 700000,
        gateway: "gw-1",
        request_id: "r-b",
        face_value: "2402400000000000 WEI",
        face_value_wei: 2402400000000000n,
      }),
    ],
    capabilities: [
      capability({
        raw_event_uid: "cap-1",
        source_event_id: "cap-1",
        event_timestamp: T + 60000,
        orchestrator_address: "0xcanon",
        local_address: "0xhot",
        gpu_id: "GPU-A",
        gpu_name: "NVIDIA GeForce RTX 4090",
        gpu_major: 8,
        gpu_minor: 9,
      }),
    ],
  };
}

/** sessions.md W1 facts (no orchestrator, excused, no status samples). */
export function w1Inputs(): Pick<ServingInputs, "sessions" | "latency"> {
  const base = {
    workflow_session_id: "aiJobTesterStream-1772052113991767774|0815334c",
    stream_id: "aiJobTesterStream-1772052113991767774",
    request_id: "0815334c",
    gateway: "cloud-spe-ai-live-video-tester-fra",
    pipeline: "",
    orchestrator_address: "",
    model_id: "streamdiffusion-sdxl",
    gpu_id: null,
    version: 21474836480n,
  };
  return {
    sessions: [
      session({
        ...base,
        session_start_ts: 1772052118525,
        session_end_ts: 1772052118628,
        known_stream: 1,
        startup_success: 0,
        startup_excused: 1,
        startup_unexcused: 0,
        error_count: 2,
        excusable_error_count: 2,
        health_expected_signal_count: 3,
        health_signal_count: 0,
        health_completeness_ratio: 0,
        first_stream_request_ts: 1772052118525,
        event_count: 5,
      }),
    ],
    latency: [latency({ ...base, sample_ts: 1772052118525 })],
  };
}

/** Concatenates serving inputs. */
export function mergeInputs(...parts: ReadonlyArray<Partial<ServingInputs>>): ServingInputs {
  return {
    sessions: parts.flatMap((p) => p.sessions ?? []),
    latency: parts.flatMap((p) => p.latency ?? []),
    statusSamples: parts.flatMap((p) => p.statusSamples ?? []),
    payments: parts.flatMap((p) => p.payments ?? []),
    capabilities: parts.flatMap((p) => p.capabilities ?? []),
  };
}

/** serving.md X1: four known sessions in one (hour, key). */
export const X1_SESSIONS = [
  session({ workflow_session_id: "S1" }),
  session({
    workflow_session_id: "S2",
    startup_success: 0,
    startup_unexcused: 1,
    loading_only_session: 1,
    zero_output_fps_session: 1,
    health_signal_count: 1,
  }),
  session({ workflow_session_id: "S3", confirmed_swap_count: 1, swap_count: 1 }),
  session({
    workflow_session_id: "S4",
    startup_success: 0,
    startup_excused: 1,
    error_count: 1,
    excusable_error_count: 1,
    loading_only_session: 1,
    zero_output_fps_session: 1,
    health_signal_count: 1,
  }),
];
