import type { JsonObject, JsonValue } from "../values/json-value.js";

/**
 * `v.key` when `v` is a JSON object, else missing (`undefined`) — the one-step form of `getPath`
 * (events.md §1.1) for the hot path, without rest-argument allocation.
 *
 * Precondition: `key` is a fixed field name that is not an `Object.prototype` member (use
 * `getPath` or an own-property check for keys taken from the data, e.g. model ids).
 * @example field({ a: 1 }, "a") === 1; field([1], "0") === undefined
 */
export function field(v: JsonValue | undefined, key: string): JsonValue | undefined {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return undefined;
  return v[key];
}

/**
 * `v` when it is a JSON object (not an array), else `undefined`: read a fixed field of it as
 * `asObject(v)?.["key"]`, which equals `field(v, "key")` (same precondition on the key). Hot
 * parsers use this form: each `?.["key"]` access is a named property load the engine caches per
 * call site, while `field`'s one keyed load serves every key and shape (megamorphic).
 * @example asObject({ a: 1 })?.["a"] === 1; asObject([1]) === undefined
 */
export function asObject(v: JsonValue | undefined): JsonObject | undefined {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? v : undefined;
}
