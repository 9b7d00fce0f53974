import { DEFAULT_TTL_MS } from "../attribution/attribution-decision.js";
import {
  derivationVersion,
  relevantSnapshotCount as countRelevant,
} from "../attribution/relevant-snapshots.js";
import type { SnapshotIndex } from "../attribution/snapshot-index.js";
import { coverageStep, emptyCoverageState } from "./coverage-machine.js";
import { derivationContext } from "./derivation-context.js";
import type { DeriveOptions } from "./derivation-context.js";
import type {
  FactLifecycleEdgeCoverageRow,
  FactStreamStatusSampleRow,
  FactStreamTraceEdgeRow,
  FactWorkflowParamUpdateRow,
  SessionFacts,
} from "./fact-rows.js";
import { latencySampleRow } from "./latency-sample.js";
import { compareSignals, toSignal } from "./lifecycle-signal.js";
import type { LifecycleEvent, LifecycleSignal } from "./lifecycle-signal.js";
import { emptyParamUpdateState, paramUpdateStep } from "./param-update-machine.js";
import { emptySessionState } from "./session-accumulator-state.js";
import { sessionRow, sessionStep } from "./session-machine.js";
import { emptySegmentState, finalSegments, segmentRow, segmentStep } from "./segment-machine.js";
import { statusSampleRow, traceEdgeRow } from "./segment-window-join.js";

/**
 * The signals of an event set in §4.2 order (ts, then uid), one per uid. Events sharing a uid
 * are duplicates of one accepted event (the uid is the dedup key); the first in order is kept.
 */
export function sortedUniqueSignals(events: Iterable<LifecycleEvent>): LifecycleSignal[] {
  const all: LifecycleSignal[] = [];
  for (const e of events) all.push(toSignal(e));
  all.sort(compareSignals);
  const out: LifecycleSignal[] = [];
  const seen = new Set<string>();
  for (const s of all) {
    if (seen.has(s.uid)) continue;
    seen.add(s.uid);
    out.push(s);
  }
  return out;
}

/** `|R(X)|` (sessions.md §4.4) for signals sorted in §4.2 order. */
export function relevantSnapshotCount(
  signals: ReadonlyArray<LifecycleSignal>,
  snapshots: SnapshotIndex,
  ttlMs: number = DEFAULT_TTL_MS,
): number {
  const first = signals[0];
  const last = signals[signals.length - 1];
  if (first === undefined || last === undefined || snapshots.size === 0) return 0;
  const addresses = new Set<string>();
  let previous = "";
  for (const s of signals) {
    // Consecutive signals mostly repeat the address (often the same string): skip re-adding it.
    if (s.orchAddr !== "" && s.orchAddr !== previous) addresses.add(s.orchAddr);
    previous = s.orchAddr;
  }
  if (addresses.size === 0) return 0;
  return countRelevant(snapshots, addresses, first.ts, last.ts, ttlMs);
}

/**
 * Derives every fact of one session (sessions.md §4–§14) from its lifecycle events and the
 * snapshot set: sorts and dedups the events, runs the session, segment, param-update and coverage
 * machines in §4.2 order, then joins status samples and trace edges to the final segments and
 * projects latency. All rows share `version = |Ev| × 2^32 + min(|R|, 2^32 − 1)`.
 * The session id is the first event's `workflow_session_id` (callers group by it, see `deriveAll`).
 * An empty event set yields version 0 and a session row with start 0 and end null.
 */
export function deriveSession(
  events: Iterable<LifecycleEvent>,
  snapshots: SnapshotIndex,
  options?: DeriveOptions,
): SessionFacts {
  const signals = sortedUniqueSignals(events);
  const id = signals[0]?.workflowSessionId ?? "";
  return deriveSortedSignals(id, signals, snapshots, options);
}

/**
 * {@link deriveSession} over signals already in §4.2 order with distinct uids, for callers that
 * keep them sorted (the session accumulator). `relevantCount` may be passed when already known.
 */
export function deriveSortedSignals(
  workflowSessionId: string,
  signals: ReadonlyArray<LifecycleSignal>,
  snapshots: SnapshotIndex,
  options?: DeriveOptions,
  relevantCount?: number,
): SessionFacts {
  const ctx = derivationContext(snapshots, options);
  const rCount = relevantCount ?? relevantSnapshotCount(signals, snapshots, ctx.ttlMs);
  const version = derivationVersion(signals.length, rCount);
  const session = emptySessionState();
  const segments = emptySegmentState();
  const params = emptyParamUpdateState();
  const coverageAcc = emptyCoverageState();
  const paramUpdates: FactWorkflowParamUpdateRow[] = [];
  const coverage: FactLifecycleEdgeCoverageRow[] = [];
  for (const signal of signals) {
    sessionStep(ctx, session, signal);
    segmentStep(ctx, segments, signal);
    const update = paramUpdateStep(ctx, params, signal, workflowSessionId, version);
    if (update !== null) paramUpdates.push(update);
    coverage.push(coverageStep(coverageAcc, session, signal, workflowSessionId, version));
  }
  const windows = finalSegments(segments);
  const statusSamples: FactStreamStatusSampleRow[] = [];
  const traceEdges: FactStreamTraceEdgeRow[] = [];
  for (const signal of signals) {
    if (signal.family === "ai_stream_status")
      statusSamples.push(statusSampleRow(signal, windows, workflowSessionId, version));
    else if (signal.family === "stream_trace")
      traceEdges.push(traceEdgeRow(signal, windows, workflowSessionId, version));
  }
  const sessionFact = sessionRow(session, {
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
    paramUpdates,
    coverage,
    statusSamples,
    traceEdges,
    latency: latencySampleRow(sessionFact),
  };
}
