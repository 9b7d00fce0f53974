/**
 * Mixes a seed and any number of salts into one 32-bit state word (splitmix32 finaliser).
 *
 * Used to derive independent streams (network layout, each session, delivery) from one seed,
 * so that changing one part of a simulation does not shift the random numbers of another.
 * @example mixSeed(42, 7) === mixSeed(42, 7) // always the same unsigned 32-bit integer
 */
export function mixSeed(seed: number, ...salts: readonly number[]): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const s of salts) h = splitmix32((h ^ Math.imul(s | 0, 0x85ebca6b)) >>> 0);
  return splitmix32(h);
}

function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

const HEX = "0123456789abcdef";
const BYTE_HEX: readonly string[] = Array.from({ length: 256 }, (_, i) =>
  (i | 256).toString(16).slice(1),
);

/**
 * Small deterministic PRNG (sfc32, 128-bit state) with the helpers the simulator needs.
 *
 * Never uses `Math.random`; the same seed always yields the same sequence on every platform
 * (only 32-bit integer arithmetic). Not cryptographic.
 * @example new Prng(1).int(1, 6) // a die roll, identical for every run with seed 1
 */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** Seeds the generator; `seed` is any number (only its low 32 bits matter). */
  constructor(seed: number) {
    this.a = mixSeed(seed, 1);
    this.b = mixSeed(seed, 2);
    this.c = mixSeed(seed, 3);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.nextU32();
  }

  /** Next unsigned 32-bit integer. */
  nextU32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** Uniform integer in [min, max] (both inclusive; `max < min` returns `min`). */
  int(min: number, max: number): number {
    if (max <= min) return min;
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** True with probability `p` (p ≤ 0 never, p ≥ 1 always). */
  chance(p: number): boolean {
    return p > 0 && this.next() < p;
  }

  /** A uniformly chosen element; the array must not be empty. */
  pick<T>(items: readonly T[]): T {
    const v = items[Math.floor(this.next() * items.length)];
    if (v === undefined) throw new Error("Prng.pick: empty array");
    return v;
  }

  /** Index chosen with probability proportional to `weights` (non-negative, sum > 0). */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] ?? 0;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** `n` lowercase hex characters. */
  hex(n: number): string {
    let s = "";
    while (s.length < n) {
      const x = this.nextU32();
      s +=
        (BYTE_HEX[x >>> 24] ?? "") +
        (BYTE_HEX[(x >>> 16) & 255] ?? "") +
        (BYTE_HEX[(x >>> 8) & 255] ?? "") +
        (BYTE_HEX[x & 255] ?? "");
    }
    return s.length === n ? s : s.slice(0, n);
  }

  /** `n` decimal digits (may start with 0). */
  digits(n: number): string {
    let s = "";
    while (s.length < n) s += String(1e9 + (this.nextU32() % 1e9)).slice(1);
    return s.length === n ? s : s.slice(0, n);
  }

  /** RFC 4122 version-4 shaped UUID, e.g. `ae6f98da-5418-43cd-80d5-8d9a9521bb22`. */
  uuid(): string {
    const variant = HEX[8 + (this.nextU32() & 3)] ?? "8";
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${variant}${this.hex(3)}-${this.hex(12)}`;
  }
}
