import { isJsonObject } from "../values/json-value.js";
import type { JsonValue } from "../values/json-value.js";

/** Version recorded for an accepted event whose envelope carries none (events.md §2). */
export const DEFAULT_EVENT_VERSION = "1";

/** Versions accepted by check V6 when none are configured (events.md §10). */
export const DEFAULT_SUPPORTED_VERSIONS: ReadonlySet<string> = new Set(["1", "v1"]);

/**
 * Schema version of an envelope (events.md §4 "Version extraction"), or `null` when absent.
 *
 * Source: root `version`; if missing or null, `data.version` (only when `data` is an object).
 * String → as is; number → its integer part as text (`1.9` → `"1"`); boolean → `"true"`/`"false"`;
 * object/array → `""` (which is then unsupported).
 * @example extractEventVersion({ version: 1.9 }) === "1"
 */
export function extractEventVersion(root: JsonValue): string | null {
  if (!isJsonObject(root)) return null;
  // `version` is never an Object.prototype member: plain reads equal getPath.
  let v = root["version"];
  if (v === undefined || v === null) {
    const data = root["data"];
    v = isJsonObject(data) ? data["version"] : undefined;
  }
  if (v === undefined || v === null) return null;
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(Math.trunc(v) + 0);
  if (typeof v === "boolean") return v ? "true" : "false";
  return "";
}

/**
 * Check V6: true when the version is absent, the supported set is empty (accept all), or the
 * set contains the version.
 */
export function isSupportedVersion(
  version: string | null,
  supported: ReadonlySet<string>,
): boolean {
  return version === null || supported.size === 0 || supported.has(version);
}
