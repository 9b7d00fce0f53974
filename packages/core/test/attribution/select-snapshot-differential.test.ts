// Differential test: the indexed selector against a literal, linear transcription of §7.3.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { selectSnapshot } from "../../src/attribution/select-snapshot.js";
import type { SnapshotCandidate } from "../../src/attribution/snapshot-candidate.js";
import { SnapshotIndex } from "../../src/attribution/snapshot-index.js";
import { ci, isBlank } from "../../src/values/java-trim.js";
import { snapRow } from "../sessions/builders.js";

const key = (s: string | null) => (isBlank(s) ? "__empty__" : s.trim().toLowerCase());

function naive(
  cands: SnapshotCandidate[],
  hint: string,
  url: string,
  gpu: string,
  t: number,
  ttl: number,
) {
  let c = cands.filter((x) => !(!isBlank(hint) && !isBlank(x.modelId) && !ci(hint, x.modelId)));
  if (!isBlank(url) && c.some((x) => ci(url, x.url))) c = c.filter((x) => ci(url, x.url));
  const canon = new Set(
    c.filter((x) => Math.abs(t - x.s) <= ttl && x.canonical !== "").map((x) => x.canonical),
  );
  if (canon.size > 1 || c.length === 0) return null;
  const fresh = (x: SnapshotCandidate) => {
    const d = Math.abs(t - x.s);
    if (d === 0) return 0;
    if (d <= ttl) return x.s < t ? 1 : 2;
    return x.s < t ? 3 : 4;
  };
  const tuple = (x: SnapshotCandidate): Array<number | string> => [
    !isBlank(hint) && !isBlank(x.modelId) && ci(hint, x.modelId) ? 0 : 1,
    !isBlank(url) && ci(url, x.url) ? 0 : 1,
    !isBlank(gpu) && ci(gpu, x.gpuId) ? 0 : 1,
    fresh(x),
    Math.abs(t - x.s),
    -x.s,
    key(x.modelId),
    key(x.url),
    key(x.gpuId),
    key(x.pipeline),
    x.uid,
    x.ordinal,
  ];
  const cmp = (a: SnapshotCandidate, b: SnapshotCandidate) => {
    const ta = tuple(a);
    const tb = tuple(b);
    for (let i = 0; i < ta.length; i++) if (ta[i] !== tb[i]) return ta[i]! < tb[i]! ? -1 : 1;
    return 0;
  };
  return [...c].sort(cmp)[0] ?? null;
}

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const row = fc.record({
  ts: fc.integer({ min: 0, max: 12 }),
  hot: pick(["0xk", "0xo"]),
  canonical: pick(["0xk", "0xa", "0xb", ""]),
  model: pick(["sd", "SD ", "llama", ""]),
  url: pick(["https://a", "HTTPS://A", "https://b", ""]),
  gpu: pick(["G1", "g1", "G2", null]),
  pipeline: pick(["live-video-to-video", "llm", ""]),
  uid: fc.integer({ min: 0, max: 40 }).map((n) => `u${n}`),
  ordinal: fc.integer({ min: 0, max: 3 }),
});

describe("selectSnapshot = literal §7.3", () => {
  it("agrees with the linear transcription", () => {
    fc.assert(
      fc.property(
        // twins: same profile and time, other uid/ordinal/pipeline (exercises the tie-breaks)
        fc
          .array(fc.tuple(row, fc.boolean(), pick(["llm", "", "a"])), { maxLength: 20 })
          .map((xs) =>
            xs.flatMap(([r, twin, p]) =>
              twin ? [r, { ...r, uid: `${r.uid}t`, ordinal: r.ordinal + 1, pipeline: p }] : [r],
            ),
          ),
        pick(["sd", "llama", "", " Sd"]),
        pick(["https://a", "https://b", "", "x"]),
        pick(["G1", "g2", ""]),
        fc.integer({ min: -5, max: 17 }),
        fc.integer({ min: 0, max: 8 }),
        (rows, hint, url, gpu, t, ttl) => {
          const idx = SnapshotIndex.from(rows.map((r) => snapRow(r)));
          const got = selectSnapshot(idx, "0xk", hint, url, gpu, t, ttl);
          const want = naive(idx.candidates("0xk", t, ttl), hint, url, gpu, t, ttl);
          expect(got).toBe(want);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
