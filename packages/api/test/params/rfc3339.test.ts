import { MAX_TIMESTAMP_MS } from "@livepeer-analytics/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatRfc3339,
  formatRfc3339Millis,
  formatRfc3339Seconds,
  parseRfc3339,
} from "../../src/params/rfc3339.js";

describe("parseRfc3339", () => {
  it.each<[string, number]>([
    ["2026-02-25T08:00:00Z", Date.UTC(2026, 1, 25, 8)],
    ["2026-02-25t08:00:00z", Date.UTC(2026, 1, 25, 8)],
    ["2026-02-25T09:30:00+01:30", Date.UTC(2026, 1, 25, 8)],
    ["2026-02-25T03:00:00-05:00", Date.UTC(2026, 1, 25, 8)],
    ["2026-02-25T09:00:00 01:00", Date.UTC(2026, 1, 25, 8)], // "+" decoded as a space
    ["2026-02-25T08:00:00.1Z", Date.UTC(2026, 1, 25, 8) + 100],
    ["2026-02-25T08:00:00.123456789Z", Date.UTC(2026, 1, 25, 8) + 123],
    ["2024-02-29T00:00:00Z", Date.UTC(2024, 1, 29)],
    ["1970-01-01T00:00:00Z", 0],
  ])("%s", (text, ms) => expect(parseRfc3339(text)).toBe(ms));

  it.each([
    "yesterday",
    "",
    "2026-02-25",
    "2026-02-25T08:00:00",
    "2026-02-25 08:00:00Z",
    "2026-02-25T08:00Z",
    "2026-02-25T08:00:00+0100",
    "2026-02-25T08:00:00+24:00",
    "2026-02-25T08:00:00+01:60",
    "2026-02-25T24:00:00Z",
    "2026-02-25T08:60:00Z",
    "2026-02-25T08:00:60Z",
    "2026-13-01T00:00:00Z",
    "2026-00-01T00:00:00Z",
    "2026-02-29T00:00:00Z",
    "2026-04-31T00:00:00Z",
    "2026-02-25T08:00:00.Z",
    "2026-02-25T08:00:00.1234567890Z",
    "1969-12-31T23:59:59Z",
    "1970-01-01T00:30:00+01:00",
    "0099-01-01T00:00:00Z",
    "+2026-02-25T08:00:00Z",
    "２０２６-02-25T08:00:00Z",
    "2026-02-25T08:00:00Z\n",
    "2026-02-25T08:00:00Z' OR 1=1 --",
  ])("rejects %j", (text) => expect(parseRfc3339(text)).toBeUndefined());

  it("round-trips every millisecond it formats", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_TIMESTAMP_MS }), (ms) => {
        expect(parseRfc3339(formatRfc3339Millis(ms))).toBe(ms);
        expect(parseRfc3339(formatRfc3339(ms))).toBe(ms);
        expect(parseRfc3339(formatRfc3339Seconds(ms))).toBe(ms - (ms % 1000));
      }),
    );
  });
});

describe("formatRfc3339", () => {
  it("uses seconds unless there are milliseconds", () => {
    expect(formatRfc3339(Date.UTC(2026, 1, 25, 20))).toBe("2026-02-25T20:00:00Z");
    expect(formatRfc3339(Date.UTC(2026, 1, 26, 8) + 123)).toBe("2026-02-26T08:00:00.123Z");
    expect(formatRfc3339Millis(Date.UTC(2026, 1, 26, 8))).toBe("2026-02-26T08:00:00.000Z");
  });
});
