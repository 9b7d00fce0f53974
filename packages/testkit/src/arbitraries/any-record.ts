import fc from "fast-check";
import type { RecordCase } from "./expected-outcome.js";
import {
  deepNestingCase,
  hugeStringCase,
  oddUnicodeCase,
  utf8BytesCase,
} from "./edge-case-records.js";
import type { MalformedOptions } from "./malformed-record.js";
import {
  badTimestampCase,
  emptyArrayCase,
  invalidDataShapeCase,
  missingDataCase,
  missingFieldCase,
  missingTypeCase,
  nonJsonCase,
  nullPayloadCase,
  rootNotObjectCase,
  unsupportedVersionCase,
  wrongTypeAcceptedCase,
} from "./malformed-record.js";
import { unknownTypeEnvelope, validEnvelope } from "./valid-envelope.js";

/**
 * Malformed or odd records, each tagged with the outcome it is built to produce: every DLQ
 * reason of events.md §3–§4 (null payload, non-JSON, root not object, missing/invalid type,
 * timestamp, data, version, required fields, empty array, data shape), wrong JSON types that must
 * still be accepted, odd unicode around ids, deep nesting and, with `hugeStrings`, ≥ 1 MB strings.
 */
export function malformedCase(opts: MalformedOptions = {}): fc.Arbitrary<RecordCase> {
  const arbs: fc.Arbitrary<RecordCase>[] = [
    nullPayloadCase(),
    nonJsonCase(),
    rootNotObjectCase(opts),
    missingTypeCase(),
    badTimestampCase(),
    missingDataCase(),
    unsupportedVersionCase(),
    missingFieldCase(),
    emptyArrayCase(),
    invalidDataShapeCase(),
    wrongTypeAcceptedCase(),
    oddUnicodeCase(),
    deepNestingCase(opts),
  ];
  if (opts.hugeStrings === true) arbs.push(hugeStringCase(opts));
  return fc.oneof(...arbs);
}

/** The records of {@link malformedCase} without their tags: string, UTF-8 bytes or null. */
export function malformedRecord(
  opts: MalformedOptions = {},
): fc.Arbitrary<string | Uint8Array | null> {
  return malformedCase(opts).map((c) => c.record);
}

/**
 * Any input record, tagged: valid family envelopes (as JSON text or bytes), unknown-type
 * envelopes and malformed records, in about equal shares.
 */
export function anyRecordCase(opts: MalformedOptions = {}): fc.Arbitrary<RecordCase> {
  const valid = validEnvelope().map((e): RecordCase => ({
    label: "valid",
    record: JSON.stringify(e),
    expected: { kind: "accepted" },
  }));
  const unknown = unknownTypeEnvelope().map((e): RecordCase => ({
    label: "unknown_type",
    record: JSON.stringify(e),
    expected: { kind: "unknown" },
  }));
  return fc.oneof(valid, utf8BytesCase(), unknown, malformedCase(opts));
}

/** Any input record (untagged form of {@link anyRecordCase}). */
export function anyRecord(opts: MalformedOptions = {}): fc.Arbitrary<string | Uint8Array | null> {
  return anyRecordCase(opts).map((c) => c.record);
}
