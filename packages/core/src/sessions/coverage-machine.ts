import { SEMANTICS_VERSION } from "../version.js";
import type { FactLifecycleEdgeCoverageRow, UnmatchedReason } from "./fact-rows.js";
import type { LifecycleSignal } from "./lifecycle-signal.js";
import { transition } from "./session-accumulator-state.js";
import type { SessionState } from "./session-accumulator-state.js";

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
 * One step of the coverage machine (§12): the plain §8.3 transition on the raw signal (no
 * selection, no resolver), then the row of the state after it. `orchestrator_address` is always `""`.
 */
export function coverageStep(
  acc: SessionState,
  signal: LifecycleSignal,
  workflowSessionId: string,
  version: bigint,
): FactLifecycleEdgeCoverageRow {
  transition(acc, signal, signal.pipeline);
  const known = acc.knownStream;
  const processed = acc.firstProcessedTs !== null;
  const playable = acc.firstPlayableTs !== null;
  const terminal = signal.trace?.terminal === true;
  return {
    signal_ts: signal.ts,
    workflow_session_id: workflowSessionId,
    stream_id: acc.streamId,
    request_id: acc.requestId,
    pipeline: acc.pipeline,
    model_id: acc.modelId,
    gateway: acc.gateway,
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
