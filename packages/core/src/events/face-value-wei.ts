import { javaTrim } from "../values/java-trim.js";
import type { JsonValue } from "../values/json-value.js";

const MAX_EXACT_NUMBER = 2 ** 53;

/**
 * `face_value_wei` of a payment (events.md §8.7, D4): the face value as an exact integer wei
 * amount, or null.
 *
 * JSON number that is a non-negative integer ≤ 2^53 → that value; string, Java-trimmed, matching
 * `^([0-9]+)(\s*[Ww][Ee][Ii])?$` → the digits as a bigint; anything else (decimals, other units,
 * negatives) → null.
 * @example parseFaceValueWei("2402400000000000 WEI") === 2402400000000000n; parseFaceValueWei("0.0024 ETH") === null
 */
export function parseFaceValueWei(v: JsonValue | undefined): bigint | null {
  if (typeof v === "number") {
    return Number.isInteger(v) && v >= 0 && v <= MAX_EXACT_NUMBER ? BigInt(v) : null;
  }
  if (typeof v !== "string") return null;
  const s = javaTrim(v);
  let i = 0;
  while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  if (i === 0) return null;
  const digits = s.slice(0, i);
  if (i === s.length) return BigInt(digits);
  let j = i;
  while (j < s.length && isRegexSpace(s.charCodeAt(j))) j++;
  return s.length - j === 3 && s.slice(j).toLowerCase() === "wei" ? BigInt(digits) : null;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `\s` of the spec's regex, restricted to what survives a Java trim in the middle of a string. */
function isRegexSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
