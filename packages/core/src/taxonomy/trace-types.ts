/** Trace category of sessions.md §5.1, derived from the trace type's prefix. */
export type TraceCategory = "gateway" | "orchestrator" | "runner" | "app" | "other";

/**
 * What a trace does to the session accumulator (sessions.md §5.1 "Session effect"):
 * - `stream_request`: `known_stream = 1`, `first_stream_request_ts = min`
 * - `first_processed`: `first_processed_ts = min`
 * - `playable`: `startup_success = 1`, `first_playable_ts = min`
 * - `no_orchestrators`: sets the no-orchestrator flag (excused unless successful)
 * - `swap`: `confirmed_swap_count += 1`
 * - `closed`: close-time attribution (§8.5) and segment end
 * - `none`: only counts as a signal
 */
export type TraceSessionEffect =
  | "stream_request"
  | "first_processed"
  | "playable"
  | "no_orchestrators"
  | "swap"
  | "closed"
  | "none";

/** One row of the trace taxonomy table (sessions.md §5.1). */
export interface TraceTypeInfo {
  /** `data.type`, exact and case-sensitive; `""` for the prefix-derived default. */
  readonly type: string;
  readonly category: TraceCategory;
  readonly effect: TraceSessionEffect;
  /** `is_swap_event = 1` (only `orchestrator_swap`). */
  readonly swapEvidence: boolean;
  /** Terminal signal of edge coverage (only `gateway_ingest_stream_closed`). */
  readonly terminal: boolean;
}

/** Trace type that ends a session's ingest (segment end, close-time attribution). */
export const TRACE_STREAM_CLOSED = "gateway_ingest_stream_closed";
/** Trace type that is confirmed swap evidence. */
export const TRACE_ORCHESTRATOR_SWAP = "orchestrator_swap";

const CATEGORY_PREFIXES: ReadonlyArray<readonly [string, TraceCategory]> = [
  ["gateway_", "gateway"],
  ["orchestrator_", "orchestrator"],
  ["runner_", "runner"],
  ["app_", "app"],
];

/**
 * `trace_category` (sessions.md §5.1): first matching case-sensitive prefix `gateway_` →
 * `gateway`, `orchestrator_` → `orchestrator`, `runner_` → `runner`, `app_` → `app`; else `other`.
 * @example traceCategory("gateway_ingest_stream_closed") === "gateway"; traceCategory("error") === "other"
 */
export function traceCategory(type: string): TraceCategory {
  for (const [prefix, category] of CATEGORY_PREFIXES) if (type.startsWith(prefix)) return category;
  return "other";
}

type Effects = readonly [type: string, effect: TraceSessionEffect];

/** The trace types with a session effect; every other type has effect `none` (sessions.md §5.1). */
const EFFECTS: ReadonlyArray<Effects> = [
  ["gateway_receive_stream_request", "stream_request"],
  ["gateway_receive_first_processed_segment", "first_processed"],
  ["gateway_receive_few_processed_segments", "playable"],
  ["gateway_no_orchestrators_available", "no_orchestrators"],
  [TRACE_ORCHESTRATOR_SWAP, "swap"],
  [TRACE_STREAM_CLOSED, "closed"],
];

/** Trace types listed by sessions.md §5.1 without a session effect. */
const LISTED_WITHOUT_EFFECT: ReadonlyArray<string> = [
  "gateway_send_first_ingest_segment",
  "gateway_receive_first_data_segment",
  "runner_receive_first_ingest_segment",
  "runner_send_first_processed_segment",
  "stream_stopped",
  "stream_orchestrator_token_refresh",
  "stream_heartbeat",
  "pipeline_load_start",
  "pipeline_loaded",
  "session_created",
  "stream_started",
  "playback_ready",
  "session_closed",
  "pipeline_unloaded",
  "websocket_connected",
  "websocket_disconnected",
  "error",
];

function info(type: string, effect: TraceSessionEffect): TraceTypeInfo {
  return {
    type,
    category: traceCategory(type),
    effect,
    swapEvidence: type === TRACE_ORCHESTRATOR_SWAP,
    terminal: type === TRACE_STREAM_CLOSED,
  };
}

/** The trace taxonomy of sessions.md §5.1 as data, keyed by exact trace type. */
export const TRACE_TYPES: ReadonlyMap<string, TraceTypeInfo> = new Map([
  ...EFFECTS.map(([t, e]) => [t, info(t, e)] as const),
  ...LISTED_WITHOUT_EFFECT.map((t) => [t, info(t, "none")] as const),
]);

const DEFAULTS: ReadonlyMap<TraceCategory, TraceTypeInfo> = new Map(
  (["gateway", "orchestrator", "runner", "app", "other"] as const).map((c) => [
    c,
    { type: "", category: c, effect: "none", swapEvidence: false, terminal: false } as const,
  ]),
);

/**
 * Taxonomy entry of a trace type: the §5.1 row when listed, else a no-effect entry whose category
 * comes from the prefix rule (`app_*` and unknown types included). Never allocates.
 * @example traceTypeInfo("orchestrator_swap").swapEvidence === true
 */
export function traceTypeInfo(type: string): TraceTypeInfo {
  const listed = TRACE_TYPES.get(type);
  if (listed !== undefined) return listed;
  return DEFAULTS.get(traceCategory(type)) as TraceTypeInfo;
}
