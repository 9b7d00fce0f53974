import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { integerLikeKey, integerLikeKeys } from "../../src/events/integer-like-key.js";

describe("integer-like keys (events.md §1.4)", () => {
  it("reads ^-?[0-9]+$ within Int32", () => {
    expect(integerLikeKey("35")).toBe(35);
    expect(integerLikeKey("0")).toBe(0);
    expect(integerLikeKey("-0")).toBe(0);
    expect(integerLikeKey("007")).toBe(7);
    expect(integerLikeKey("-2147483648")).toBe(-2147483648);
    expect(integerLikeKey("2147483647")).toBe(2147483647);
    for (const k of ["2147483648", "-2147483649", "", "-", "+1", "1.0", "1e2", " 1", "a", "0x1"])
      expect(integerLikeKey(k)).toBeNull();
  });
  it("agrees with the regex for any string", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.integer().map(String), fc.stringMatching(/^-?[0-9]{1,12}$/)),
        (k) => {
          const n = /^-?[0-9]+$/.test(k) ? Number(k) + 0 : null;
          const expected = n !== null && n >= -(2 ** 31) && n < 2 ** 31 ? n : null;
          expect(integerLikeKey(k)).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
  it("lists keys in ECMAScript property order", () => {
    const o = JSON.parse('{"b":1,"35":1,"-1":1,"7":1,"x":1,"07":1}') as Record<string, number>;
    expect(integerLikeKeys(o)).toEqual([
      ["7", 7],
      ["35", 35],
      ["-1", -1],
      ["07", 7],
    ]);
  });
});
