import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { samplesDir } from "../../src/fixtures/index.js";
import { checkRecord } from "../support/record-checker.js";

// The checker is itself validated against the spec's E4 rejection table and E1 sample.
describe("record checker (events.md §12 E4)", () => {
  const status = (extra: string): string =>
    `{"id":"e","type":"ai_stream_status","timestamp":"1710000000000"${extra},"data":{"stream_id":"s","request_id":"r","pipeline":"p"}}`;
  it.each([
    [
      '{"id":"evt-1","type":"ai_stream_status","timestamp":"1710000000000","__replay":true,"data":{"request_id":"r1","pipeline":"p1"}}',
      { kind: "rejected", reason: "missing_field", detail: "data.stream_id" },
    ],
    [
      '{"type":"stream_ingest_metrics","timestamp":1,"data":{"request_id":"r"}}',
      { kind: "rejected", reason: "missing_field", detail: "data.stream_id" },
    ],
    [status(',"version":"2"'), { kind: "rejected", reason: "unsupported_version", detail: "2" }],
    [status(',"version":1.9'), { kind: "accepted" }],
    [
      '{"type":"network_capabilities","timestamp":1,"data":{"address":"0xabc"}}',
      { kind: "accepted" },
    ],
    [
      '{"type":"network_capabilities","timestamp":1,"data":"bad-shape"}',
      { kind: "rejected", reason: "invalid_data_shape" },
    ],
    [
      '{"type":"discovery_results","timestamp":1,"data":[]}',
      { kind: "rejected", reason: "empty_array" },
    ],
    [
      '{"type":"discovery_results","timestamp":1,"data":null}',
      { kind: "rejected", reason: "missing_field", detail: "data" },
    ],
    [
      '{"type":"stream_trace","timestamp":1,"data":{"stream_id":"s","request_id":"r","type":"t"}}',
      { kind: "rejected", reason: "missing_field", detail: "id" },
    ],
    [
      '{"type":"x","timestamp":"17e11","data":{}}',
      { kind: "rejected", reason: "missing_timestamp" },
    ],
    ['{"type":"x","timestamp":-5,"data":{}}', { kind: "rejected", reason: "missing_timestamp" }],
    ['{"type":"x","data":{}}', { kind: "rejected", reason: "missing_timestamp" }],
    ["[1,2]", { kind: "rejected", reason: "root_not_object" }],
    ['{"type":7,"timestamp":1,"data":{}}', { kind: "rejected", reason: "missing_type" }],
    ['{"type":"pipelines_api_request","timestamp":1,"data":{}}', { kind: "unknown" }],
    ["not json", { kind: "rejected", reason: "json_parse_error" }],
  ])("%s", (record, expected) => {
    expect(checkRecord(record)).toEqual(expected);
  });

  it("accepts the E1 status sample and rejects a null record", () => {
    const line = readFileSync(
      join(samplesDir(), "events", "ai_stream_status.jsonl"),
      "utf8",
    ).trim();
    expect(checkRecord(line)).toEqual({ kind: "accepted" });
    expect(checkRecord(null)).toEqual({ kind: "rejected", reason: "null_payload" });
  });
});
