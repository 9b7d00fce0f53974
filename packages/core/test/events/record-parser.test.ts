import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createRecordParser, parseEvent } from "../../src/events/parse-event.js";
import type { RecordSource } from "../../src/events/record-source.js";
import { sampleLines } from "./sample-files.js";

const SAMPLES = [
  ...sampleLines("events/ai_stream_status.jsonl"),
  ...sampleLines("events/stream_trace.jsonl"),
  ...sampleLines("events/discovery_results.jsonl"),
  ...sampleLines("events/kafka-stream-samples-a.jsonl"),
];

/** Sample records, their prefixes (broken JSON), any JSON text, tombstones and bytes. */
const anyRecord: fc.Arbitrary<string | Uint8Array | null> = fc.oneof(
  fc.constantFrom(...SAMPLES),
  fc.tuple(fc.constantFrom(...SAMPLES), fc.nat()).map(([s, n]) => s.slice(0, n % s.length)),
  fc.json(),
  fc.constant(null),
  fc.constantFrom(...SAMPLES).map((s) => new TextEncoder().encode(s)),
);

describe("createRecordParser", () => {
  it("equals parseEvent with the same options and source, for any record", () => {
    const options = { org: "acme", supportedVersions: new Set(["1", "v1", "2"]) };
    const parse = createRecordParser(options);
    fc.assert(
      fc.property(anyRecord, fc.nat(), (record, offset) => {
        const source: RecordSource = { topic: "t", partition: 3, offset, recordTimestamp: null };
        const expected = parseEvent(record, { ...options, source });
        const actual = parse(record, source);
        expect(actual.kind).toBe(expected.kind);
        if (actual.kind === "rejected" && expected.kind === "rejected")
          expect(actual.rejection).toEqual(expected.rejection);
        if (actual.kind !== "rejected" && expected.kind !== "rejected") {
          expect({ ...actual.envelope }).toEqual({ ...expected.envelope });
          expect(actual.envelope.rawStreamingEvent).toEqual(expected.envelope.rawStreamingEvent);
        }
        if (actual.kind === "accepted" && expected.kind === "accepted")
          expect(actual.rows).toEqual(expected.rows);
        if (actual.kind === "unknown" && expected.kind === "unknown")
          expect(actual.row).toEqual(expected.row);
      }),
      { numRuns: 300 },
    );
  });
});
