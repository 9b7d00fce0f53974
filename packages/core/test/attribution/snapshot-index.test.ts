import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { SnapshotIndex } from "../../src/attribution/snapshot-index.js";
import { snapRow } from "../sessions/builders.js";

describe("SnapshotIndex (sessions.md §6.2, §7.2)", () => {
  it("buckets by hot and canonical address, normalized", () => {
    const idx = SnapshotIndex.from([
      snapRow({ ts: 1, canonical: " 0xCANON ", hot: "0xHot", uid: "a" }),
    ]);
    expect(idx.bucket("0xcanon").map((c) => c.uid)).toEqual(["a"]);
    expect(idx.bucket("0xhot").map((c) => c.uid)).toEqual(["a"]);
    expect(idx.bucket("0xCANON")).toEqual([]);
  });

  it("ignores rows without addresses and duplicates by (uid, ordinal)", () => {
    const idx = new SnapshotIndex();
    expect(idx.add(snapRow({ ts: 1, uid: "x" }))).toBe(false);
    expect(idx.add(snapRow({ ts: 1, uid: "a", canonical: "0xa" }))).toBe(true);
    expect(idx.add(snapRow({ ts: 1, uid: "a", canonical: "0xa" }))).toBe(false);
    expect(idx.add(snapRow({ ts: 1, uid: "a", ordinal: 1, canonical: "0xa" }))).toBe(true);
    expect(idx.size).toBe(2);
  });

  it("a row whose hot equals its canonical is filed once", () => {
    const idx = SnapshotIndex.from([snapRow({ ts: 1, canonical: "0xa", hot: "0xA", uid: "a" })]);
    expect(idx.bucket("0xa")).toHaveLength(1);
  });

  it("candidates(key, t) = rows within ±2·TTL, whatever the insertion order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 40 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 300 }),
        (times, t, ttl) => {
          const rows = times.map((ts, i) => snapRow({ ts, uid: `u${i}`, canonical: "0xk" }));
          const idx = SnapshotIndex.from(rows);
          const got = idx
            .candidates("0xk", t, ttl)
            .map((c) => c.uid)
            .sort();
          const want = rows
            .filter((r) => Math.abs(t - r.event_timestamp) <= 2 * ttl)
            .map((r) => r.raw_event_uid)
            .sort();
          expect(got).toEqual(want);
          const b = idx.bucket("0xk");
          for (let i = 1; i < b.length; i++) expect(b[i - 1]!.s).toBeLessThanOrEqual(b[i]!.s);
        },
      ),
      { numRuns: 300 },
    );
  });
});
