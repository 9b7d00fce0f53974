import { SEMANTICS_VERSION } from "../version.js";
import type { FactLifecycleEdgeCoverageRow, UnmatchedReason } from "./fact-rows.js";
import type { LifecycleSignal } from "./lifecycle-signal.js";
import type { SessionState } from "./session-accumulator-state.js";
import { blankToNull, fnb2 } from "../values/java-trim.js";

/**
 * `unmatched_reason` of sessions.md §12, first match: not known → `missing_stream_request_edge`;
 * terminal without processed edge → `missing_first_processed_segment_edge`; terminal without
 * playable edge → `missing_playable_edge`; no processed edge → `awaiting_first_processed_segment_edge`;
 * no playable edge → `awaiting_playable_edge`; else `""`.
 */
export function unmatchedReason(
  known: boolean,
  processed: boolean,
  playable: boolean,
  terminal: boolean,
): UnmatchedReason {
  if (!known) return "missing_stream_request_edge";
  if (terminal && !processed) return "missing_first_processed_segment_edge";
  if (terminal && !playable) return "missing_playable_edge";
  if (!processed) return "awaiting_first_processed_segment_edge";
  if (!playable) return "awaiting_playable_edge";
  return "";
}

function flag(b: boolean): 0 | 1 {
  return b ? 1 : 0;
}

/**
 * The coverage machine's own state (§12). Its §8.3 transition runs on the raw signal (no
 * selection, no resolver), so it differs from the session machine's only in `pipeline` (raw
 * label, not resolved) and `modelId` (hints only, never a snapshot's): every other field it reads
 * — ids, gateway, edges — the session accumulator computes identically, and is read from there.
 */
export interface CoverageState {
  pipeline: string;
  modelId: string | null;
}

/** Initial state of §12 (the §8.1 defaults of its two own fields). */
export function emptyCoverageState(): CoverageState {
  return { pipeline: "", modelId: null };
}

/**
 * One step of the coverage machine (§12): the plain §8.3 transition on the raw signal, then the
 * row of the state after it. `session` is the session accumulator after the same signal (its
 * ids, gateway and edges equal the plain transition's). `orchestrator_address` is always `""`.
 */
export function coverageStep(
  own: CoverageState,
  session: SessionState,
  signal: LifecycleSignal,
  workflowSessionId: string,
  version: bigint,
): FactLifecycleEdgeCoverageRow {
  own.pipeline = fnb2(own.pipeline, signal.pipeline);
  own.modelId = blankToNull(fnb2(own.modelId, signal.modelHint));
  const known = session.knownStream;
  const processed = session.firstProcessedTs !== null;
  const playable = session.firstPlayableTs !== null;
  const terminal = signal.trace?.terminal === true;
  return {
    signal_ts: signal.ts,
    workflow_session_id: workflowSessionId,
    stream_id: session.streamId,
    request_id: session.requestId,
    pipeline: own.pipeline,
    model_id: own.modelId,
    gateway: session.gateway,
    orchestrator_address: "",
    trace_type: signal.traceType,
    source_event_uid: signal.uid,
    known_stream: flag(known),
    has_first_processed_edge: flag(processed),
    has_first_playable_edge: flag(playable),
    startup_edge_matched: flag(known && processed),
    playable_edge_matched: flag(known && playable),
    is_terminal_signal: flag(terminal),
    unmatched_reason: unmatchedReason(known, processed, playable, terminal),
    version,
    semantics_version: SEMANTICS_VERSION,
  };
}
