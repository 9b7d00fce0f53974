import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { weiToEth } from "../../src/sla/wei-to-eth.js";

describe("weiToEth (serving.md §4 fee_payment_eth)", () => {
  it("X4: 2402400000000000 wei → 0.0024024", () => {
    expect(weiToEth(2402400000000000n)).toBe(0.0024024);
  });
  it("exact small and round values", () => {
    expect(weiToEth(0n)).toBe(0);
    expect(weiToEth(10n ** 18n)).toBe(1);
    expect(weiToEth(1n)).toBe(1e-18);
    expect(weiToEth(15n * 10n ** 17n)).toBe(1.5);
  });
  it("is correctly rounded for integers above 2^53", () => {
    // 2^53 + 1 wei: Number() rounds the integer first (double rounding).
    const w = 2n ** 53n + 1n;
    expect(weiToEth(w)).toBe(Number(`${w}e-18`));
  });
  it("matches correctly rounded decimal parsing for arbitrary UInt256 values", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }), (w) => {
        expect(weiToEth(w)).toBe(Number(`${w}e-18`));
      }),
      { numRuns: 1000 },
    );
  });
  it("matches for values near rounding ties", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 2n ** 60n }),
        fc.integer({ min: 0, max: 40 }),
        (m, s) => {
          const w = m << BigInt(s);
          expect(weiToEth(w)).toBe(Number(`${w}e-18`));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
