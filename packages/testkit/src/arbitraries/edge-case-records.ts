import fc from "fast-check";
import type { JsonObject, JsonValue } from "@livepeer-analytics/core";
import type { RecordCase } from "./expected-outcome.js";
import { rejected } from "./expected-outcome.js";
import type { MalformedOptions } from "./malformed-record.js";
import { familyEnvelope, unknownTypeEnvelope, validEnvelope } from "./valid-envelope.js";

/** Odd code units placed around ids: lone surrogates, U+0000, BOM, no-break space (none is trimmed by Java trim). */
export const ODD_UNITS: readonly string[] = ["\ud800", "\udfff", "\u0000", "\ufeff", "\u00a0"];

const encoder = new TextEncoder();

function withOddIds(env: JsonObject, unit: string, where: "before" | "after" | "both"): JsonObject {
  const wrap = (s: string): string =>
    (where === "after" ? "" : unit) + s + (where === "before" ? "" : unit);
  const e = JSON.parse(JSON.stringify(env)) as JsonObject;
  if (typeof e["id"] === "string" && e["id"] !== "") e["id"] = wrap(e["id"]);
  const data = e["data"];
  if (typeof data === "object" && data !== null && !Array.isArray(data)) {
    for (const k of ["stream_id", "request_id"]) {
      const v = data[k];
      if (typeof v === "string") data[k] = wrap(v);
    }
  }
  return e;
}

/**
 * Valid lifecycle envelopes whose ids carry odd unicode (lone surrogates, U+0000, U+FEFF, U+00A0)
 * → `accepted` (none of them is blank or trimmed away). Records are JSON text with escapes, the
 * same text with the odd unit written raw, or UTF-8 bytes (lone surrogates become U+FFFD).
 */
export function oddUnicodeCase(): fc.Arbitrary<RecordCase> {
  const env = fc.oneof(
    familyEnvelope("ai_stream_status"),
    familyEnvelope("stream_trace"),
    familyEnvelope("ai_stream_events"),
  );
  return fc
    .tuple(
      env,
      fc.constantFrom(...ODD_UNITS),
      fc.constantFrom("before" as const, "after" as const, "both" as const),
      fc.constantFrom("escaped", "raw", "bytes"),
    )
    .map(([e, unit, where, form]) => {
      const text = JSON.stringify(withOddIds(e, unit, where));
      const code = unit.charCodeAt(0).toString(16).padStart(4, "0");
      const raw = unit === "\u0000" ? text : text.split(`\\u${code}`).join(unit);
      const record = form === "bytes" ? encoder.encode(raw) : form === "raw" ? raw : text;
      return {
        label: `odd_unicode:U+${code.toUpperCase()}:${where}:${form}`,
        record,
        expected: { kind: "accepted" },
      };
    });
}

function nested(depth: number): JsonValue {
  let v: JsonValue = { leaf: true };
  for (let i = 0; i < depth; i++) v = i % 2 === 0 ? [v] : { n: v };
  return v;
}

/** A valid family envelope with a deeply nested extra payload key → `accepted`. */
export function deepNestingCase(opts: MalformedOptions = {}): fc.Arbitrary<RecordCase> {
  const depth = opts.nestingDepth ?? 500;
  return familyEnvelope("ai_stream_status").map((env) => {
    const e = JSON.parse(JSON.stringify(env)) as JsonObject;
    const data = e["data"] as JsonObject;
    data["extra"] = nested(depth);
    return {
      label: `deep_nesting:${depth}`,
      record: JSON.stringify(e),
      expected: { kind: "accepted" },
    };
  });
}

/**
 * An otherwise valid family or unknown envelope carrying a string of `hugeStringLength` chars
 * (default 1,000,001) → its row exceeds 1,000,000 bytes → `record_too_large` (events.md §9).
 * The record counts as rejected; its DLQ envelope holds the record body, so it is oversize too
 * and is itself dropped and counted in `lpa_sink_guard_drops_total` (no recursion).
 */
export function hugeStringCase(opts: MalformedOptions = {}): fc.Arbitrary<RecordCase> {
  const n = Math.max(1_000_001, opts.hugeStringLength ?? 1_000_001);
  return fc
    .tuple(
      fc.oneof(familyEnvelope("ai_stream_events"), unknownTypeEnvelope()),
      fc.constantFrom("x", "é", "\u{1F600}"),
    )
    .map(([env, ch]) => {
      const e = JSON.parse(JSON.stringify(env)) as JsonObject;
      const big = ch.repeat(Math.ceil(n / ch.length));
      if (typeof e["data"] === "object" && e["data"] !== null && !Array.isArray(e["data"]))
        e["data"]["message"] = big;
      else e["blob"] = big;
      return {
        label: `huge_string:${n}`,
        record: JSON.stringify(e),
        expected: rejected("record_too_large"),
      };
    });
}

/** A valid envelope delivered as UTF-8 bytes → `accepted`. */
export function utf8BytesCase(): fc.Arbitrary<RecordCase> {
  return validEnvelope().map((e) => ({
    label: "utf8_bytes",
    record: encoder.encode(JSON.stringify(e)),
    expected: { kind: "accepted" },
  }));
}
