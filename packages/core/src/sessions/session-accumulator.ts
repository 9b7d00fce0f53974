import { DEFAULT_TTL_MS } from "../attribution/attribution-decision.js";
import { parsePipelineModelMode } from "../attribution/pipeline-model-resolver.js";
import type { PipelineModelMode } from "../attribution/pipeline-model-resolver.js";
import type { SnapshotIndex } from "../attribution/snapshot-index.js";
import { deriveInto, relevantSnapshotCount } from "./derive-session.js";
import type { DeriveOptions } from "./derivation-context.js";
import type { SessionFacts } from "./fact-rows.js";
import { compareSignals, eventSessionId, eventUid, toSignal } from "./lifecycle-signal.js";
import type { LifecycleEvent, LifecycleSignal } from "./lifecycle-signal.js";
import { extendsRun, startRun } from "./session-run.js";
import type { SessionRun } from "./session-run.js";

interface FinishCache {
  readonly index: SnapshotIndex;
  indexSize: number;
  readonly signalCount: number;
  readonly mode: PipelineModelMode;
  readonly ttlMs: number;
  readonly relevantCount: number;
  readonly facts: SessionFacts;
  /** The machine states after the signals `facts` were derived from (resumed by later calls). */
  readonly run: SessionRun;
}

/**
 * Mergeable fold state of one session for streaming consumers (style.md "Folds are reducers"):
 * the set `Ev(X)` as signals kept in §4.2 order, one per uid, plus a cache of the last result.
 * Treat it as opaque; build it with {@link emptySession}.
 */
export interface SessionAccumulator {
  readonly workflowSessionId: string;
  /** @internal signals in §4.2 order, distinct uids. */
  readonly signals: LifecycleSignal[];
  /** @internal uids of {@link signals}. */
  readonly uids: Set<string>;
  /** @internal last {@link finishSession} result and the inputs it was derived from. */
  cache: FinishCache | null;
}

/** The empty accumulator of session `workflowSessionId` (the fold's identity element). */
export function emptySession(workflowSessionId: string): SessionAccumulator {
  return { workflowSessionId, signals: [], uids: new Set(), cache: null };
}

/** Number of distinct events in the accumulator (`|Ev(X)|`). */
export function sessionEventCount(acc: SessionAccumulator): number {
  return acc.signals.length;
}

/**
 * Adds one event with set semantics keyed by `raw_event_uid`: a uid already present is a no-op,
 * and so is an event of another session. **Mutates** `acc` (cheap incremental use: a binary
 * insertion keeps §4.2 order) and returns it.
 */
export function addEvent(acc: SessionAccumulator, event: LifecycleEvent): SessionAccumulator {
  const uid = eventUid(event);
  if (acc.uids.has(uid) || eventSessionId(event) !== acc.workflowSessionId) return acc;
  const signal = toSignal(event);
  const list = acc.signals;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareSignals(list[mid] as LifecycleSignal, signal) < 0) lo = mid + 1;
    else hi = mid;
  }
  if (lo === list.length) list.push(signal);
  else list.splice(lo, 0, signal);
  acc.uids.add(uid);
  return acc;
}

/**
 * Union of two accumulators of the same session (a new accumulator; inputs are not modified).
 * Associative, commutative, with {@link emptySession} as identity; `combineSessions(a, b)`
 * finishes like the fold of all events of both.
 */
export function combineSessions(a: SessionAccumulator, b: SessionAccumulator): SessionAccumulator {
  const out = emptySession(a.workflowSessionId);
  const x = a.signals;
  const y = b.signals;
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    const s = x[i];
    const t = y[j];
    let next: LifecycleSignal;
    if (t === undefined || (s !== undefined && compareSignals(s, t) <= 0)) {
      next = s as LifecycleSignal;
      i++;
    } else {
      next = t;
      j++;
    }
    if (out.uids.has(next.uid)) continue;
    out.uids.add(next.uid);
    out.signals.push(next);
  }
  return out;
}

/**
 * The facts of the accumulated set: `deriveSession` of its events against `snapshots`.
 * Cached: when neither the event set, the options nor `R(X)` changed since the last call with
 * the same index, the previous result is returned without re-deriving. Incremental: when the
 * only new events sort after every event of the last call (a live session receiving its next
 * events) and the snapshots did not change within `R(X)`, the machines resume from where that
 * call left them, so only the new events are attributed; the result is the same.
 */
export function finishSession(
  acc: SessionAccumulator,
  snapshots: SnapshotIndex,
  options?: DeriveOptions,
): SessionFacts {
  const mode = parsePipelineModelMode(options?.pipelineModelMode);
  const ttlMs = options?.ttlMs ?? DEFAULT_TTL_MS;
  const c = acc.cache;
  const sameIndex = c !== null && c.index === snapshots && c.mode === mode && c.ttlMs === ttlMs;
  const sameInputs = sameIndex && c.signalCount === acc.signals.length;
  if (sameInputs && c.indexSize === snapshots.size) return c.facts;
  const relevantCount = relevantSnapshotCount(acc.signals, snapshots, ttlMs);
  if (sameInputs && c.relevantCount === relevantCount) {
    c.indexSize = snapshots.size;
    return c.facts;
  }
  // Resumable when the index is the one the run's selections saw (a size change that left R
  // unchanged was recorded above) and nothing was inserted before the run's last signal.
  const resumable = sameIndex && c.indexSize === snapshots.size && extendsRun(c.run, acc.signals);
  const run = resumable ? c.run : startRun();
  const facts = deriveInto(
    run,
    acc.workflowSessionId,
    acc.signals,
    snapshots,
    { pipelineModelMode: mode, ttlMs },
    relevantCount,
  );
  acc.cache = {
    index: snapshots,
    indexSize: snapshots.size,
    signalCount: acc.signals.length,
    mode,
    ttlMs,
    relevantCount,
    facts,
    run,
  };
  return facts;
}
