import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { BatchDedup } from "../../src/batch/batch-dedup.js";
import type { AcceptedEnvelope } from "../../src/events/accepted-envelope.js";
import { checkDedup, createDedupState } from "../../src/events/dedup-state.js";
import { parseEvent } from "../../src/events/parse-event.js";
import { sha256Hex } from "../../src/identity/sha256-hex.js";

function envelope(input: string): AcceptedEnvelope {
  const r = parseEvent(input);
  if (r.kind === "rejected") throw new Error(r.rejection.details);
  return r.envelope;
}

const T0 = 1_770_000_000_000;
const A = '{"id":"a","type":"x","timestamp":1,"data":{"v":1}}';

/**
 * Records from a small pool so keys repeat: ids a–c or none (payload-hash keys), two data
 * variants, optional replay flag, key order swapped and padding (same content, other text).
 */
const record = fc
  .record({
    id: fc.constantFrom<string | null>("a", "b", "c", null),
    v: fc.constantFrom(1, 2),
    replay: fc.boolean(),
    swapped: fc.boolean(),
    padded: fc.boolean(),
  })
  .map(({ id, v, replay, swapped, padded }) => {
    const head = id === null ? {} : { id };
    const body = swapped
      ? { data: { v }, timestamp: 1, type: "x" }
      : { type: "x", timestamp: 1, data: { v } };
    const text = JSON.stringify({ ...head, ...body, ...(replay ? { __replay: true } : {}) });
    return padded ? ` ${text} ` : text;
  });

describe("BatchDedup (events.md §6.2, one processing instant)", () => {
  it("agrees with checkDedup in deferred mode at one instant, for any text budget", () => {
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 40 }),
        fc.constantFrom(0, 60, 200, 512 * 1024 * 1024),
        (texts, budget) => {
          const state = createDedupState({ contentCheck: "deferred", deferredBudgetBytes: budget });
          const batch = new BatchDedup({ sha256: sha256Hex, textBudgetBytes: budget });
          for (const text of texts) {
            const e = envelope(text);
            const expected = checkDedup(state, e, T0);
            const actual = batch.check(e);
            if (expected.kind === "first") expect(actual).toBeNull();
            else expect(actual).toEqual({ contentDiffers: expected.contentDiffers });
          }
        },
      ),
    );
  });

  it("an exact copy is a duplicate with the same content; a changed copy differs", () => {
    const d = new BatchDedup({ sha256: sha256Hex, textBudgetBytes: 1024 });
    expect(d.check(envelope(A))).toBeNull();
    expect(d.check(envelope(A))).toEqual({ contentDiffers: false });
    expect(d.check(envelope(A.replace('"v":1', '"v":2')))).toEqual({ contentDiffers: true });
    expect(d.check(envelope(A.replace('"id":"a"', '"id":"b"')))).toBeNull();
  });

  it("keeps many distinct keys apart (table growth, probing)", () => {
    const d = new BatchDedup({ sha256: sha256Hex, textBudgetBytes: 1024 * 1024 });
    const texts = Array.from({ length: 5000 }, (_, i) => A.replace('"a"', `"k${i}"`));
    for (const t of texts) expect(d.check(envelope(t))).toBeNull();
    for (const t of texts) expect(d.check(envelope(t))).toEqual({ contentDiffers: false });
  });

  it("agrees with checkDedup across table growth, with the text budget running out midway", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: 1500 }), fc.constantFrom(1, 2), fc.boolean()), {
          minLength: 1000,
          maxLength: 3000,
        }),
        (picks) => {
          const budget = 40_000;
          const state = createDedupState({ contentCheck: "deferred", deferredBudgetBytes: budget });
          const batch = new BatchDedup({ sha256: sha256Hex, textBudgetBytes: budget });
          for (const [k, v, withId] of picks) {
            const head = withId ? `"id":"k${k}",` : "";
            const e = envelope(`{${head}"type":"x","timestamp":1,"data":{"k":${k},"v":${v}}}`);
            const expected = checkDedup(state, e, T0);
            const actual = batch.check(e);
            if (expected.kind === "first") expect(actual).toBeNull();
            else expect(actual).toEqual({ contentDiffers: expected.contentDiffers });
          }
        },
      ),
      { numRuns: 20 },
    );
  });
});
