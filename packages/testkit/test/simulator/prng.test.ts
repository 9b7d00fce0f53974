import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Prng, mixSeed } from "../../src/simulator/prng.js";

describe("Prng", () => {
  it("is deterministic per seed and differs across seeds", () => {
    const seq = (seed: number): number[] => {
      const r = new Prng(seed);
      return Array.from({ length: 20 }, () => r.nextU32());
    };
    expect(seq(42)).toEqual(seq(42));
    expect(seq(42)).not.toEqual(seq(43));
  });

  it("stays within the requested ranges", () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: -1000, max: 1000 }),
        fc.nat(1000),
        (seed, min, span) => {
          const r = new Prng(seed);
          for (let i = 0; i < 20; i++) {
            const v = r.int(min, min + span);
            expect(v).toBeGreaterThanOrEqual(min);
            expect(v).toBeLessThanOrEqual(min + span);
            const f = r.next();
            expect(f >= 0 && f < 1).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("produces v4-shaped uuids and hex", () => {
    const r = new Prng(1);
    for (let i = 0; i < 100; i++)
      expect(r.uuid()).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    expect(r.hex(40)).toMatch(/^[0-9a-f]{40}$/);
  });

  it("is roughly uniform (chi-square over 10 buckets)", () => {
    const r = new Prng(7);
    const buckets = new Array<number>(10).fill(0);
    const n = 100_000;
    for (let i = 0; i < n; i++) buckets[Math.floor(r.next() * 10)]! += 1;
    const chi = buckets.reduce((s, b) => s + (b - n / 10) ** 2 / (n / 10), 0);
    expect(chi).toBeLessThan(30); // df = 9; p ≈ 0.0004
  });

  it("mixSeed separates salts", () => {
    expect(mixSeed(1, 2)).not.toBe(mixSeed(1, 3));
    expect(mixSeed(1, 2, 0)).not.toBe(mixSeed(1, 2, 1));
    expect(mixSeed(5, 9)).toBe(mixSeed(5, 9));
  });
});
