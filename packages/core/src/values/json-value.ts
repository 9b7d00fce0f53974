import { javaTrim } from "./java-trim.js";

/** Any value `JSON.parse` can return. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
/** A parsed JSON object. */
export type JsonObject = { [key: string]: JsonValue };

/** True when `v` is a JSON object (not null, not an array). */
export function isJsonObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Resolves a path object by object (events.md §1.1); `undefined` (missing) when any step is
 * missing or not an object. Never indexes into arrays.
 */
export function getPath(root: unknown, ...path: readonly string[]): JsonValue | undefined {
  let cur: unknown = root;
  for (const key of path) {
    if (!isJsonObject(cur)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(cur, key)) return undefined;
    cur = cur[key];
  }
  return cur as JsonValue | undefined;
}

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Parses a trimmed numeric string (events.md §1.1); undefined when not numeric or infinite. */
export function parseNumericString(s: string): number | undefined {
  const t = javaTrim(s);
  if (!NUMERIC.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * `text(v, d)`: missing/null → d; string unchanged; number → `String(n)`; boolean →
 * "true"/"false"; object/array → "".
 */
export function text(v: JsonValue | undefined, d = ""): string {
  if (v === undefined || v === null) return d;
  switch (typeof v) {
    case "string":
      return v;
    case "number":
      return String(v);
    case "boolean":
      return v ? "true" : "false";
    default:
      return "";
  }
}

/** `nullableText(v)`: missing/null/""/object/array → null; otherwise as {@link text}. */
export function nullableText(v: JsonValue | undefined): string | null {
  if (v === undefined || v === null || typeof v === "object") return null;
  const s = text(v);
  return s === "" ? null : s;
}

/** Inclusive integer range of a target column, e.g. UInt16 = [0, 65535]. */
export interface IntRange {
  readonly min: number;
  readonly max: number;
}

/** Column ranges used by the row tables. UInt64 is limited to the exactly representable range. */
export const INT_RANGES = {
  UInt8: { min: 0, max: 255 },
  UInt16: { min: 0, max: 65_535 },
  UInt32: { min: 0, max: 4_294_967_295 },
  Int32: { min: -2_147_483_648, max: 2_147_483_647 },
  Int64: { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER },
  UInt64: { min: 0, max: Number.MAX_SAFE_INTEGER },
} as const satisfies Record<string, IntRange>;

function toNumber(v: JsonValue | undefined): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v === "string") return parseNumericString(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  return undefined;
}

/**
 * `int(v, d)`: number or numeric string truncated toward zero; boolean → 1/0; anything else,
 * or a result outside `range`, → `d`.
 */
export function int(v: JsonValue | undefined, range: IntRange, d = 0): number {
  const n = toNumber(v);
  if (n === undefined) return d;
  const t = Math.trunc(n) + 0; // +0 turns -0 into 0
  return t < range.min || t > range.max ? d : t;
}

/** `float(v, d)`: number or numeric string; boolean → 1/0; otherwise `d`. */
export function float(v: JsonValue | undefined, d = 0): number {
  const n = toNumber(v);
  return n === undefined ? d : n;
}

/**
 * `nullableInt(v)`: number or numeric string truncated toward zero; booleans, blanks,
 * non-numeric strings, objects and out-of-range results → null.
 */
export function nullableInt(v: JsonValue | undefined, range: IntRange): number | null {
  if (typeof v === "boolean") return null;
  const n = toNumber(v);
  if (n === undefined) return null;
  const t = Math.trunc(n) + 0;
  return t < range.min || t > range.max ? null : t;
}
