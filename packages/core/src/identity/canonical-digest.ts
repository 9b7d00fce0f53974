import type { JsonObject } from "../values/json-value.js";

/**
 * A 64-bit digest of the canonical payload (events.md §1.5, §6.2: the root minus top-level
 * `__replay*` keys) computed without building the canonical text: a structural multiplicative
 * hash over two independent 32-bit lanes, visiting object keys in JCS order, with type tags and
 * length prefixes so distinct canonical texts give distinct token streams. Equal canonical JSON ⇒
 * equal digest; different canonical JSON ⇒ different digest except with probability ≈ 2⁻⁶⁴.
 *
 * Used by the dedup state to detect content-differing duplicates at a fraction of the cost of
 * JCS + SHA-256 (the dedup *key* itself stays SHA-256, events.md §6.1).
 * @example canonicalPayloadDigest({ a: 1, b: [true] }) === canonicalPayloadDigest({ b: [true], a: 1, __replay: true })
 */
export function canonicalPayloadDigest(root: JsonObject): string {
  a = 0x811c9dc5;
  b = 0x9747b28c;
  hashObject(root, true);
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

const REPLAY_PREFIX = "__replay";

// Lane state of the digest being computed (the function is synchronous and not re-entrant).
let a = 0;
let b = 0;

function mix(c: number): void {
  a = Math.imul(a ^ c, 0x01000193);
  b = Math.imul(b ^ c, 0x5bd1e995);
  b ^= b >>> 13;
}

function hashString(s: string): void {
  let x = a;
  let y = b;
  const n = s.length;
  x = Math.imul(x ^ (n + 0x10000), 0x01000193);
  y = Math.imul(y ^ (n + 0x10000), 0x5bd1e995);
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    x = Math.imul(x ^ c, 0x01000193);
    y = Math.imul(y ^ c, 0x5bd1e995);
    y ^= y >>> 13;
  }
  a = x;
  b = y;
}

function hashValue(v: unknown): void {
  switch (typeof v) {
    case "string":
      mix(1);
      hashString(v);
      return;
    case "number":
      mix(2);
      if (Number.isInteger(v) && Math.abs(v) < 2 ** 31) mix(v | 0);
      // JCS numbers are ECMAScript Number::toString; -0 serializes as 0.
      else hashString(Number.isFinite(v) ? String(v) : "null");
      return;
    case "boolean":
      mix(v ? 3 : 4);
      return;
    case "object":
      if (v === null) mix(5);
      else if (Array.isArray(v)) {
        mix(6);
        mix(v.length);
        for (let i = 0; i < v.length; i++) hashValue((v as unknown[])[i]);
      } else hashObject(v as JsonObject, false);
      return;
    default:
      mix(5); // undefined/function never occur in parsed JSON
  }
}

function hashObject(o: JsonObject, skipReplay: boolean): void {
  const keys = Object.keys(o);
  for (let i = 1; i < keys.length; i++) {
    if ((keys[i - 1] as string) > (keys[i] as string)) {
      keys.sort();
      break;
    }
  }
  mix(7);
  for (const k of keys) {
    if (skipReplay && k.startsWith(REPLAY_PREFIX)) continue;
    hashString(k);
    hashValue(o[k]);
  }
  mix(8);
}
