import type { SessionOutcome } from "./session-outcome.js";

/**
 * Ground truth of one simulated session: the values the spec's derivation (sessions.md §9) must
 * produce for `fact_workflow_sessions`, whatever the delivery order, duplicates or lateness.
 *
 * Flags are 0/1. `orchestrator_address` is the final canonical wallet, lowercased (`""` when the
 * session never had an orchestrator); `gpu_id` the GPU the selector pins (null without
 * orchestrator); `model_id` the model label (null when no signal names it and no orchestrator
 * was attributed); `event_count` the number of distinct lifecycle events (status, trace, AI
 * events — not ingest metrics, payments or discovery results).
 */
export interface SessionTruth {
  readonly workflow_session_id: string;
  readonly stream_id: string;
  readonly request_id: string;
  readonly gateway: string;
  readonly outcome: SessionOutcome;
  readonly known_stream: 0 | 1;
  readonly startup_success: 0 | 1;
  readonly startup_excused: 0 | 1;
  readonly startup_unexcused: 0 | 1;
  readonly loading_only_session: 0 | 1;
  readonly zero_output_fps_session: 0 | 1;
  readonly confirmed_swap_count: number;
  readonly inferred_orchestrator_change_count: number;
  readonly orchestrator_address: string;
  readonly gpu_id: string | null;
  readonly model_id: string | null;
  readonly event_count: number;
}

/** Per-session counters accumulated while events are emitted (the inputs of §9 / §9.1). */
export interface SessionTally {
  hasStreamRequest: boolean;
  hasFewProcessed: boolean;
  hasNoOrchestratorTrace: boolean;
  errorCount: number;
  excusableErrorCount: number;
  statusCount: number;
  loadingCount: number;
  positiveFpsCount: number;
  swapTraceCount: number;
  /** Canonical wallets (lowercase) attributed, in order. */
  canonicals: string[];
  gpuId: string | null;
  modelHint: string | null;
  lifecycleEventCount: number;
}

/** A fresh, all-zero {@link SessionTally}. */
export function emptyTally(): SessionTally {
  return {
    hasStreamRequest: false,
    hasFewProcessed: false,
    hasNoOrchestratorTrace: false,
    errorCount: 0,
    excusableErrorCount: 0,
    statusCount: 0,
    loadingCount: 0,
    positiveFpsCount: 0,
    swapTraceCount: 0,
    canonicals: [],
    gpuId: null,
    modelHint: null,
    lifecycleEventCount: 0,
  };
}

const bit = (b: boolean): 0 | 1 => (b ? 1 : 0);

/**
 * Applies the session rules of sessions.md §9 and §9.1 to a tally.
 *
 * excused = known ∧ ¬success ∧ (no-orchestrator trace ∨ (errors > 0 ∧ errors = excusable));
 * unexcused = known ∧ ¬success ∧ ¬excused; loading-only = status > 0 ∧ all loading;
 * zero-output = status > 0 ∧ none with fps > 0; inferred = max(0, distinct canonicals − 1).
 */
export function truthFromTally(
  ids: Pick<
    SessionTruth,
    "workflow_session_id" | "stream_id" | "request_id" | "gateway" | "outcome"
  >,
  t: SessionTally,
): SessionTruth {
  const known = t.hasStreamRequest;
  const success = t.hasFewProcessed;
  const excused =
    known &&
    !success &&
    (t.hasNoOrchestratorTrace || (t.errorCount > 0 && t.errorCount === t.excusableErrorCount));
  const distinct = new Set(t.canonicals).size;
  const orchestrator = t.canonicals[t.canonicals.length - 1] ?? "";
  return {
    ...ids,
    known_stream: bit(known),
    startup_success: bit(success),
    startup_excused: bit(excused),
    startup_unexcused: bit(known && !success && !excused),
    loading_only_session: bit(t.statusCount > 0 && t.loadingCount === t.statusCount),
    zero_output_fps_session: bit(t.statusCount > 0 && t.positiveFpsCount === 0),
    confirmed_swap_count: t.swapTraceCount,
    inferred_orchestrator_change_count: Math.max(0, distinct - 1),
    orchestrator_address: orchestrator,
    gpu_id: orchestrator === "" ? null : t.gpuId,
    model_id: t.modelHint,
    event_count: t.lifecycleEventCount,
  };
}
