import type { JsonObject } from "../values/json-value.js";

const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;

/**
 * Reads an integer-like object key (events.md §1.4): `^-?[0-9]+$` whose value fits in Int32 →
 * that integer; anything else → null (skipped wherever a rule asks for integer-like keys).
 * @example integerLikeKey("35") === 35; integerLikeKey("-0") === 0; integerLikeKey("3a") === null
 */
export function integerLikeKey(key: string): number | null {
  const start = key.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  if (key.length === start) return null;
  for (let i = start; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  // Leading zeros make the digit count unbounded, so compare the parsed value, not the length.
  const n = Number(key) + 0;
  return n >= INT32_MIN && n <= INT32_MAX ? n : null;
}

/**
 * The integer-like keys of an object in key order (§1.4: `Object.keys` order, i.e. array-index
 * keys ascending first, then the others in document order), each with its integer value.
 */
export function integerLikeKeys(o: JsonObject): Array<readonly [key: string, id: number]> {
  const out: Array<readonly [string, number]> = [];
  for (const k of Object.keys(o)) {
    const id = integerLikeKey(k);
    if (id !== null) out.push([k, id]);
  }
  return out;
}
