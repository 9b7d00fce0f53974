import { coverageStep, emptyCoverageState } from "./coverage-machine.js";
import type { CoverageState } from "./coverage-machine.js";
import type { DerivationContext } from "./derivation-context.js";
import type {
  FactLifecycleEdgeCoverageRow,
  FactStreamStatusSampleRow,
  FactStreamTraceEdgeRow,
  FactWorkflowParamUpdateRow,
  SessionFacts,
} from "./fact-rows.js";
import { latencySampleRow } from "./latency-sample.js";
import type { LifecycleSignal } from "./lifecycle-signal.js";
import { emptyParamUpdateState, paramUpdateStep } from "./param-update-machine.js";
import type { ParamUpdateState } from "./param-update-machine.js";
import { emptySessionState, transition } from "./session-accumulator-state.js";
import type { SessionState } from "./session-accumulator-state.js";
import { sessionRow, sessionStep } from "./session-machine.js";
import { emptySegmentState, finalSegments, segmentRow, segmentStep } from "./segment-machine.js";
import type { SegmentState } from "./segment-machine.js";
import { statusSampleRow, traceEdgeRow } from "./segment-window-join.js";

/**
 * The machine states of one session's derivation after a prefix of its signals in §4.2 order
 * (sessions.md §8–§12). The machines are left folds, so a run over a prefix continued with the
 * rest equals a run over all signals: a session that only got later signals resumes from here.
 * Only the version-stamped rows the machines emit on the way are kept (param updates, few);
 * coverage rows are rebuilt on resume ({@link replayCoverage}). Mutable; owned by one caller.
 */
export interface SessionRun {
  readonly session: SessionState;
  readonly segments: SegmentState;
  readonly params: ParamUpdateState;
  readonly coverage: CoverageState;
  /** Param-update rows so far, each stamped with the version of the call that emitted it. */
  readonly paramUpdates: FactWorkflowParamUpdateRow[];
  /** Number of signals consumed (the prefix length). */
  consumed: number;
  /** The last signal consumed (null before any): the prefix is intact while it stays in place. */
  last: LifecycleSignal | null;
}

/** A run before any signal. */
export function startRun(): SessionRun {
  return {
    session: emptySessionState(),
    segments: emptySegmentState(),
    params: emptyParamUpdateState(),
    coverage: emptyCoverageState(),
    paramUpdates: [],
    consumed: 0,
    last: null,
  };
}

/**
 * True when `signals` (§4.2 order) extends the run's prefix: its first `consumed` signals are the
 * ones consumed. Signals are only ever inserted, so the last consumed one still at its index
 * means nothing was inserted before it.
 */
export function extendsRun(run: SessionRun, signals: ReadonlyArray<LifecycleSignal>): boolean {
  if (run.consumed > signals.length) return false;
  return run.consumed === 0 || signals[run.consumed - 1] === run.last;
}

/**
 * Steps the machines over `signals[run.consumed…]`, appending one coverage row per signal to
 * `coverage` (and param-update rows to the run), all stamped with `version`.
 */
export function advanceRun(
  ctx: DerivationContext,
  run: SessionRun,
  signals: ReadonlyArray<LifecycleSignal>,
  workflowSessionId: string,
  version: bigint,
  coverage: FactLifecycleEdgeCoverageRow[],
): void {
  for (let i = run.consumed; i < signals.length; i++) {
    const signal = signals[i] as LifecycleSignal;
    sessionStep(ctx, run.session, signal);
    segmentStep(ctx, run.segments, signal);
    const update = paramUpdateStep(ctx, run.params, signal, workflowSessionId, version);
    if (update !== null) run.paramUpdates.push(update);
    coverage.push(coverageStep(run.coverage, run.session, signal, workflowSessionId, version));
    run.last = signal;
  }
  run.consumed = signals.length;
}

/**
 * The coverage rows of `signals[0…count)` (sessions.md §12 as written: its own accumulator and
 * the plain §8.3 transition, no attribution), stamped with `version` — what {@link advanceRun}
 * emitted for them, at a fraction of its cost.
 */
export function replayCoverage(
  signals: ReadonlyArray<LifecycleSignal>,
  count: number,
  workflowSessionId: string,
  version: bigint,
): FactLifecycleEdgeCoverageRow[] {
  const acc = emptySessionState();
  const own = emptyCoverageState();
  const rows: FactLifecycleEdgeCoverageRow[] = [];
  for (let i = 0; i < count; i++) {
    const signal = signals[i] as LifecycleSignal;
    transition(acc, signal, signal.pipeline);
    rows.push(coverageStep(own, acc, signal, workflowSessionId, version));
  }
  return rows;
}

/**
 * The facts of a run that consumed all of `signals`: session row, segments, param updates
 * (re-stamped with `version` where older), the given coverage rows, status samples and trace
 * edges joined to the final segments, latency. Returns new arrays (the run may continue).
 */
export function runFacts(
  run: SessionRun,
  signals: ReadonlyArray<LifecycleSignal>,
  workflowSessionId: string,
  version: bigint,
  coverage: FactLifecycleEdgeCoverageRow[],
): SessionFacts {
  const windows = finalSegments(run.segments);
  const statusSamples: FactStreamStatusSampleRow[] = [];
  const traceEdges: FactStreamTraceEdgeRow[] = [];
  for (const signal of signals) {
    if (signal.family === "ai_stream_status")
      statusSamples.push(statusSampleRow(signal, windows, workflowSessionId, version));
    else if (signal.family === "stream_trace")
      traceEdges.push(traceEdgeRow(signal, windows, workflowSessionId, version));
  }
  const sessionFact = sessionRow(run.session, {
    workflowSessionId,
    version,
    eventCount: signals.length,
    firstUid: signals[0]?.uid ?? "",
    lastUid: signals[signals.length - 1]?.uid ?? "",
  });
  const org = sessionFact.org;
  return {
    workflowSessionId,
    version,
    session: sessionFact,
    segments: windows.map((w) => segmentRow(w, org, workflowSessionId, version)),
    paramUpdates: run.paramUpdates.map((r) => (r.version === version ? r : { ...r, version })),
    coverage,
    statusSamples,
    traceEdges,
    latency: latencySampleRow(sessionFact),
  };
}
