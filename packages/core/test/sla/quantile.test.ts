import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  jitterCoefficient,
  jitterFromSums,
  populationStdDev,
  quantileExactInclusive,
} from "../../src/sla/quantile.js";

describe("quantileExactInclusive (serving.md §4)", () => {
  it("[10, 20, 30, 40, 50] → h = 3.8 → 48", () => {
    expect(quantileExactInclusive([10, 20, 30, 40, 50], 0.95)).toBeCloseTo(48, 9);
  });
  it("sorts its input without modifying it", () => {
    const xs = [50, 10, 40, 20, 30];
    expect(quantileExactInclusive(xs, 0.95)).toBeCloseTo(48, 9);
    expect(xs).toEqual([50, 10, 40, 20, 30]);
  });
  it("X3: [20, 22] → 21.9; one value → that value; empty → null", () => {
    expect(quantileExactInclusive([22, 20], 0.95)).toBeCloseTo(21.9, 9);
    expect(quantileExactInclusive([1200], 0.95)).toBe(1200);
    expect(quantileExactInclusive([], 0.95)).toBeNull();
  });
  it("q = 0 and q = 1 are min and max", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1 }), (xs) => {
        expect(quantileExactInclusive(xs, 0)).toBe(Math.min(...xs));
        expect(quantileExactInclusive(xs, 1)).toBe(Math.max(...xs));
      }),
      { numRuns: 300 },
    );
  });
  it("lies between min and max", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1 }),
        (xs) => {
          const q = quantileExactInclusive(xs, 0.95) as number;
          expect(q).toBeGreaterThanOrEqual(Math.min(...xs) - 1e-6);
          expect(q).toBeLessThanOrEqual(Math.max(...xs) + 1e-6);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("std-dev and jitter (serving.md §4)", () => {
  it("[20, 22, 18, 20] → mean 20, std √2, jitter 0.07071067811865475; Σx 80, Σx² 1608", () => {
    const xs = [20, 22, 18, 20];
    expect(populationStdDev(xs)).toBeCloseTo(Math.SQRT2, 12);
    expect(jitterCoefficient(xs)).toBeCloseTo(0.07071067811865475, 12);
    expect(jitterFromSums(4, 80, 1608)).toBeCloseTo(0.07071067811865475, 12);
  });
  it("X3: [20, 22] → jitter 0.047619047619047616 from sums 42 / 884", () => {
    expect(jitterFromSums(2, 42, 884)).toBeCloseTo(0.047619047619047616, 12);
    expect(jitterCoefficient([20, 22])).toBeCloseTo(0.047619047619047616, 12);
  });
  it("null when n = 0 or mean = 0", () => {
    expect(populationStdDev([])).toBeNull();
    expect(jitterCoefficient([])).toBeNull();
    expect(jitterCoefficient([0, 0])).toBeNull();
    expect(jitterFromSums(0, 0, 0)).toBeNull();
    expect(jitterFromSums(3, 0, 0)).toBeNull();
  });
  it("sums formula agrees with the two-pass formula", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 120 }), { minLength: 1, maxLength: 200 }),
        (xs) => {
          let s = 0;
          let sq = 0;
          for (const x of xs) {
            s += x;
            sq += x * x;
          }
          expect(jitterFromSums(xs.length, s, sq) as number).toBeCloseTo(
            jitterCoefficient(xs) as number,
            9,
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
