import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { javaTrim } from "../../src/values/java-trim.js";
import { formatTimestamp, MAX_TIMESTAMP_MS, parseTimestamp } from "../../src/values/timestamp.js";

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

/** `Date`'s own UTC fields, as a reference rendering. */
function dateRendering(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w: number): string => String(n).padStart(w, "0");
  return (
    `${p(d.getUTCFullYear(), 4)}-${p(d.getUTCMonth() + 1, 2)}-${p(d.getUTCDate(), 2)} ` +
    `${p(d.getUTCHours(), 2)}:${p(d.getUTCMinutes(), 2)}:${p(d.getUTCSeconds(), 2)}.` +
    p(d.getUTCMilliseconds(), 3)
  );
}

describe("formatTimestamp (events.md §9 text)", () => {
  it("renders UTC with millisecond precision", () => {
    expect(formatTimestamp(1770062064713)).toBe("2026-02-02 19:54:24.713");
    expect(formatTimestamp(0)).toBe("1970-01-01 00:00:00.000");
    expect(formatTimestamp(MAX_TIMESTAMP_MS)).toBe("2286-11-20 17:46:39.999");
  });

  it("equals Date's UTC fields for any time, in any order (the day cache never leaks)", () => {
    const ms = fc.oneof(
      fc.integer({ min: -62_135_596_800_000, max: MAX_TIMESTAMP_MS }),
      fc.double({ min: -1e13, max: 1e13, noNaN: true }),
      fc.constantFrom(NaN, Infinity, -Infinity, 8.64e15, 8.64e15 + 1, -0),
    );
    fc.assert(
      fc.property(fc.array(ms, { minLength: 1, maxLength: 8 }), (times) => {
        for (const t of times) expect(formatTimestamp(t)).toBe(dateRendering(t));
      }),
    );
  });
});
