import fc from "fast-check";
import type { JsonObject, JsonValue } from "@livepeer-analytics/core";
import type { EventFamily, RecordCase } from "./expected-outcome.js";
import { EVENT_FAMILIES, REQUIRED_PATHS, rejected } from "./expected-outcome.js";
import { familyEnvelope, unknownTypeEnvelope, validEnvelope } from "./valid-envelope.js";

/** Size options for the expensive malformed inputs. */
export interface MalformedOptions {
  /** Include ≥ 1 MB string cases (`record_too_large`). Default false. */
  readonly hugeStrings?: boolean;
  /** Length of the huge string (chars, ASCII). Default 1,000,001. */
  readonly hugeStringLength?: number;
  /** Nesting depth of deep-nesting cases. Default 500. */
  readonly nestingDepth?: number;
}

const json = (v: JsonValue): string => JSON.stringify(v);
const kase = (
  label: string,
  record: string | Uint8Array | null,
  expected: RecordCase["expected"],
): RecordCase => ({ label, record, expected });

/** Deep copy of a JSON value (envelopes are mutated by the cases below). */
function clone(env: JsonObject): JsonObject {
  return JSON.parse(JSON.stringify(env)) as JsonObject;
}

/** A Kafka tombstone → `null_payload`. */
export function nullPayloadCase(): fc.Arbitrary<RecordCase> {
  return fc.constant(kase("null_payload", null, rejected("null_payload")));
}

/**
 * Text or bytes that are not JSON → `json_parse_error`: fixed broken texts, strict prefixes of a
 * valid envelope, and random bytes after a 0xFF byte (decoded as U+FFFD, never JSON).
 */
export function nonJsonCase(): fc.Arbitrary<RecordCase> {
  const fixed = fc.constantFrom(
    "not json",
    "",
    "   ",
    "{",
    "{'a':1}",
    '{"a":1,}',
    "undefined",
    "NaN",
    '{"type":"stream_trace"',
    "\u0000",
  );
  const prefix = validEnvelope().chain((env) => {
    const text = json(env);
    return fc.integer({ min: 1, max: text.length - 1 }).map((n) => text.slice(0, n));
  });
  const bytes = fc.uint8Array({ maxLength: 64 }).map((b) => Uint8Array.from([0xff, ...b]));
  return fc
    .oneof(fixed, prefix, bytes)
    .map((r) => kase("json_parse_error", r, rejected("json_parse_error")));
}

/** JSON whose root is not an object → `root_not_object`. */
export function rootNotObjectCase(opts: MalformedOptions = {}): fc.Arbitrary<RecordCase> {
  const depth = opts.nestingDepth ?? 500;
  const fixed = fc.constantFrom(
    "[1,2]",
    "42",
    '"s"',
    "null",
    "true",
    "[]",
    "[".repeat(depth) + "]".repeat(depth),
  );
  const arrayOfEnvelopes = fc
    .array(validEnvelope(), { minLength: 1, maxLength: 2 })
    .map((a) => json(a));
  return fc
    .oneof(
      fixed,
      arrayOfEnvelopes,
      fc
        .jsonValue()
        .filter((v) => typeof v !== "object" || v === null || Array.isArray(v))
        .map((v) => json(v as JsonValue)),
    )
    .map((r) => kase("root_not_object", r, rejected("root_not_object")));
}

/** Any envelope (family or unknown). */
function anyEnvelope(): fc.Arbitrary<JsonObject> {
  return fc.oneof({ weight: 4, arbitrary: validEnvelope() }, unknownTypeEnvelope());
}

/** `type` missing or not a JSON string → `missing_type`. */
export function missingTypeCase(): fc.Arbitrary<RecordCase> {
  const bad = fc.constantFrom<JsonValue | undefined>(undefined, 7, null, true, {}, [
    "stream_trace",
  ]);
  return fc.tuple(anyEnvelope(), bad).map(([env, t]) => {
    const e = clone(env);
    if (t === undefined) delete e["type"];
    else e["type"] = t;
    return kase(`missing_type:${json(t ?? "absent")}`, json(e), rejected("missing_type"));
  });
}

/** Timestamps `ts` rejects (events.md §1.2), or no timestamp key → `missing_timestamp`. */
export const BAD_TIMESTAMPS: readonly (JsonValue | undefined)[] = [
  undefined,
  null,
  "17e11",
  "1.7e12",
  "-5",
  -5,
  -1,
  "",
  " ",
  1e16,
  10_000_000_000_000,
  "10000000000000",
  "0x10",
  "１７１０００００００００００",
  {},
  [],
  true,
];

/** An envelope (valid type) with a bad or missing timestamp → `missing_timestamp`. */
export function badTimestampCase(): fc.Arbitrary<RecordCase> {
  return fc.tuple(anyEnvelope(), fc.constantFrom(...BAD_TIMESTAMPS)).map(([env, ts]) => {
    const e = clone(env);
    if (ts === undefined) delete e["timestamp"];
    else e["timestamp"] = ts;
    return kase(
      `missing_timestamp:${json(ts ?? "absent")}`,
      json(e),
      rejected("missing_timestamp"),
    );
  });
}

/** An envelope without a `data` key → `missing_data`. */
export function missingDataCase(): fc.Arbitrary<RecordCase> {
  return anyEnvelope().map((env) => {
    const e = clone(env);
    delete e["data"];
    return kase("missing_data", json(e), rejected("missing_data"));
  });
}

/** Versions outside {"1","v1"} with the text the extractor yields (events.md §4). */
const BAD_VERSIONS: ReadonlyArray<readonly [JsonValue, string]> = [
  ["2", "2"],
  ["v2", "v2"],
  [2, "2"],
  [2.7, "2"],
  [true, "true"],
  [{}, ""],
  [[], ""],
  ["", ""],
  ["1.0", "1.0"],
];

/** A family envelope with an unsupported root (or `data.version`) version → `unsupported_version`. */
export function unsupportedVersionCase(): fc.Arbitrary<RecordCase> {
  return fc
    .tuple(validEnvelope(), fc.constantFrom(...BAD_VERSIONS), fc.boolean())
    .map(([env, [v, text], inData]) => {
      const e = clone(env);
      const data = e["data"];
      if (inData && typeof data === "object" && data !== null && !Array.isArray(data)) {
        if (e["version"] !== undefined) e["version"] = null;
        data["version"] = v;
      } else {
        e["version"] = v;
      }
      return kase(`unsupported_version:${text}`, json(e), rejected("unsupported_version", text));
    });
}

function removePath(e: JsonObject, path: string, mode: "deleted" | "null" | "empty"): void {
  const keys = path.split(".");
  let cur: JsonValue | undefined = e;
  for (const k of keys.slice(0, -1))
    cur = typeof cur === "object" && cur !== null && !Array.isArray(cur) ? cur[k] : undefined;
  const last = keys[keys.length - 1] ?? "";
  if (typeof cur !== "object" || cur === null || Array.isArray(cur)) return;
  if (mode === "deleted") delete cur[last];
  else cur[last] = mode === "null" ? null : "";
}

/**
 * A family envelope with one required path (events.md §4 table) deleted, null or `""` →
 * `missing_field` naming that path (deleting the `data` key itself gives `missing_data`).
 * Also lifecycle/payment envelopes whose `data` is not an object → the family's first data path.
 */
export function missingFieldCase(): fc.Arbitrary<RecordCase> {
  const cases = EVENT_FAMILIES.flatMap((f) => REQUIRED_PATHS[f].map((p) => [f, p] as const));
  const removed = fc
    .tuple(
      fc.constantFrom(...cases),
      fc.constantFrom("deleted" as const, "null" as const, "empty" as const),
    )
    .chain(([[family, path], mode]) =>
      familyEnvelope(family).map((env) => {
        const e = clone(env);
        removePath(e, path, mode);
        if (path === "data" && mode === "deleted")
          return kase("missing_data:data:deleted", json(e), rejected("missing_data"));
        return kase(`missing_field:${path}:${mode}`, json(e), rejected("missing_field", path));
      }),
    );
  const objectFamilies = EVENT_FAMILIES.filter((f) =>
    REQUIRED_PATHS[f].some((p) => p.startsWith("data.")),
  );
  const notObject = fc
    .tuple(fc.constantFrom(...objectFamilies), fc.constantFrom<JsonValue>(null, "str", 5, true, []))
    .chain(([family, data]) =>
      familyEnvelope(family).map((env) => {
        const e = clone(env);
        e["data"] = data;
        const first = REQUIRED_PATHS[family].find((p) => p !== "id" || e["id"] === undefined) ?? "";
        return kase(`missing_field:data=${json(data)}`, json(e), rejected("missing_field", first));
      }),
    );
  return fc.oneof({ weight: 3, arbitrary: removed }, notObject);
}

/** `discovery_results` whose data is an empty array or not an array → `empty_array`. */
export function emptyArrayCase(): fc.Arbitrary<RecordCase> {
  return fc
    .tuple(familyEnvelope("discovery_results"), fc.constantFrom<JsonValue>([], {}, "x", 5, true, 0))
    .map(([env, d]) => {
      const e = clone(env);
      e["data"] = d;
      return kase(`empty_array:${json(d)}`, json(e), rejected("empty_array"));
    });
}

/** `network_capabilities` whose data is a scalar → `invalid_data_shape`. */
export function invalidDataShapeCase(): fc.Arbitrary<RecordCase> {
  return fc
    .tuple(
      familyEnvelope("network_capabilities"),
      fc.constantFrom<JsonValue>("bad-shape", 5, 0, true, false),
    )
    .map(([env, d]) => {
      const e = clone(env);
      e["data"] = d;
      return kase(`invalid_data_shape:${json(d)}`, json(e), rejected("invalid_data_shape"));
    });
}

/** Families whose required payload keys get wrong JSON types in {@link wrongTypeAcceptedCase}. */
const WRONG_TYPE_FAMILIES: readonly EventFamily[] = [
  "ai_stream_status",
  "stream_trace",
  "ai_stream_events",
  "stream_ingest_metrics",
  "create_new_payment",
];

/**
 * Required payload fields with the wrong JSON type (0, false, objects, arrays, numbers) → still
 * `accepted` (parsers are total, events.md §5.1), exercising the helper defaults.
 */
export function wrongTypeAcceptedCase(): fc.Arbitrary<RecordCase> {
  return fc
    .tuple(
      fc.constantFrom(...WRONG_TYPE_FAMILIES),
      fc.constantFrom<JsonValue>(0, false, 12.5, { a: 1 }, [1, "x"], " "),
    )
    .chain(([family, v]) =>
      familyEnvelope(family).map((env) => {
        const e = clone(env);
        const data = e["data"];
        if (typeof data === "object" && data !== null && !Array.isArray(data)) {
          for (const p of REQUIRED_PATHS[family]) if (p.startsWith("data.")) data[p.slice(5)] = v;
          data["orchestrator_info"] = v;
          data["inference_status"] = v;
        }
        return kase(`wrong_type_accepted:${family}:${json(v)}`, json(e), { kind: "accepted" });
      }),
    );
}
