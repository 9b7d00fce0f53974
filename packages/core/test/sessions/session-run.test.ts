// Incremental finish (sessions.md §4.3 streaming): resuming the machines of the last call equals
// deriving from scratch, for any split into batches, arrival order, duplicates and index growth.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { SnapshotIndex } from "../../src/attribution/snapshot-index.js";
import type { RawNetworkCapabilitiesRow } from "../../src/events/raw-rows.js";
import { deriveSession, deriveInto } from "../../src/sessions/derive-session.js";
import type { LifecycleEvent } from "../../src/sessions/lifecycle-signal.js";
import { addEvent, emptySession, finishSession } from "../../src/sessions/session-accumulator.js";
import { extendsRun, startRun } from "../../src/sessions/session-run.js";
import { sortedUniqueSignals } from "../../src/sessions/derive-session.js";
import { eventsArb, OPTS, snapsArb } from "./arbitraries.js";

/** One batch: events to add (duplicates allowed) and snapshot rows to index first. */
interface Batch {
  readonly events: LifecycleEvent[];
  readonly snaps: RawNetworkCapabilitiesRow[];
}

/**
 * Events in the given order, cut into batches after each event whose `cuts` flag is set, those
 * with a `dups` flag added twice; snapshot row i joins batch `places[i] % batches`.
 */
function batches(
  events: readonly LifecycleEvent[],
  snaps: readonly RawNetworkCapabilitiesRow[],
  cuts: readonly boolean[],
  dups: readonly boolean[],
  places: readonly number[],
): Batch[] {
  const out: Batch[] = [{ events: [], snaps: [] }];
  events.forEach((e, i) => {
    const b = out[out.length - 1]!;
    b.events.push(e);
    if (dups[i]) b.events.push(e);
    if (cuts[i] && i < events.length - 1) out.push({ events: [], snaps: [] });
  });
  snaps.forEach((r, i) => out[(places[i] ?? 0) % out.length]!.snaps.push(r));
  return out;
}

function checkBatches(list: readonly Batch[]): number {
  const index = new SnapshotIndex();
  const acc = emptySession("s|r");
  const seenEvents: LifecycleEvent[] = [];
  const seenSnaps: RawNetworkCapabilitiesRow[] = [];
  let resumed = 0;
  for (const b of list) {
    for (const r of b.snaps) index.add(r);
    seenSnaps.push(...b.snaps);
    for (const e of b.events) addEvent(acc, e);
    seenEvents.push(...b.events);
    const before = acc.cache?.run;
    const got = finishSession(acc, index, OPTS);
    if (before !== undefined && acc.cache?.run === before && b.events.length > 0) resumed++;
    expect(got).toEqual(deriveSession(seenEvents, SnapshotIndex.from(seenSnaps), OPTS));
  }
  return resumed;
}

const cutsArb = fc.array(fc.boolean(), { minLength: 40, maxLength: 40 });
const placesArb = fc.array(fc.nat({ max: 40 }), { minLength: 40, maxLength: 40 });

describe("incremental finishSession = derivation from scratch", () => {
  it("time-ordered arrivals in batches (the live-session case: resumes)", () => {
    let resumedTotal = 0;
    fc.assert(
      fc.property(
        eventsArb,
        snapsArb,
        cutsArb,
        cutsArb,
        placesArb,
        (events, snaps, cuts, dups, places) => {
          const ordered = [...events].sort(
            (a, b) =>
              sortedUniqueSignals([a])[0]!.ts - sortedUniqueSignals([b])[0]!.ts ||
              (a.row.raw_event_uid < b.row.raw_event_uid ? -1 : 1),
          );
          resumedTotal += checkBatches(batches(ordered, snaps, cuts, dups, places));
        },
      ),
      { numRuns: 400 },
    );
    expect(resumedTotal).toBeGreaterThan(50); // the resume path is exercised
  });

  it("any arrival order, duplicates and index growth (resume or re-derive)", () => {
    fc.assert(
      fc.property(
        eventsArb,
        snapsArb,
        cutsArb,
        cutsArb,
        placesArb,
        (events, snaps, cuts, dups, places) => {
          checkBatches(batches(events, snaps, cuts, dups, places));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("deriveInto over any prefix run equals one derivation of all signals", () => {
    fc.assert(
      fc.property(eventsArb, snapsArb, fc.nat(), (events, snaps, cut) => {
        const index = SnapshotIndex.from(snaps);
        const signals = sortedUniqueSignals(events);
        const k = cut % (signals.length + 1);
        const run = startRun();
        deriveInto(run, "s|r", signals.slice(0, k), index, OPTS);
        expect(extendsRun(run, signals)).toBe(true);
        expect(deriveInto(run, "s|r", signals, index, OPTS)).toEqual(
          deriveSession(events, index, OPTS),
        );
        expect(run.consumed).toBe(signals.length);
      }),
      { numRuns: 300 },
    );
  });
});
