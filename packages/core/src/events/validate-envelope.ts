import { isJsonObject } from "../values/json-value.js";
import type { JsonObject, JsonValue } from "../values/json-value.js";
import { parseTimestamp } from "../values/timestamp.js";
import { field } from "./json-field.js";
import { extractEventVersion, isSupportedVersion } from "./envelope-version.js";
import { eventFamilyOf, REQUIRED_PATHS } from "./event-families.js";
import type { EventFamily } from "./event-families.js";

/** Fixed details texts of the validation failures (events.md §4). */
export const VALIDATION_DETAILS = {
  root_not_object: "Root node is missing or not an object",
  missing_type: "Event type is missing or not a string",
  missing_timestamp: "Event timestamp is missing or not numeric",
  missing_data: "Event data payload is missing",
  empty_array: "Expected non-empty data array",
  invalid_data_shape: "Expected data object or array",
} as const;

/** Reasons check V1–V9 can produce. */
export type ValidationReason =
  keyof typeof VALIDATION_DETAILS | "missing_field" | "unsupported_version";

/** A record that passed V1–V9: its root, type, family (null = unknown type), timestamp and declared version. */
export interface ValidEnvelope {
  readonly ok: true;
  readonly root: JsonObject;
  readonly type: string;
  readonly family: EventFamily | null;
  readonly eventTimestamp: number;
  readonly version: string | null;
}

/** The first failed check. */
export interface InvalidEnvelope {
  readonly ok: false;
  readonly reason: ValidationReason;
  readonly details: string;
}

/** Outcome of {@link validateEnvelope}. */
export type EnvelopeCheck = ValidEnvelope | InvalidEnvelope;

function fail(reason: keyof typeof VALIDATION_DETAILS): InvalidEnvelope {
  return { ok: false, reason, details: VALIDATION_DETAILS[reason] };
}

/**
 * The ordered envelope and schema checks V1–V9 of events.md §4; the first failure wins.
 *
 * V1 root object, V2 string `type`, V3 `timestamp` key, V4 `ts(timestamp)` present, V5 `data` key
 * (JSON null passes). An unknown `type` is valid here and skips V6–V9. V6 version supported
 * (empty set = all), V7 required paths (missing, null and `""` fail), V8 `discovery_results`
 * non-empty array, V9 `network_capabilities` object or array.
 * @example validateEnvelope([1, 2], set).reason === "root_not_object"
 */
export function validateEnvelope(
  root: JsonValue,
  supportedVersions: ReadonlySet<string>,
): EnvelopeCheck {
  if (!isJsonObject(root)) return fail("root_not_object");
  const type = root["type"];
  if (typeof type !== "string") return fail("missing_type");
  const rawTs = root["timestamp"];
  if (rawTs === undefined) return fail("missing_timestamp");
  const eventTimestamp = parseTimestamp(rawTs);
  if (eventTimestamp === undefined) return fail("missing_timestamp");
  if (root["data"] === undefined) return fail("missing_data");
  const version = extractEventVersion(root);
  const family = eventFamilyOf(type);
  if (family === null) return { ok: true, root, type, family: null, eventTimestamp, version };
  const failure = checkFamily(root, family, version, supportedVersions);
  // `type: family`: the same text, as the shared constant.
  return failure ?? { ok: true, root, type: family, family, eventTimestamp, version };
}

function checkFamily(
  root: JsonObject,
  family: EventFamily,
  version: string | null,
  supportedVersions: ReadonlySet<string>,
): InvalidEnvelope | null {
  if (!isSupportedVersion(version, supportedVersions))
    return {
      ok: false,
      reason: "unsupported_version",
      details: `Unsupported event version: ${version ?? ""}`,
    };
  for (const path of REQUIRED_PATHS[family]) {
    let v: JsonValue | undefined = root;
    for (let i = 0; i < path.length && v !== undefined; i++) v = field(v, path[i]!);
    if (v === undefined || v === null || v === "")
      return {
        ok: false,
        reason: "missing_field",
        details: `Missing required field: ${path.join(".")}`,
      };
  }
  const data = root["data"];
  if (family === "discovery_results" && !(Array.isArray(data) && data.length > 0))
    return fail("empty_array");
  if (family === "network_capabilities" && !(typeof data === "object" && data !== null))
    return fail("invalid_data_shape");
  return null;
}
