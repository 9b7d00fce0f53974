import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ci, ciAscii } from "../../src/values/java-trim.js";

const LOWER = ["loading", "error", "params_update", "k", "i", "ii", ""];
// Units that matter: ASCII letters and blanks, U+212A (Kelvin → "k"), U+0130 (→ "i̇"), U+00A0.
const unit = fc.constantFrom(
  ..."LOADINGloadingERRORerror_PARAMSparamsupdateKkIi \t\n".split(""),
  "\u212a",
  "\u0130",
  "\u00a0",
  "\u00e9",
);

describe("ciAscii = ci for trimmed lowercase ASCII constants", () => {
  it("agrees with ci on any text", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(unit, { maxLength: 16 }).map((xs) => xs.join("")),
          fc.string(),
          fc.string({ unit: "binary", maxLength: 8 }),
          fc.constantFrom(null, undefined),
        ),
        fc.constantFrom(...LOWER),
        (a, lower) => {
          expect(ciAscii(a, lower)).toBe(ci(a, lower));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("examples", () => {
    expect(ciAscii(" Loading ", "loading")).toBe(true);
    expect(ciAscii("LOADINGS", "loading")).toBe(false);
    expect(ciAscii("\u212a", "k")).toBe(true);
    expect(ciAscii(null, "")).toBe(true);
    expect(ciAscii("\u0130", "i")).toBe(false); // "i\u0307"
    expect(ci("\u0130", "i")).toBe(false);
  });
});
