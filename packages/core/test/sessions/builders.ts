// Row builders for session tests: typed raw rows built by hand (the real parser is separate).
import type {
  RawAiStreamEventRow,
  RawAiStreamStatusRow,
  RawNetworkCapabilitiesRow,
  RawStreamTraceEventRow,
} from "../../src/events/raw-rows.js";
import type { LifecycleEvent } from "../../src/sessions/lifecycle-signal.js";

export interface Common {
  uid: string;
  ts: number;
  stream?: string;
  request?: string;
  gateway?: string;
  org?: string;
}

function base(c: Common) {
  const stream = c.stream ?? "s";
  const request = c.request ?? "r";
  return {
    event_timestamp: c.ts,
    raw_event_uid: c.uid,
    org: c.org ?? "org",
    gateway: c.gateway ?? "gw",
    raw_json: "{}",
    workflow_session_id: `${stream}|${request}`,
    stream_id: stream,
    request_id: request,
  };
}

export function status(
  c: Common & {
    addr?: string;
    url?: string;
    pipeline?: string;
    state?: string;
    fps?: number;
    inFps?: number;
    lastError?: string | null;
    startTime?: number | null;
  },
): LifecycleEvent {
  const row: RawAiStreamStatusRow = {
    ...base(c),
    orchestrator_address: c.addr ?? "",
    orchestrator_url: c.url ?? "",
    pipeline: c.pipeline ?? "",
    state: c.state ?? "ONLINE",
    output_fps: c.fps ?? 0,
    input_fps: c.inFps ?? 0,
    restart_count: 0,
    last_error: c.lastError ?? null,
    last_error_time: null,
    params_hash: "",
    prompt_text: null,
    prompt_width: 0,
    prompt_height: 0,
    start_time: c.startTime ?? null,
  };
  return { family: "ai_stream_status", row };
}

export function trace(
  c: Common & { type: string; addr?: string; url?: string; envelopeTs?: number },
): LifecycleEvent {
  const row: RawStreamTraceEventRow = {
    ...base(c),
    event_timestamp: c.envelopeTs ?? c.ts,
    trace_type: c.type,
    orchestrator_address: c.addr ?? "",
    orchestrator_url: c.url ?? "",
    data_timestamp: c.ts,
  };
  return { family: "stream_trace", row };
}

export function aiEvent(
  c: Common & { type: string; message?: string; pipeline?: string },
): LifecycleEvent {
  const row: RawAiStreamEventRow = {
    ...base(c),
    pipeline: c.pipeline ?? "",
    event_type: c.type,
    message: c.message ?? "",
    capability: "",
  };
  return { family: "ai_stream_events", row };
}

export function snapRow(c: {
  ts: number;
  uid?: string;
  ordinal?: number;
  canonical?: string;
  hot?: string;
  url?: string;
  pipeline?: string;
  model?: string;
  gpu?: string | null;
}): RawNetworkCapabilitiesRow {
  return {
    event_timestamp: c.ts,
    raw_event_uid: c.uid ?? `cap-${c.ts}-${c.canonical ?? ""}-${c.model ?? ""}-${c.gpu ?? ""}`,
    org: "org",
    gateway: "gw",
    raw_json: "{}",
    source_event_id: c.uid ?? "",
    orchestrator_address: c.canonical ?? "",
    local_address: c.hot ?? "",
    orch_uri: c.url ?? "",
    capability_id: 35,
    capability_name: "Live video to video",
    capability_group: "live-video",
    capability_catalog_version: "v1",
    snapshot_row_ordinal: c.ordinal ?? 0,
    has_hardware: c.gpu == null ? 0 : 1,
    pipeline: c.pipeline ?? "live-video-to-video",
    model_id: c.model ?? "",
    gpu_id: c.gpu ?? null,
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
  };
}
