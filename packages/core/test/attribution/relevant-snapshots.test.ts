import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  derivationVersion,
  relevantSnapshotCount,
  relevantSnapshots,
} from "../../src/attribution/relevant-snapshots.js";
import { SnapshotIndex } from "../../src/attribution/snapshot-index.js";
import { snapRow } from "../sessions/builders.js";

const TTL = 1000;

describe("relevant snapshot rows R(X) and version (sessions.md §4.4)", () => {
  it("version examples", () => {
    expect(derivationVersion(5, 0)).toBe(21474836480n);
    expect(derivationVersion(7, 1)).toBe(30064771073n);
    expect(derivationVersion(7, 0)).toBe(30064771072n);
    expect(derivationVersion(1, 2 ** 40)).toBe(2n ** 32n + 2n ** 32n - 1n);
    expect(derivationVersion(2 ** 22, 0)).toBe(2n ** 54n);
  });

  it("follows addresses transitively inside W and stops at W", () => {
    const idx = SnapshotIndex.from([
      snapRow({ ts: 100, uid: "a", hot: "0xh1", canonical: "0xc1" }),
      snapRow({ ts: 200, uid: "b", hot: "0xh2", canonical: "0xc1" }), // via 0xc1
      snapRow({ ts: 300, uid: "c", hot: "0xh2", canonical: "0xc2" }), // via 0xh2
      snapRow({ ts: 100 + 2 * TTL + 1, uid: "d", hot: "0xh1", canonical: "0xc1" }), // outside W
      snapRow({ ts: 100, uid: "e", hot: "0xother", canonical: "0xc3" }), // unrelated
    ]);
    const r = relevantSnapshots(idx, ["0xh1"], 100, 100, TTL);
    expect([...r].map((c) => c.uid).sort()).toEqual(["a", "b", "c"]);
    expect(relevantSnapshots(idx, [], 100, 100, TTL).size).toBe(0);
  });

  it("the counting walk equals the size of the set", () => {
    const addr = fc.constantFrom("0xa", "0xb", "0xc", "0xd", "");
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            ts: fc.integer({ min: 0, max: 6000 }),
            hot: addr,
            canonical: addr,
            ordinal: fc.integer({ min: 0, max: 2 }),
          }),
          { maxLength: 30 },
        ),
        fc.array(addr, { maxLength: 3 }),
        fc.integer({ min: 0, max: 6000 }),
        fc.integer({ min: 0, max: 2000 }),
        (rows, start, minTs, span) => {
          const idx = SnapshotIndex.from(rows.map((r, i) => snapRow({ ...r, uid: `u${i % 7}` })));
          const set = relevantSnapshots(idx, start, minTs, minTs + span, TTL);
          expect(relevantSnapshotCount(idx, start, minTs, minTs + span, TTL)).toBe(set.size);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("counts stay equal to the set size across calls and a growing index (whole-index memo)", () => {
    const addr = fc.constantFrom("0xa", "0xb", "0xc", "");
    const row = fc.record({
      ts: fc.integer({ min: 0, max: 3000 }),
      hot: addr,
      canonical: addr,
      ordinal: fc.integer({ min: 0, max: 2 }),
    });
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(row, fc.array(addr, { maxLength: 3 }), fc.integer({ min: 0, max: 3000 })),
        ),
        fc.integer({ min: 0, max: 1500 }),
        (steps, span) => {
          const idx = new SnapshotIndex();
          steps.forEach(([r, start, minTs], i) => {
            idx.add(snapRow({ ...r, uid: `u${i}` }));
            // Asked twice and in another address order: the memo must answer like the walk.
            for (const addrs of [start, [...start].reverse()]) {
              const set = relevantSnapshots(idx, addrs, minTs, minTs + span, TTL);
              expect(relevantSnapshotCount(idx, addrs, minTs, minTs + span, TTL)).toBe(set.size);
            }
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
