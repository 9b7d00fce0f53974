import { canonicalJson } from "../identity/canonical-json.js";
import { dedupKey } from "../identity/dedup-key.js";
import { eventDimensions } from "../identity/event-dimensions.js";
import { sha256Hex } from "../identity/sha256-hex.js";
import type { Sha256Hex } from "../identity/sha256-hex.js";
import { getPath, text } from "../values/json-value.js";
import type { JsonValue } from "../values/json-value.js";
import { parseTimestamp } from "../values/timestamp.js";
import { ParsedEnvelope } from "./accepted-envelope.js";
import type { AcceptedEnvelope } from "./accepted-envelope.js";
import {
  DEFAULT_EVENT_VERSION,
  DEFAULT_SUPPORTED_VERSIONS,
  extractEventVersion,
} from "./envelope-version.js";
import { FAMILY_PARSERS } from "./family-parsers.js";
import { parseFailureDetails } from "./parse-failure-details.js";
import type { RawUnknownEventRow, TypedRows } from "./raw-rows.js";
import { decodeUtf8, encodeUtf8, toBase64 } from "./record-bytes.js";
import { UNKNOWN_ORG, UNKNOWN_SOURCE } from "./record-source.js";
import type { RecordSource } from "./record-source.js";
import { deserializationRejection, envelopeRejection, validationRejection } from "./rejection.js";
import type { Rejection } from "./rejection.js";
import { validateEnvelope } from "./validate-envelope.js";
import type { InvalidEnvelope, ValidEnvelope } from "./validate-envelope.js";

export type { RecordSource } from "./record-source.js";

/** Options of {@link parseEvent}; every field has a default. */
export interface ParseOptions {
  /** Org of the record's topic (events.md §2); default `"unknown"`. */
  readonly org?: string;
  /** Where the record came from; default topic `"unknown"`, partition 0, offset 0, no timestamp. */
  readonly source?: RecordSource;
  /** Versions accepted by check V6; default `{"1","v1"}`; an empty set accepts every version. */
  readonly supportedVersions?: ReadonlySet<string>;
  /** SHA-256 (UTF-8 in, lowercase hex out) for payload-hash keys; default pure JS (`@noble/hashes`). */
  readonly sha256?: Sha256Hex;
}

/**
 * Outcome of {@link parseEvent}: a known-family event with its typed rows, an unknown-type event
 * with its `raw_unknown_events` row, or a rejection (DLQ).
 */
export type ParseResult =
  | { readonly kind: "accepted"; readonly envelope: AcceptedEnvelope; readonly rows: TypedRows }
  | {
      readonly kind: "unknown";
      readonly envelope: AcceptedEnvelope;
      readonly row: RawUnknownEventRow;
    }
  | { readonly kind: "rejected"; readonly rejection: Rejection };

interface Settings {
  readonly org: string;
  readonly source: RecordSource;
  readonly supportedVersions: ReadonlySet<string>;
  readonly sha256: Sha256Hex;
}

/**
 * Validates and parses one record (events.md §3 steps 1–5, without dedup and size guard).
 *
 * Input: `string` / `Uint8Array` = the record text / bytes (UTF-8, malformed → U+FFFD); `null` (or
 * `undefined`) = a Kafka tombstone; any other value = an already-parsed envelope, re-read through
 * `JSON.stringify` + `JSON.parse` so it is treated exactly like its text (`raw_json` = that text).
 * Never throws: a throwing parser (a bug) becomes PARSE/PARSING_FAILED/parse_exception.
 * Dedup (`checkDedup`) and the size guard (`guardRowSize`) are applied by the caller.
 * @example parseEvent('{"type":"x","timestamp":1,"data":{}}').kind === "unknown"
 */
export function parseEvent(
  input: string | Uint8Array | object | null,
  options: ParseOptions = {},
): ParseResult {
  return parseWith(input, settingsOf(options, options.source ?? UNKNOWN_SOURCE));
}

/** {@link parseEvent} with fixed options and a per-record source (see {@link createRecordParser}). */
export type RecordParser = (
  input: string | Uint8Array | object | null,
  source: RecordSource,
  /** Org of this record when it differs from the parser's (a replayed archive mixes orgs). */
  org?: string,
) => ParseResult;

/**
 * A {@link parseEvent} with its options resolved once, for callers that parse many records:
 * `createRecordParser(o)(input, source)` equals `parseEvent(input, { ...o, source })`.
 */
export function createRecordParser(options: Omit<ParseOptions, "source"> = {}): RecordParser {
  const { org, supportedVersions, sha256 } = settingsOf(options, UNKNOWN_SOURCE);
  return (input, source, recordOrg) =>
    parseWith(input, { org: recordOrg ?? org, source, supportedVersions, sha256 });
}

function settingsOf(options: ParseOptions, source: RecordSource): Settings {
  return {
    org: options.org ?? UNKNOWN_ORG,
    source,
    supportedVersions: options.supportedVersions ?? DEFAULT_SUPPORTED_VERSIONS,
    sha256: options.sha256 ?? sha256Hex,
  };
}

function parseWith(input: string | Uint8Array | object | null, settings: Settings): ParseResult {
  try {
    return parseRecord(input, settings);
  } catch (thrown) {
    // Only a bug outside the family parsers gets here; keep the record in the DLQ.
    const body = typeof input === "string" ? input : "";
    const payload = { encoding: "json", body, canonicalJson: null } as const;
    const details = parseFailureDetails(thrown);
    return {
      kind: "rejected",
      rejection: deserializationRejection(
        "parse_exception",
        details,
        settings.org,
        settings.source,
        payload,
      ),
    };
  }
}

function parseRecord(input: unknown, s: Settings): ParseResult {
  if (input === null || input === undefined) return rejectNull(s);
  let rawText: string;
  let root: JsonValue;
  if (typeof input === "string" || input instanceof Uint8Array) {
    rawText = typeof input === "string" ? input : decodeUtf8(input);
    try {
      root = JSON.parse(rawText) as JsonValue;
    } catch (e) {
      return rejectJson(e, typeof input === "string" ? encodeUtf8(input) : input, s);
    }
  } else {
    try {
      const serialized = JSON.stringify(input) as string | undefined;
      if (serialized === undefined) throw new TypeError("value is not JSON-serializable");
      rawText = serialized;
      root = JSON.parse(rawText) as JsonValue;
    } catch (e) {
      return rejectJson(e, new Uint8Array(0), s);
    }
  }
  const check = validateEnvelope(root, s.supportedVersions);
  if (!check.ok) return rejectInvalid(check, root, rawText, s);
  return accept(check, rawText, s);
}

function rejectNull(s: Settings): ParseResult {
  const payload = { encoding: "json", body: "", canonicalJson: null } as const;
  return {
    kind: "rejected",
    rejection: deserializationRejection(
      "null_payload",
      "Record value is null",
      s.org,
      s.source,
      payload,
    ),
  };
}

function rejectJson(e: unknown, bytes: Uint8Array, s: Settings): ParseResult {
  const message = e instanceof Error ? e.message : String(e);
  const payload = { encoding: "base64", body: toBase64(bytes), canonicalJson: null } as const;
  const rejection = deserializationRejection(
    "json_parse_error",
    `JSON parse error: ${message}`,
    s.org,
    s.source,
    payload,
  );
  return { kind: "rejected", rejection };
}

function rejectInvalid(
  check: InvalidEnvelope,
  root: JsonValue,
  rawText: string,
  s: Settings,
): ParseResult {
  const identity = {
    eventId: text(getPath(root, "id")),
    eventType: text(getPath(root, "type")),
    eventVersion: extractEventVersion(root),
    eventTimestamp: parseTimestamp(getPath(root, "timestamp")) ?? null,
    replay: getPath(root, "__replay") === true,
    dimensions: eventDimensions(root),
  };
  const payload = { encoding: "json", body: rawText, canonicalJson: canonicalJson(root) } as const;
  return {
    kind: "rejected",
    rejection: validationRejection(check.reason, check.details, identity, s.org, s.source, payload),
  };
}

function accept(check: ValidEnvelope, rawText: string, s: Settings): ParseResult {
  const envelope = buildEnvelope(check, rawText, s);
  if (check.family === null) return { kind: "unknown", envelope, row: unknownEventRow(envelope) };
  const parser = FAMILY_PARSERS[check.family];
  try {
    const rows = parser({
      root: check.root,
      data: check.root["data"] ?? null,
      eventId: envelope.eventId,
      base: {
        event_timestamp: envelope.eventTimestamp,
        raw_event_uid: envelope.dedupKey,
        org: envelope.org,
        gateway: envelope.gateway,
        raw_json: rawText,
      },
    });
    return { kind: "accepted", envelope, rows };
  } catch (thrown) {
    return {
      kind: "rejected",
      rejection: envelopeRejection(envelope, "parse_exception", parseFailureDetails(thrown)),
    };
  }
}

function buildEnvelope(check: ValidEnvelope, rawText: string, s: Settings): AcceptedEnvelope {
  const root = check.root;
  const eventId = text(root["id"]);
  // An id is the key as is (no key object); only a payload-hash key reads the dimensions now,
  // an id-keyed envelope derives them when first read.
  const dimensions = eventId === "" ? eventDimensions(root) : null;
  const key =
    dimensions === null ? null : dedupKey(root, eventId, check.type, dimensions, s.sha256);
  return new ParsedEnvelope(
    eventId,
    check.type,
    check.version ?? DEFAULT_EVENT_VERSION,
    check.version,
    check.eventTimestamp,
    s.org,
    text(root["gateway"]),
    s.source,
    dimensions,
    key === null ? eventId : key.key,
    key === null ? "event_id" : key.strategy,
    root["__replay"] === true,
    rawText,
    root,
  );
}

function unknownEventRow(e: AcceptedEnvelope): RawUnknownEventRow {
  return {
    event_timestamp: e.eventTimestamp,
    raw_event_uid: e.dedupKey,
    org: e.org,
    event_type: e.eventType,
    event_version: e.eventVersion,
    gateway: e.gateway,
    source_topic: e.source.topic,
    source_partition: e.source.partition,
    source_offset: e.source.offset,
    raw_json: e.rawText,
  };
}
