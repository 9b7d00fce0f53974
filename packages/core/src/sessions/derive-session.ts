import { DEFAULT_TTL_MS } from "../attribution/attribution-decision.js";
import {
  derivationVersion,
  relevantSnapshotCount as countRelevant,
} from "../attribution/relevant-snapshots.js";
import type { SnapshotIndex } from "../attribution/snapshot-index.js";
import { derivationContext } from "./derivation-context.js";
import type { DeriveOptions } from "./derivation-context.js";
import type { SessionFacts } from "./fact-rows.js";
import { compareSignals, toSignal } from "./lifecycle-signal.js";
import type { LifecycleEvent, LifecycleSignal } from "./lifecycle-signal.js";
import { advanceRun, replayCoverage, runFacts, startRun } from "./session-run.js";
import type { SessionRun } from "./session-run.js";

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
  return deriveInto(startRun(), workflowSessionId, signals, snapshots, options, relevantCount);
}

/**
 * {@link deriveSortedSignals} continuing `run`, a run over a prefix of `signals` derived against
 * the same snapshot set (or one differing only outside `R`, sessions.md §4.4): steps only the
 * signals after the prefix, rebuilds the prefix's coverage rows without attribution, re-stamps
 * rows with the new version. Equal to deriving all of `signals` from scratch; leaves `run` at
 * the end of `signals`. Precondition: `extendsRun(run, signals)`.
 */
export function deriveInto(
  run: SessionRun,
  workflowSessionId: string,
  signals: ReadonlyArray<LifecycleSignal>,
  snapshots: SnapshotIndex,
  options?: DeriveOptions,
  relevantCount?: number,
): SessionFacts {
  const ctx = derivationContext(snapshots, options);
  const rCount = relevantCount ?? relevantSnapshotCount(signals, snapshots, ctx.ttlMs);
  const version = derivationVersion(signals.length, rCount);
  const coverage = replayCoverage(signals, run.consumed, workflowSessionId, version);
  advanceRun(ctx, run, signals, workflowSessionId, version, coverage);
  return runFacts(run, signals, workflowSessionId, version, coverage);
}
