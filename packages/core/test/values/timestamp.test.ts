import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { javaTrim } from "../../src/values/java-trim.js";
import { MAX_TIMESTAMP_MS, parseTimestamp } from "../../src/values/timestamp.js";

/** The regex-based reading of events.md §1.2 for digit strings, as a reference. */
function reference(v: string): number | undefined {
  const t = javaTrim(v);
  if (!/^[0-9]+$/.test(t)) return undefined;
  const significant = t.replace(/^0+/, "");
  if (significant.length > 13) return undefined;
  const n = significant === "" ? 0 : Number(significant);
  return n <= MAX_TIMESTAMP_MS ? n : undefined;
}

describe("parseTimestamp (events.md §1.2)", () => {
  it.each([
    ["1710000000000", 1710000000000],
    [" \t1710000000000\n", 1710000000000],
    ["0", 0],
    ["0000", 0],
    ["00000000000000000001", 1],
    ["9999999999999", 9999999999999],
    ["10000000000000", undefined],
    ["", undefined],
    ["   ", undefined],
    ["1.7e12", undefined],
    ["-1", undefined],
    ["+1", undefined],
    ["12a", undefined],
    ["\u0661\u0662", undefined],
    ["1 2", undefined],
  ])("%j → %j", (input, expected) => {
    expect(parseTimestamp(input)).toBe(expected);
  });

  it("numbers: truncated toward zero, -0 → 0, range checked", () => {
    expect(parseTimestamp(1.9)).toBe(1);
    expect(Object.is(parseTimestamp(-0.5), 0)).toBe(true);
    expect(parseTimestamp(-1)).toBeUndefined();
    expect(parseTimestamp(MAX_TIMESTAMP_MS + 1)).toBeUndefined();
    expect(parseTimestamp(true)).toBeUndefined();
    expect(parseTimestamp(null)).toBeUndefined();
  });

  it("digit strings agree with the regex reading", () => {
    const digits = fc.string({ unit: fc.constantFrom(..."0123456789"), maxLength: 20 });
    const padded = fc.tuple(
      fc.constantFrom("", " ", "\t", "0", "00"),
      digits,
      fc.constantFrom("", " ", "x"),
    );
    fc.assert(
      fc.property(padded, ([pre, d, post]) => {
        const s = pre + d + post;
        expect(parseTimestamp(s)).toBe(reference(s));
      }),
    );
  });
});
