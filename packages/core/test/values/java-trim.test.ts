import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ci, javaTrim, lowerCase, normalizeAddress } from "../../src/values/java-trim.js";

/** Strings mixing ASCII letters, blanks/controls and non-ASCII units (İ lowercases to 2 units). */
const text = fc.string({
  unit: fc.constantFrom(..."aAzZ09 x\t\u0000\u0020\u00a0\u0130iI\u212a\u00df\ud83d\ude00-_"),
  maxLength: 8,
});

describe("ci / normalizeAddress / lowerCase fast paths", () => {
  it("ci equals the trim + toLowerCase comparison", () => {
    fc.assert(
      fc.property(fc.option(text), fc.option(text), (a, b) => {
        const expected = javaTrim(a ?? "").toLowerCase() === javaTrim(b ?? "").toLowerCase();
        expect(ci(a, b)).toBe(expected);
        expect(ci(a, a === null ? null : ` ${(a ?? "").toUpperCase()}\t`)).toBe(
          javaTrim(a ?? "").toLowerCase() === javaTrim((a ?? "").toUpperCase()).toLowerCase(),
        );
      }),
    );
  });

  it("lowerCase equals toLowerCase; normalizeAddress = blank → '', else trim + lowercase", () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(lowerCase(s)).toBe(s.toLowerCase());
        const blank = javaTrim(s) === "";
        expect(normalizeAddress(s)).toBe(blank ? "" : javaTrim(s).toLowerCase());
      }),
    );
  });

  it("examples", () => {
    expect(ci(" Error", "error")).toBe(true);
    expect(ci("LOADING", "loading ")).toBe(true);
    expect(ci("loading", "loadin")).toBe(false);
    expect(ci("\u0130", "i\u0307")).toBe(true);
    expect(ci(null, "  ")).toBe(true);
    expect(normalizeAddress(" 0xAbC123 ")).toBe("0xabc123");
  });
});
