import { describe, expect, it } from "vitest";
import { parseEvent } from "../../src/events/parse-event.js";
import { parseFailureDetails } from "../../src/events/parse-failure-details.js";
import { toRejectedEventJson, toRejectedEventRow } from "../../src/events/rejected-envelope.js";
import { envelopeRejection } from "../../src/events/rejection.js";
import { failureOf, REJECTION_TAXONOMY } from "../../src/events/rejection-taxonomy.js";
import { toBase64 } from "../../src/events/record-bytes.js";
import { FAMILY_PARSERS } from "../../src/events/family-parsers.js";

describe("rejection taxonomy (events.md §5.1)", () => {
  it("lists every (stage, class, reason, destination) of the spec", () => {
    expect(
      REJECTION_TAXONOMY.map((e) => `${e.stage}/${e.failureClass}/${e.reason}/${e.destination}`),
    ).toEqual([
      "DESERIALIZATION/DESERIALIZATION_FAILED/null_payload/dlq",
      "DESERIALIZATION/DESERIALIZATION_FAILED/json_parse_error/dlq",
      "SCHEMA_VALIDATION/SCHEMA_INVALID/root_not_object/dlq",
      "SCHEMA_VALIDATION/SCHEMA_INVALID/missing_type/dlq",
      "SCHEMA_VALIDATION/SCHEMA_INVALID/missing_timestamp/dlq",
      "SCHEMA_VALIDATION/SCHEMA_INVALID/missing_data/dlq",
      "SCHEMA_VALIDATION/SCHEMA_INVALID/missing_field/dlq",
      "SCHEMA_VALIDATION/SCHEMA_INVALID/empty_array/dlq",
      "SCHEMA_VALIDATION/SCHEMA_INVALID/invalid_data_shape/dlq",
      "SCHEMA_VALIDATION/UNSUPPORTED_VERSION/unsupported_version/dlq",
      "PARSE/PARSING_FAILED/parse_exception/dlq",
      "SINK_GUARD/RECORD_TOO_LARGE/record_too_large/dlq",
      "DEDUP/DUPLICATE/duplicate_event/quarantine",
      "CLICKHOUSE_SINK/DLQ_SINK_WRITE/sink_write_failed/none",
      "SCHEMA_VALIDATION/SCHEMA_INVALID/unsupported_event_type/none",
    ]);
    expect(REJECTION_TAXONOMY.filter((e) => !e.emitted).map((e) => e.reason)).toEqual([
      "sink_write_failed",
      "unsupported_event_type",
    ]);
    expect(failureOf("missing_field").failureClass).toBe("SCHEMA_INVALID");
  });

  it("the retired unsupported_event_type is never emitted: unknown types are accepted", () => {
    expect(parseEvent('{"type":"webrtc_stats","timestamp":1,"data":{}}').kind).toBe("unknown");
  });
});

describe("parse failures (events.md §5.1, E8)", () => {
  it("details from the thrown error", () => {
    expect(parseFailureDetails(new TypeError("x is undefined"))).toBe("TypeError: x is undefined");
    expect(parseFailureDetails(new TypeError(""))).toBe("TypeError");
    expect(parseFailureDetails(new TypeError("  "))).toBe("TypeError");
    expect(parseFailureDetails("boom")).toBe("Unknown parse error");
    expect(parseFailureDetails(null)).toBe("Unknown parse error");
    expect(parseFailureDetails({ name: "" })).toBe("Unknown parse error");
  });

  it("a throwing parser becomes PARSE/PARSING_FAILED/parse_exception with the dedup key", () => {
    const parsers = FAMILY_PARSERS as Record<string, unknown>;
    const original = parsers["ai_stream_events"];
    parsers["ai_stream_events"] = () => {
      throw new TypeError("x is undefined");
    };
    try {
      const r = parseEvent(
        '{"id":"e9","type":"ai_stream_events","timestamp":1,"data":{"stream_id":"s","request_id":"r","pipeline":"p","type":"t"}}',
      );
      if (r.kind !== "rejected") throw new Error(r.kind);
      expect([
        r.rejection.stage,
        r.rejection.failureClass,
        r.rejection.reason,
        r.rejection.details,
      ]).toEqual(["PARSE", "PARSING_FAILED", "parse_exception", "TypeError: x is undefined"]);
      expect([r.rejection.dedupKey, r.rejection.dedupStrategy]).toEqual(["e9", "event_id"]);
    } finally {
      parsers["ai_stream_events"] = original;
    }
  });
});

describe("rejected envelope (events.md §5.2)", () => {
  const input =
    '{"id":"evt-1","type":"stream_trace","timestamp":"1710000000000","version":"v1","data":{"stream_id":"s","request_id":"r","orchestrator_info":{"address":"0xAB"},"region":"eu"}}';
  const source = { topic: "streaming_events", partition: 2, offset: 77, recordTimestamp: null };
  const r = parseEvent(input, { source, org: "o" });
  if (r.kind !== "rejected") throw new Error("expected rejection");

  it("snake_case row: record timestamp null → ingestion timestamp; identity and dimensions from the root", () => {
    expect(toRejectedEventRow(r.rejection, 1720000000000)).toEqual({
      schema_version: "v1",
      source_topic: "streaming_events",
      source_partition: 2,
      source_offset: 77,
      source_record_timestamp: 1720000000000,
      event_id: "evt-1",
      event_type: "stream_trace",
      event_version: "v1",
      event_timestamp: 1710000000000,
      dedup_key: null,
      dedup_strategy: null,
      replay: 0,
      failure_stage: "SCHEMA_VALIDATION",
      failure_class: "SCHEMA_INVALID",
      failure_reason: "missing_field",
      failure_details: "Missing required field: data.type",
      orchestrator: "0xAB",
      broadcaster: null,
      region: "eu",
      payload_encoding: "json",
      payload_body: input,
      payload_canonical_json:
        '{"data":{"orchestrator_info":{"address":"0xAB"},"region":"eu","request_id":"r","stream_id":"s"},"id":"evt-1","timestamp":"1710000000000","type":"stream_trace","version":"v1"}',
      ingestion_timestamp: 1720000000000,
    });
  });

  it("camelCase Kafka form", () => {
    const j = toRejectedEventJson(r.rejection, 5);
    expect(j).toMatchObject({
      schemaVersion: "v1",
      source: { topic: "streaming_events", partition: 2, offset: 77, recordTimestamp: null },
      identity: { eventId: "evt-1", eventType: "stream_trace", eventVersion: "v1" },
      eventTimestamp: 1710000000000,
      dedupKey: null,
      replay: false,
      failure: {
        stage: "SCHEMA_VALIDATION",
        failureClass: "SCHEMA_INVALID",
        reason: "missing_field",
      },
      dimensions: { orchestrator: "0xAB", broadcaster: null, region: "eu" },
      payload: { encoding: "json", body: input },
      ingestionTimestamp: 5,
    });
  });

  it("later stages carry the dedup key, the declared version (null when absent) and no canonical JSON", () => {
    const ok = parseEvent('{"type":"x","timestamp":1,"data":{}}');
    if (ok.kind !== "unknown") throw new Error(ok.kind);
    const rej = envelopeRejection(ok.envelope, "record_too_large", "Row size 2 exceeds limit 1");
    const row = toRejectedEventRow(rej, 9);
    expect(row.event_version).toBeNull();
    expect(row.dedup_key).toBe(ok.envelope.dedupKey);
    expect(row.dedup_strategy).toBe("payload_hash");
    expect(row.payload_canonical_json).toBeNull();
  });

  it("base64 is RFC 4648 padded", () => {
    const enc = (s: string) => toBase64(new TextEncoder().encode(s));
    expect(["", "f", "fo", "foo", "foob", "fooba", "foobar"].map(enc)).toEqual([
      "",
      "Zg==",
      "Zm8=",
      "Zm9v",
      "Zm9vYg==",
      "Zm9vYmE=",
      "Zm9vYmFy",
    ]);
    const bytes = new Uint8Array(256).map((_, i) => i);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
  });
});
