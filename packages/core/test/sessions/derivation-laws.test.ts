// Laws of sessions.md §4 (D1) as properties: order independence, duplicate idempotence,
// combine = fold of the union, irrelevant snapshots change nothing, version grows with inputs.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { relevantSnapshots } from "../../src/attribution/relevant-snapshots.js";
import { SnapshotIndex } from "../../src/attribution/snapshot-index.js";
import { deriveAll } from "../../src/sessions/derive-all.js";
import { deriveSession, sortedUniqueSignals } from "../../src/sessions/derive-session.js";
import type { LifecycleEvent } from "../../src/sessions/lifecycle-signal.js";
import {
  addEvent,
  combineSessions,
  emptySession,
  finishSession,
} from "../../src/sessions/session-accumulator.js";
import { eventArb, eventsArb, OPTS, snapArb, snapsArb, TTL } from "./arbitraries.js";

function permute<T>(xs: readonly T[], keys: readonly number[]): T[] {
  return xs
    .map((x, i) => [x, keys[i] ?? 0, i] as const)
    .sort((a, b) => a[1] - b[1] || a[2] - b[2])
    .map(([x]) => x);
}

const RUNS = { numRuns: 300 };

describe("derivation laws (D1)", () => {
  it("any permutation of events and snapshot rows gives identical facts", () => {
    fc.assert(
      fc.property(
        eventsArb,
        snapsArb,
        fc.array(fc.integer(), { minLength: 30, maxLength: 30 }),
        (events, snaps, keys) => {
          const a = deriveSession(events, SnapshotIndex.from(snaps), OPTS);
          const b = deriveSession(
            permute(events, keys),
            SnapshotIndex.from(permute(snaps, [...keys].reverse())),
            OPTS,
          );
          expect(b).toEqual(a);
        },
      ),
      RUNS,
    );
  });

  it("duplicating any subset of events or snapshot rows changes nothing", () => {
    fc.assert(
      fc.property(
        eventsArb,
        snapsArb,
        fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
        (events, snaps, dup) => {
          const a = deriveSession(events, SnapshotIndex.from(snaps), OPTS);
          const moreEvents = [...events, ...events.filter((_, i) => dup[i])];
          const moreSnaps = [...snaps, ...snaps.filter((_, i) => dup[i])];
          expect(deriveSession(moreEvents, SnapshotIndex.from(moreSnaps), OPTS)).toEqual(a);
        },
      ),
      RUNS,
    );
  });

  it("addEvent on two halves then combine = derivation of all", () => {
    fc.assert(
      fc.property(
        eventsArb,
        snapsArb,
        fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
        (events, snaps, side) => {
          const index = SnapshotIndex.from(snaps);
          const left = emptySession("s|r");
          const right = emptySession("s|r");
          events.forEach((e, i) => addEvent(side[i] ? left : right, e));
          if (side[0]) addEvent(right, events[0]!); // overlap: union semantics
          const all = deriveSession(events, index, OPTS);
          expect(finishSession(combineSessions(left, right), index, OPTS)).toEqual(all);
          expect(finishSession(combineSessions(right, left), index, OPTS)).toEqual(all);
          expect(
            finishSession(
              combineSessions(emptySession("s|r"), combineSessions(left, right)),
              index,
              OPTS,
            ),
          ).toEqual(all);
        },
      ),
      RUNS,
    );
  });

  it("a snapshot row outside R(X) changes nothing", () => {
    fc.assert(
      fc.property(eventsArb, snapsArb, snapArb("extra"), (events, snaps, extra) => {
        const before = deriveSession(events, SnapshotIndex.from(snaps), OPTS);
        const withExtra = SnapshotIndex.from([...snaps, extra]);
        const signals = sortedUniqueSignals(events);
        const addrs = signals.map((s) => s.orchAddr).filter((a) => a !== "");
        const r = relevantSnapshots(
          withExtra,
          addrs,
          signals[0]!.ts,
          signals[signals.length - 1]!.ts,
          TTL,
        );
        if ([...r].some((c) => c.uid === "extra")) return; // relevant: may change X
        expect(deriveSession(events, withExtra, OPTS)).toEqual(before);
      }),
      RUNS,
    );
  });

  it("rows far in time or on foreign addresses change nothing", () => {
    fc.assert(
      fc.property(
        eventsArb,
        snapsArb,
        snapArb("far"),
        fc.boolean(),
        (events, snaps, extra, foreign) => {
          const before = deriveSession(events, SnapshotIndex.from(snaps), OPTS);
          const row = foreign
            ? { ...extra, local_address: "0xforeign", orchestrator_address: "0xforeign-c" }
            : { ...extra, event_timestamp: 6000 + 2 * TTL + 1 + extra.event_timestamp };
          expect(deriveSession(events, SnapshotIndex.from([...snaps, row]), OPTS)).toEqual(before);
        },
      ),
      RUNS,
    );
  });

  it("version strictly grows when an event is added, and every row carries it", () => {
    fc.assert(
      fc.property(eventsArb, snapsArb, eventArb("new-uid"), (events, snaps, extra) => {
        const index = SnapshotIndex.from(snaps);
        const a = deriveSession(events, index, OPTS);
        const b = deriveSession([...events, extra], index, OPTS);
        expect(b.version > a.version).toBe(true);
        const rows = [
          b.session,
          b.latency,
          ...b.segments,
          ...b.coverage,
          ...b.paramUpdates,
          ...b.statusSamples,
          ...b.traceEdges,
        ];
        for (const r of rows) expect(r.version).toBe(b.version);
        expect(b.coverage).toHaveLength(events.length + 1);
      }),
      RUNS,
    );
  });

  it("version grows when a relevant snapshot row is added", () => {
    fc.assert(
      fc.property(eventsArb, snapsArb, snapArb("extra"), (events, snaps, extra) => {
        const a = deriveSession(events, SnapshotIndex.from(snaps), OPTS);
        const b = deriveSession(events, SnapshotIndex.from([...snaps, extra]), OPTS);
        expect(b.version >= a.version).toBe(true);
      }),
      RUNS,
    );
  });

  it("incremental accumulation with a growing index equals batch derivation", () => {
    fc.assert(
      fc.property(eventsArb, snapsArb, (events, snaps) => {
        const index = new SnapshotIndex();
        const acc = emptySession("s|r");
        const n = Math.max(events.length, snaps.length);
        for (let i = 0; i < n; i++) {
          if (events[i]) addEvent(acc, events[i]!);
          if (snaps[i]) index.add(snaps[i]!);
          finishSession(acc, index, OPTS);
        }
        expect(finishSession(acc, index, OPTS)).toEqual(
          deriveSession(events, SnapshotIndex.from(snaps), OPTS),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("deriveAll groups by session", () => {
    fc.assert(
      fc.property(eventsArb, snapsArb, (events, snaps) => {
        const other = events.map(
          (e) =>
            ({
              ...e,
              row: {
                ...e.row,
                raw_event_uid: `o-${e.row.raw_event_uid}`,
                workflow_session_id: "x|y",
              },
            }) as LifecycleEvent,
        );
        const all = deriveAll([...events, ...other], snaps, OPTS);
        expect([...all.keys()].sort()).toEqual(["s|r", "x|y"]);
        expect(all.get("s|r")).toEqual(deriveSession(events, SnapshotIndex.from(snaps), OPTS));
      }),
      { numRuns: 100 },
    );
  });
});
