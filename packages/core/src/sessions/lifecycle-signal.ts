import type {
  RawAiStreamEventRow,
  RawAiStreamStatusRow,
  RawStreamTraceEventRow,
} from "../events/raw-rows.js";
import { traceTypeInfo } from "../taxonomy/trace-types.js";
import type { TraceTypeInfo } from "../taxonomy/trace-types.js";
import { compareOrdinal, normalizeAddress } from "../values/java-trim.js";

/** One accepted lifecycle event as its typed raw row, tagged by family (sessions.md §3). */
export type LifecycleEvent =
  | { readonly family: "ai_stream_status"; readonly row: RawAiStreamStatusRow }
  | { readonly family: "stream_trace"; readonly row: RawStreamTraceEventRow }
  | { readonly family: "ai_stream_events"; readonly row: RawAiStreamEventRow };

/** Family name of a {@link LifecycleEvent}. */
export type LifecycleFamily = LifecycleEvent["family"];

/**
 * The signal projection of one lifecycle event (sessions.md §3). Immutable: machines that
 * rewrite `pipeline` (§8.2 step 5) keep their own resolved value instead of mutating it.
 */
export interface LifecycleSignal {
  readonly family: LifecycleFamily;
  /** Signal timestamp, epoch ms: envelope ts (status, AI events) or `data_timestamp` (traces). */
  readonly ts: number;
  /** `raw_event_uid`. */
  readonly uid: string;
  readonly workflowSessionId: string;
  readonly streamId: string;
  readonly requestId: string;
  /** `text(data.pipeline)` for status and AI events (a model label in practice), `""` for traces. */
  readonly pipeline: string;
  /** Same value as {@link pipeline} (§3). */
  readonly pipelineHint: string;
  /** Same value as {@link pipeline} (§3). */
  readonly modelHint: string;
  readonly gateway: string;
  readonly org: string;
  /** Normalized hot address (`""` for AI events). */
  readonly orchAddr: string;
  /** `orchestrator_info.url` (`""` for AI events). */
  readonly orchUrl: string;
  /** `data.type` of traces, `""` otherwise. */
  readonly traceType: string;
  /** Taxonomy entry of {@link traceType}; null for non-traces. */
  readonly trace: TraceTypeInfo | null;
  /** `data.type` of AI events, `""` otherwise. */
  readonly aiEventType: string;
  /** `data.message` of AI events, `""` otherwise. */
  readonly message: string;
  /** Status `state`, `""` otherwise. */
  readonly state: string;
  /** Status `output_fps`, 0 otherwise. */
  readonly outputFps: number;
  /** Status `input_fps`, 0 otherwise. */
  readonly inputFps: number;
  /** Status `last_error`, null otherwise. */
  readonly lastError: string | null;
  /** Status `start_time` (epoch ms) when present, else null. */
  readonly startTimeMs: number | null;
}

/**
 * Projects a lifecycle event to its signal (sessions.md §3 table).
 * Example: a trace with `data_timestamp` 1739000000200 → signal ts 1739000000200.
 */
export function toSignal(event: LifecycleEvent): LifecycleSignal {
  switch (event.family) {
    case "ai_stream_status":
      return statusSignal(event.row);
    case "stream_trace":
      return traceSignal(event.row);
    case "ai_stream_events":
      return aiEventSignal(event.row);
  }
}

/** The signal of an `ai_stream_status` row (sessions.md §3; see {@link toSignal}). */
export function statusSignal(r: RawAiStreamStatusRow): LifecycleSignal {
  return signal(
    "ai_stream_status",
    r,
    r.event_timestamp,
    r.pipeline,
    normalizeAddress(r.orchestrator_address),
    r.orchestrator_url,
    "",
    null,
    "",
    "",
    r.state,
    r.output_fps,
    r.input_fps,
    r.last_error,
    r.start_time,
  );
}

/** The signal of a `stream_trace` row: ts = `data_timestamp` (sessions.md §3). */
export function traceSignal(r: RawStreamTraceEventRow): LifecycleSignal {
  return signal(
    "stream_trace",
    r,
    r.data_timestamp,
    "",
    normalizeAddress(r.orchestrator_address),
    r.orchestrator_url,
    r.trace_type,
    traceTypeInfo(r.trace_type),
    "",
    "",
    "",
    0,
    0,
    null,
    null,
  );
}

/** The signal of an `ai_stream_events` row (sessions.md §3; see {@link toSignal}). */
export function aiEventSignal(r: RawAiStreamEventRow): LifecycleSignal {
  return signal(
    "ai_stream_events",
    r,
    r.event_timestamp,
    r.pipeline,
    "",
    "",
    "",
    null,
    r.event_type,
    r.message,
    "",
    0,
    0,
    null,
    null,
  );
}

interface CommonRow {
  readonly raw_event_uid: string;
  readonly workflow_session_id: string;
  readonly stream_id: string;
  readonly request_id: string;
  readonly gateway: string;
  readonly org: string;
}

// One literal with a fixed key order so every signal shares one hidden class (hot path).
function signal(
  family: LifecycleFamily,
  r: CommonRow,
  ts: number,
  pipeline: string,
  orchAddr: string,
  orchUrl: string,
  traceType: string,
  trace: TraceTypeInfo | null,
  aiEventType: string,
  message: string,
  state: string,
  outputFps: number,
  inputFps: number,
  lastError: string | null,
  startTimeMs: number | null,
): LifecycleSignal {
  return {
    family,
    ts,
    uid: r.raw_event_uid,
    workflowSessionId: r.workflow_session_id,
    streamId: r.stream_id,
    requestId: r.request_id,
    pipeline,
    pipelineHint: pipeline,
    modelHint: pipeline,
    gateway: r.gateway,
    org: r.org,
    orchAddr,
    orchUrl,
    traceType,
    trace,
    aiEventType,
    message,
    state,
    outputFps,
    inputFps,
    lastError,
    startTimeMs,
  };
}

/** `raw_event_uid` of a lifecycle event. */
export function eventUid(event: LifecycleEvent): string {
  return event.row.raw_event_uid;
}

/** `workflow_session_id` of a lifecycle event. */
export function eventSessionId(event: LifecycleEvent): string {
  return event.row.workflow_session_id;
}

/**
 * Total order of sessions.md §4.2: `ts` ascending, then `uid` ascending by UTF-16 code units.
 * Usable with `Array.prototype.sort`.
 */
export function compareSignals(a: LifecycleSignal, b: LifecycleSignal): number {
  return a.ts - b.ts || compareOrdinal(a.uid, b.uid);
}
