import { GRANULARITY_MS, HOUR_MS, type Granularity } from "@livepeer-analytics/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bucketRanges, bucketStarts } from "../../src/rollups/refresh-plan.js";

const hoursArb = fc.array(fc.integer({ min: -500, max: 5_000 }).map((h) => h * HOUR_MS));
const grainArb = fc.constantFrom<Granularity>("1m", "5m", "1h", "1d");

describe("refresh plan", () => {
  it("ranges cover exactly the buckets holding a dirty hour, sorted, disjoint, merged", () => {
    fc.assert(
      fc.property(hoursArb, grainArb, (hours, g) => {
        const ranges = bucketRanges(hours, g);
        const size = Math.max(GRANULARITY_MS[g], HOUR_MS);
        for (const h of hours) expect(ranges.some((r) => r.start <= h && h < r.end)).toBe(true);
        for (const [i, r] of ranges.entries()) {
          expect(r.start % size === 0).toBe(true);
          expect(r.end % size === 0).toBe(true);
          const next = ranges[i + 1];
          if (next !== undefined) expect(next.start).toBeGreaterThan(r.end); // gap, else merged
          for (let b = r.start; b < r.end; b += size)
            expect(hours.some((h) => b <= h && h < b + size)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("day starts of hours", () => {
    const day = GRANULARITY_MS["1d"];
    expect(bucketStarts([25 * HOUR_MS, 2 * HOUR_MS, 47 * HOUR_MS, -HOUR_MS], "1d")).toEqual([
      -day,
      0,
      day,
    ]);
  });
});
