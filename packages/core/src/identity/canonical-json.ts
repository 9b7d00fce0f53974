import type { JsonObject, JsonValue } from "../values/json-value.js";

/**
 * Canonical JSON (RFC 8785 / JCS) of a JSON value (events.md §1.5).
 *
 * Rule: object keys sorted by UTF-16 code units (ordinal), no whitespace, numbers in ECMAScript
 * shortest form (`1e5` → `100000`, `1.0` → `1`, `1e21` → `1e+21`, `-0` → `0`), strings escaped as
 * `JSON.stringify` does. Values that JSON cannot hold are rendered as `JSON.stringify` renders
 * them (non-finite numbers → `null`; `undefined` members skipped, `undefined` array items → `null`).
 * @example canonicalJson({ b: 1, a: [1e5, "x"] }) === '{"a":[100000,"x"],"b":1}'
 */
export function canonicalJson(value: JsonValue): string {
  return write(value) ?? "null";
}

/**
 * Canonical JSON of an object without its top-level keys that start with `__replay` — the
 * "canonical payload" hashed by the dedup key (events.md §6.1) and compared for conflicts (§6.2).
 * @example canonicalPayloadJson({ __replay: true, b: 1 }) === '{"b":1}'
 */
export function canonicalPayloadJson(root: JsonObject): string {
  return writeObject(root, true);
}

const REPLAY_PREFIX = "__replay";

function write(v: unknown): string | undefined {
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number") return Number.isFinite(v) ? JSON.stringify(v) : "null";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v !== "object") return undefined; // undefined, function, symbol: skipped like JSON.stringify
  if (v === null) return "null";
  // A subtree whose keys are already in JCS order serializes exactly like JSON.stringify (same
  // number and string forms), natively and much faster.
  if (isCanonicalOrder(v)) return JSON.stringify(v);
  if (Array.isArray(v)) return writeArray(v);
  return writeObject(v as JsonObject, false);
}

function writeArray(a: readonly unknown[]): string {
  let out = "[";
  for (let i = 0; i < a.length; i++) {
    if (i > 0) out += ",";
    out += write(a[i]) ?? "null";
  }
  return out + "]";
}

function writeObject(o: JsonObject, skipReplay: boolean): string {
  const keys = Object.keys(o);
  // Default sort compares UTF-16 code units, which is exactly the JCS order. Producers often
  // emit sorted keys already (Go maps), so check before sorting.
  if (!isSorted(keys)) keys.sort();
  let out = "{";
  let first = true;
  for (const k of keys) {
    if (skipReplay && k.startsWith(REPLAY_PREFIX)) continue;
    const s = write(o[k]);
    if (s === undefined) continue;
    if (!first) out += ",";
    out += JSON.stringify(k) + ":" + s;
    first = false;
  }
  return out + "}";
}

/**
 * True when every object in the subtree lists its keys in ascending code-unit order and holds
 * only JSON values (so `JSON.stringify` gives the canonical form).
 */
function isCanonicalOrder(v: unknown): boolean {
  if (typeof v !== "object" || v === null) {
    return (
      typeof v === "string" ||
      typeof v === "boolean" ||
      (typeof v === "number" && Number.isFinite(v))
    );
  }
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!isCanonicalOrder(v[i])) return false;
    return true;
  }
  let prev: string | undefined;
  for (const k in v) {
    if (prev !== undefined && prev >= k) return false;
    prev = k;
    if (!isCanonicalOrder((v as Record<string, unknown>)[k])) return false;
  }
  return true;
}

function isSorted(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return false;
  return true;
}
