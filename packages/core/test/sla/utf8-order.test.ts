import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { compareKeyTuples, compareUtf8 } from "../../src/sla/utf8-order.js";

const bytes = (s: string): number[] => [...new TextEncoder().encode(s)];
function cmpBytes(a: string, b: string): number {
  const x = bytes(a);
  const y = bytes(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++)
    if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  return x.length - y.length;
}

describe("compareUtf8 (serving.md §8.1 byte order)", () => {
  it("puts BMP chars ≥ U+E000 before astral chars, unlike UTF-16 order", () => {
    expect(compareUtf8("\uffff", "\u{10000}")).toBeLessThan(0);
    expect("\uffff" < "\u{10000}").toBe(false);
    expect(compareUtf8("", "a")).toBeLessThan(0);
    expect(compareUtf8("GPU-A", "GPU-B")).toBeLessThan(0);
    expect(compareUtf8("Z", "a")).toBeLessThan(0);
  });
  it("has the sign of the UTF-8 byte comparison", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.string({ unit: "grapheme" }), (a, b) => {
        expect(Math.sign(compareUtf8(a, b))).toBe(Math.sign(cmpBytes(a, b)));
      }),
      { numRuns: 500 },
    );
  });
  it("compares tuples lexicographically", () => {
    expect(compareKeyTuples(["a", "b"], ["a", "c"])).toBeLessThan(0);
    expect(compareKeyTuples(["b", ""], ["a", "z"])).toBeGreaterThan(0);
    expect(compareKeyTuples(["a", "b"], ["a", "b"])).toBe(0);
  });
});
