/** 10^18: wei per ether. */
const WEI_PER_ETH = 10n ** 18n;

function bitLength(x: bigint): number {
  return x.toString(2).length;
}

/**
 * The double nearest to `wei / 10^18` (serving.md §4 `fee_payment_eth`), correctly rounded
 * (round half to even) for any size of `wei`, computed in exact integer arithmetic.
 *
 * Negative inputs are mirrored (wei columns are unsigned, so they do not occur).
 * @example weiToEth(2402400000000000n) === 0.0024024
 * @example weiToEth(0n) === 0
 */
export function weiToEth(wei: bigint): number {
  if (wei === 0n) return 0;
  if (wei < 0n) return -weiToEth(-wei);
  // Scale so the integer quotient has 55..56 bits, then round to 53 significant bits.
  const k = 55 + bitLength(WEI_PER_ETH) - bitLength(wei);
  const num = k >= 0 ? wei << BigInt(k) : wei;
  const den = k >= 0 ? WEI_PER_ETH : WEI_PER_ETH << BigInt(-k);
  const q = num / den;
  const sticky = num % den !== 0n;
  const r = bitLength(q) - 53;
  let mant = q >> BigInt(r);
  const rem = q & ((1n << BigInt(r)) - 1n);
  const half = 1n << BigInt(r - 1);
  if (rem > half || (rem === half && (sticky || (mant & 1n) === 1n))) mant += 1n;
  // mant ≤ 2^53 is exact as a double; scaling by a power of two is exact in range.
  return Number(mant) * 2 ** (r - k);
}
