import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { SeenValues } from "../../src/sessions/seen-values.js";

describe("SeenValues", () => {
  it("size = number of distinct values added, for any sequence", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "b", "c", "", "A")), (xs) => {
        const seen = new SeenValues();
        for (const x of xs) seen.add(x);
        expect(seen.size).toBe(new Set(xs).size);
      }),
      { numRuns: 500 },
    );
  });
});
