// The coverage machine reads ids, gateway and edges from the session accumulator: the same rows
// as its literal §12 definition (its own accumulator, plain §8.3 transition on raw signals).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { SnapshotIndex } from "../../src/attribution/snapshot-index.js";
import { unmatchedReason } from "../../src/sessions/coverage-machine.js";
import { deriveSession, sortedUniqueSignals } from "../../src/sessions/derive-session.js";
import type { LifecycleEvent } from "../../src/sessions/lifecycle-signal.js";
import { emptySessionState, transition } from "../../src/sessions/session-accumulator-state.js";
import { eventsArb, OPTS, snapsArb } from "./arbitraries.js";

/** §12 as written: a separate accumulator stepped by the plain transition. */
function literalCoverage(events: readonly LifecycleEvent[]) {
  const acc = emptySessionState();
  return sortedUniqueSignals(events).map((s) => {
    transition(acc, s, s.pipeline);
    const processed = acc.firstProcessedTs !== null;
    const playable = acc.firstPlayableTs !== null;
    const terminal = s.trace?.terminal === true;
    return {
      signal_ts: s.ts,
      stream_id: acc.streamId,
      request_id: acc.requestId,
      pipeline: acc.pipeline,
      model_id: acc.modelId,
      gateway: acc.gateway,
      trace_type: s.traceType,
      source_event_uid: s.uid,
      known_stream: acc.knownStream ? 1 : 0,
      has_first_processed_edge: processed ? 1 : 0,
      has_first_playable_edge: playable ? 1 : 0,
      is_terminal_signal: terminal ? 1 : 0,
      unmatched_reason: unmatchedReason(acc.knownStream, processed, playable, terminal),
    };
  });
}

describe("coverage machine (sessions.md §12)", () => {
  it("equals the literal definition for any events and snapshots", () => {
    fc.assert(
      fc.property(eventsArb, snapsArb, (events, snaps) => {
        const facts = deriveSession(events, SnapshotIndex.from(snaps), OPTS);
        const literal = literalCoverage(events);
        expect(facts.coverage).toHaveLength(literal.length);
        facts.coverage.forEach((row, i) => expect(row).toMatchObject(literal[i]!));
      }),
      { numRuns: 300 },
    );
  });
});
