// The selection span law (every time it covers has the same answer) and the cache built on it.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { selectSnapshot, SelectionSpan } from "../../src/attribution/select-snapshot.js";
import { SelectionCache } from "../../src/attribution/selection-cache.js";
import { SnapshotIndex } from "../../src/attribution/snapshot-index.js";
import { snapRow } from "../sessions/builders.js";

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const row = fc.record({
  ts: fc.integer({ min: 0, max: 40 }),
  hot: pick(["0xk", "0xo"]),
  canonical: pick(["0xk", "0xa", "0xb", ""]),
  model: pick(["sd", "SD ", "llama", ""]),
  url: pick(["https://a", "HTTPS://A", "https://b", ""]),
  gpu: pick(["G1", "g1", "G2", null]),
  pipeline: pick(["live-video-to-video", "llm", ""]),
  uid: fc.integer({ min: 0, max: 40 }).map((n) => `u${n}`),
  ordinal: fc.integer({ min: 0, max: 3 }),
});
const rows = fc.array(row, { maxLength: 16 });
const hint = pick(["sd", "llama", "", " Sd"]);
const url = pick(["https://a", "https://b", "", "x"]);
const gpu = pick(["G1", "g2", "", null]);
const key = pick(["0xk", "0xo", "0xa", "0xnone", ""]);

describe("SelectionSpan (select is constant on the span)", () => {
  it("every time the span covers selects the same candidate", () => {
    fc.assert(
      fc.property(
        rows,
        key,
        hint,
        url,
        gpu,
        fc.integer({ min: -10, max: 50 }),
        fc.integer({ min: 0, max: 12 }),
        (rs, k, h, u, g, t, ttl) => {
          const idx = SnapshotIndex.from(rs.map((r) => snapRow(r)));
          const span = new SelectionSpan();
          const at = selectSnapshot(idx, k, h, u, g, t, ttl, span);
          expect(at).toBe(selectSnapshot(idx, k, h, u, g, t, ttl));
          expect(span.covers(t)).toBe(true);
          for (let t2 = -40; t2 <= 80; t2++)
            if (span.covers(t2)) expect(selectSnapshot(idx, k, h, u, g, t2, ttl)).toBe(at);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("non-integral times and TTLs shrink the span to the point itself", () => {
    const idx = SnapshotIndex.from([snapRow({ ts: 10, hot: "0xk", canonical: "0xa" })]);
    const span = new SelectionSpan();
    selectSnapshot(idx, "0xk", "", "", null, 12.5, 5, span);
    expect([span.covers(12.5), span.covers(12), span.covers(13)]).toEqual([true, false, false]);
    selectSnapshot(idx, "0xk", "", "", null, 12, 0.5, span);
    expect([span.covers(12), span.covers(13)]).toEqual([true, false]);
  });
});

describe("SelectionCache = selectSnapshot", () => {
  it("answers any sequence of selections like selectSnapshot", () => {
    fc.assert(
      fc.property(
        rows,
        fc.integer({ min: 0, max: 12 }),
        fc.array(fc.tuple(key, hint, url, gpu, fc.integer({ min: -10, max: 50 })), {
          maxLength: 40,
        }),
        (rs, ttl, queries) => {
          const idx = SnapshotIndex.from(rs.map((r) => snapRow(r)));
          const cache = new SelectionCache(idx, ttl);
          for (const [k, h, u, g, t] of queries)
            expect(cache.select(k, h, u, g, t)).toBe(selectSnapshot(idx, k, h, u, g, t, ttl));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("time-ordered queries of one session (the derivation's pattern)", () => {
    fc.assert(
      fc.property(
        rows,
        fc.integer({ min: 0, max: 12 }),
        key,
        hint,
        url,
        gpu,
        fc.array(fc.integer({ min: -10, max: 50 }), { maxLength: 40 }),
        (rs, ttl, k, h, u, g, ts) => {
          const idx = SnapshotIndex.from(rs.map((r) => snapRow(r)));
          const cache = new SelectionCache(idx, ttl);
          for (const t of [...ts].sort((a, b) => a - b))
            expect(cache.select(k, h, u, g, t)).toBe(selectSnapshot(idx, k, h, u, g, t, ttl));
        },
      ),
      { numRuns: 500 },
    );
  });
});
