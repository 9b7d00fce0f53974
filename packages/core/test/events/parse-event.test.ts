import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseEvent } from "../../src/events/parse-event.js";
import type { ParseResult } from "../../src/events/parse-event.js";
import { toRejectedEventRow } from "../../src/events/rejected-envelope.js";
import type { Rejection } from "../../src/events/rejection.js";
import { sampleLines } from "./sample-files.js";

const E1_ID = "ae6f98da-5418-43cd-80d5-8d9a9521bb22";

function rejected(r: ParseResult): Rejection {
  if (r.kind !== "rejected") throw new Error(`expected a rejection, got ${r.kind}`);
  return r.rejection;
}

function accepted(r: ParseResult) {
  if (r.kind !== "accepted")
    throw new Error(
      `expected accepted, got ${r.kind}: ${r.kind === "rejected" ? r.rejection.details : ""}`,
    );
  return r;
}

describe("parseEvent — E1 status row (events.md §12)", () => {
  const line = sampleLines("events/ai_stream_status.jsonl")[0]!;
  const r = accepted(parseEvent(line));

  it("accepts the envelope with version 1 and the id as event_id key", () => {
    expect(r.envelope.eventVersion).toBe("1");
    expect(r.envelope.declaredVersion).toBeNull();
    expect(r.envelope.dedupKey).toBe(E1_ID);
    expect(r.envelope.dedupStrategy).toBe("event_id");
    expect(r.envelope.eventTimestamp).toBe(1770062064713);
    expect(r.envelope.org).toBe("unknown");
    expect(r.envelope.source).toEqual({
      topic: "unknown",
      partition: 0,
      offset: 0,
      recordTimestamp: null,
    });
    expect(r.envelope.gateway).toBe("");
    expect(r.envelope.replay).toBe(false);
  });

  it("produces the E1 row", () => {
    const rows = r.rows.raw_ai_stream_status!;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual({
      event_timestamp: 1770062064713,
      raw_event_uid: E1_ID,
      org: "unknown",
      gateway: "",
      raw_json: line,
      workflow_session_id: "stream-0h8yoh-ml5l86hk|e66dd3fd",
      stream_id: "stream-0h8yoh-ml5l86hk",
      request_id: "e66dd3fd",
      orchestrator_address: "0xcdf93b13efcf63f84f2affb01bec48a5c096c69e",
      orchestrator_url: "https://rtv.nullworks.xyz:9924",
      pipeline: "streamdiffusion-sdxl",
      state: "ONLINE",
      output_fps: 23.584042845918553,
      input_fps: 24.083704770620216,
      restart_count: 3,
      last_error:
        "Error updating params: Cannot change output resolution mid-stream (Current resolution: (512, 512) requested resolution: (1024, 1024)). Output resolution (e.g. upscalers) can only be configured when starting a new stream.",
      last_error_time: 1770057341425,
      params_hash: "f2f41bce75e30de92f8c308a6722859b",
      prompt_text: null,
      prompt_width: 512,
      prompt_height: 512,
      start_time: 1770062024704,
    });
    expect(Object.keys(r.rows)).toEqual(["raw_ai_stream_status"]);
  });

  it("builds the raw_streaming_events row", () => {
    const { data, ...rest } = JSON.parse(line) as { data: unknown };
    expect(r.envelope.rawStreamingEvent).toEqual({
      raw_event_uid: E1_ID,
      org: "unknown",
      id: E1_ID,
      type: "ai_stream_status",
      timestamp: 1770062064713,
      gateway: "",
      data: JSON.stringify(data),
      envelope_rest: JSON.stringify(rest),
      replay: 0,
      source_topic: "unknown",
      source_partition: 0,
      source_offset: 0,
    });
  });

  const envelopeOf = (r: ReturnType<typeof parseEvent>) => {
    if (r.kind === "rejected") throw new Error(r.rejection.reason);
    return r.envelope;
  };

  it("envelope_rest plus data rebuilds a record with the same dedup key", () => {
    const idless =
      '{"type":"x_custom","timestamp":"1770062064713","__replay":true,"v":1.0,"data":{"b":2,"a":[1,2]}}';
    const first = envelopeOf(parseEvent(idless, {}));
    const row = first.rawStreamingEvent;
    const rebuilt = {
      ...(JSON.parse(row.envelope_rest) as object),
      data: JSON.parse(row.data) as unknown,
    };
    const again = envelopeOf(parseEvent(rebuilt, {}));
    expect(again.dedupStrategy).toBe("payload_hash");
    expect(again.dedupKey).toBe(first.dedupKey);
    expect(JSON.parse(row.envelope_rest)).toEqual({
      type: "x_custom",
      timestamp: "1770062064713",
      __replay: true,
      v: 1,
    });
  });

  it("carries org and source options", () => {
    const source = {
      topic: "streaming_events",
      partition: 3,
      offset: 42,
      recordTimestamp: 1770062064800,
    };
    const o = accepted(parseEvent(line, { org: "daydream", source }));
    expect(o.envelope.org).toBe("daydream");
    expect(o.envelope.source).toBe(source);
    expect(o.rows.raw_ai_stream_status![0]!.org).toBe("daydream");
    expect(o.envelope.rawStreamingEvent.source_offset).toBe(42);
  });

  it("reads bytes and already-parsed envelopes the same way", () => {
    const bytes = accepted(parseEvent(new TextEncoder().encode(line)));
    expect(bytes.rows).toEqual(r.rows);
    const obj = accepted(parseEvent(JSON.parse(line) as object));
    expect(obj.envelope.rawText).toBe(JSON.stringify(JSON.parse(line)));
    expect(obj.rows.raw_ai_stream_status![0]!.raw_json).toBe(obj.envelope.rawText);
    expect({ ...obj.rows.raw_ai_stream_status![0]!, raw_json: "" }).toEqual({
      ...r.rows.raw_ai_stream_status![0]!,
      raw_json: "",
    });
  });
});

describe("parseEvent — E4 rejections (events.md §12)", () => {
  it("missing data.stream_id, replayed: DLQ with replay 1 and canonical JSON", () => {
    const input =
      '{"id":"evt-1","type":"ai_stream_status","timestamp":"1710000000000","__replay":true,"data":{"request_id":"r1","pipeline":"p1"}}';
    const rej = rejected(parseEvent(input));
    expect([rej.stage, rej.failureClass, rej.reason]).toEqual([
      "SCHEMA_VALIDATION",
      "SCHEMA_INVALID",
      "missing_field",
    ]);
    expect(rej.details).toBe("Missing required field: data.stream_id");
    const row = toRejectedEventRow(rej, 1720000000000);
    expect(row.replay).toBe(1);
    expect(row.payload_canonical_json).toBe(
      '{"__replay":true,"data":{"pipeline":"p1","request_id":"r1"},"id":"evt-1","timestamp":"1710000000000","type":"ai_stream_status"}',
    );
    expect(row.payload_encoding).toBe("json");
    expect(row.payload_body).toBe(input);
    expect(row.event_id).toBe("evt-1");
    expect(row.event_type).toBe("ai_stream_status");
    expect(row.event_version).toBeNull();
    expect(row.event_timestamp).toBe(1710000000000);
    expect(row.dedup_key).toBeNull();
    expect(row.dedup_strategy).toBeNull();
    expect(rej.destination).toBe("dlq");
  });

  it("stream_ingest_metrics with only data.request_id", () => {
    const rej = rejected(
      parseEvent('{"type":"stream_ingest_metrics","timestamp":1,"data":{"request_id":"r"}}'),
    );
    expect([rej.reason, rej.details]).toEqual([
      "missing_field",
      "Missing required field: data.stream_id",
    ]);
  });

  it("root version 2 is unsupported; 1.9 is version 1", () => {
    const base =
      '"type":"ai_stream_status","timestamp":1,"data":{"stream_id":"s","request_id":"r","pipeline":"p"}';
    const rej = rejected(parseEvent(`{"version":"2",${base}}`));
    expect([rej.failureClass, rej.reason, rej.details]).toEqual([
      "UNSUPPORTED_VERSION",
      "unsupported_version",
      "Unsupported event version: 2",
    ]);
    expect(rej.eventVersion).toBe("2");
    const ok = accepted(parseEvent(`{"version":1.9,${base}}`));
    expect(ok.envelope.eventVersion).toBe("1");
  });

  it("network_capabilities with an address only: accepted, no rows", () => {
    const ok = accepted(
      parseEvent('{"type":"network_capabilities","timestamp":1,"data":{"address":"0xabc"}}'),
    );
    expect(ok.rows).toEqual({});
  });

  it("shape and array failures", () => {
    expect(
      rejected(parseEvent('{"type":"network_capabilities","timestamp":1,"data":"bad-shape"}'))
        .reason,
    ).toBe("invalid_data_shape");
    expect(
      rejected(parseEvent('{"type":"discovery_results","timestamp":1,"data":[]}')).reason,
    ).toBe("empty_array");
    const nul = rejected(parseEvent('{"type":"discovery_results","timestamp":1,"data":null}'));
    expect([nul.reason, nul.details]).toEqual(["missing_field", "Missing required field: data"]);
    const trace = rejected(
      parseEvent(
        '{"type":"stream_trace","timestamp":1,"data":{"stream_id":"s","request_id":"r","type":"t"}}',
      ),
    );
    expect([trace.reason, trace.details]).toEqual(["missing_field", "Missing required field: id"]);
  });

  it("bad timestamps, non-object roots, non-string types", () => {
    for (const ts of ['"17e11"', "-5"])
      expect(rejected(parseEvent(`{"type":"x","timestamp":${ts},"data":{}}`)).reason).toBe(
        "missing_timestamp",
      );
    expect(rejected(parseEvent('{"type":"x","data":{}}')).reason).toBe("missing_timestamp");
    const arr = rejected(parseEvent("[1,2]"));
    expect(arr.reason).toBe("root_not_object");
    expect(arr.payload.canonicalJson).toBe("[1,2]");
    const typ = rejected(parseEvent('{"type":7,"timestamp":1,"data":{}}'));
    expect(typ.reason).toBe("missing_type");
    expect(typ.eventType).toBe("7");
  });

  it("unknown type: accepted as unknown with a raw_unknown_events row", () => {
    const input = '{"type":"pipelines_api_request","timestamp":1,"data":{}}';
    const r = parseEvent(input, {
      source: { topic: "t", partition: 1, offset: 9, recordTimestamp: null },
      org: "o",
    });
    if (r.kind !== "unknown") throw new Error(r.kind);
    expect(r.row).toEqual({
      event_timestamp: 1,
      raw_event_uid: r.envelope.dedupKey,
      org: "o",
      event_type: "pipelines_api_request",
      event_version: "1",
      gateway: "",
      source_topic: "t",
      source_partition: 1,
      source_offset: 9,
      raw_json: input,
    });
    expect(r.envelope.dedupStrategy).toBe("payload_hash");
    expect(r.envelope.dedupKey).toMatch(/^[0-9a-f]{64}$/);
  });

  it("not json: DESERIALIZATION_FAILED with base64 body", () => {
    const rej = rejected(parseEvent("not json"));
    expect([rej.stage, rej.failureClass, rej.reason]).toEqual([
      "DESERIALIZATION",
      "DESERIALIZATION_FAILED",
      "json_parse_error",
    ]);
    expect(rej.details.startsWith("JSON parse error: ")).toBe(true);
    const row = toRejectedEventRow(rej, 5);
    expect(row.payload_encoding).toBe("base64");
    expect(row.payload_body).toBe("bm90IGpzb24=");
    expect(row.payload_canonical_json).toBeNull();
    expect([row.event_id, row.event_type, row.event_version, row.replay]).toEqual([
      "",
      "",
      null,
      0,
    ]);
    expect([row.orchestrator, row.broadcaster, row.region]).toEqual([null, null, null]);
  });

  it("base64 keeps the raw bytes, including malformed UTF-8", () => {
    const bytes = new Uint8Array([0x7b, 0xff, 0x7d]);
    const rej = rejected(parseEvent(bytes));
    expect(rej.payload.body).toBe("e/99");
  });

  it("null record: DESERIALIZATION null_payload", () => {
    const rej = rejected(parseEvent(null));
    expect([rej.stage, rej.reason, rej.details]).toEqual([
      "DESERIALIZATION",
      "null_payload",
      "Record value is null",
    ]);
    expect(rej.payload).toEqual({ encoding: "json", body: "", canonicalJson: null });
  });
});

describe("parseEvent — other families", () => {
  it("E5 discovery: two rows, normalized addresses, numeric latency, element JSON", () => {
    const r = accepted(parseEvent(sampleLines("events/discovery_results.jsonl")[0]!));
    const rows = r.rows.raw_discovery_results!;
    expect(
      rows.map((x) => [x.orchestrator_address, x.orchestrator_url, x.latency_ms, x.element_index]),
    ).toEqual([
      ["0xcdf93b13efcf63f84f2affb01bec48a5c096c69e", "https://rtv.nullworks.xyz:9924", 84, 0],
      ["0xedd45674825cd5a27c4c645014f37b9e402fdcbe", "https://ai.nightnode.net:8888", 119, 1],
    ]);
    const data = (JSON.parse(r.envelope.rawText) as { data: unknown[] }).data;
    expect(rows[1]!.raw_json).toBe(JSON.stringify(data[1]));
  });

  it("discovery: a mixed-case address is lowercased; non-object elements give defaults", () => {
    const r = accepted(
      parseEvent(
        '{"type":"discovery_results","timestamp":1,"data":[{"address":" 0xEdD4 ","latency_ms":"x"},7]}',
      ),
    );
    const rows = r.rows.raw_discovery_results!;
    expect(rows[0]).toMatchObject({
      orchestrator_address: "0xedd4",
      latency_ms: 0,
      orchestrator_url: "",
    });
    expect(rows[1]).toMatchObject({
      orchestrator_address: "",
      latency_ms: 0,
      element_index: 1,
      raw_json: "7",
    });
  });

  it("E7 payment: face value kept verbatim and parsed to wei", () => {
    const line =
      sampleLines("events/event-log-2026-01-08.jsonl").find((l) =>
        l.includes("2402400000000000 WEI"),
      ) ?? "";
    const row = accepted(parseEvent(line)).rows.raw_payment_events![0]!;
    expect(row.face_value).toBe("2402400000000000 WEI");
    expect(row.face_value_wei).toBe(2402400000000000n);
    expect(row.recipient).toBe("0xd00354656922168815Fcd1e51CBddB9e359e3C7F"); // stored as received
    expect(row.price).toBe("1635.021 wei/pixel");
  });

  it("stream_trace: data_timestamp falls back to the envelope when absent or 0", () => {
    const mk = (ts: string) =>
      `{"id":"e","type":"stream_trace","timestamp":"1000","data":{"stream_id":" s ","request_id":"r","type":"gateway_receive_stream_request"${ts}}}`;
    const row = (ts: string) => accepted(parseEvent(mk(ts))).rows.raw_stream_trace_events![0]!;
    expect(row("").data_timestamp).toBe(1000);
    expect(row(',"timestamp":0').data_timestamp).toBe(1000);
    expect(row(',"timestamp":"0"').data_timestamp).toBe(1000);
    expect(row(',"timestamp":"bad"').data_timestamp).toBe(1000);
    expect(row(',"timestamp":999').data_timestamp).toBe(999);
    expect(row("").workflow_session_id).toBe("s|r");
    expect(row("").stream_id).toBe(" s ");
    expect(row("").trace_type).toBe("gateway_receive_stream_request");
  });

  it("ai_stream_events: text columns", () => {
    const line =
      sampleLines("events/kafka-stream-samples-a.jsonl").find((l) =>
        l.includes('"ai_stream_events"'),
      ) ?? "";
    const row = accepted(parseEvent(line)).rows.raw_ai_stream_events![0]!;
    expect(row).toMatchObject({
      stream_id: "stream-3hc4ok-mkfh9jxs",
      request_id: "5291f1cf",
      pipeline: "streamdiffusion-sdxl-faceid",
      event_type: "error",
      message: "whip disconnected",
      capability: "",
      workflow_session_id: "stream-3hc4ok-mkfh9jxs|5291f1cf",
    });
  });

  it("stream_ingest_metrics: last matching track wins, others default to 0", () => {
    const data = {
      stream_id: "s",
      request_id: "r",
      stats: {
        conn_quality: "good",
        peer_conn_stats: { BytesReceived: 66040673, BytesSent: "12" },
        track_stats: [
          { type: "video", jitter: 1, packets_received: 10 },
          { type: "Video", jitter: 99 },
          {
            type: "video",
            jitter: 0.5,
            packets_received: "20",
            packets_lost: -1,
            packet_loss_pct: "1.5",
            rtt: 3,
            last_input_ts: 4,
            latency: 5,
          },
        ],
      },
    };
    const row = accepted(
      parseEvent(JSON.stringify({ type: "stream_ingest_metrics", timestamp: 1, data })),
    ).rows.raw_stream_ingest_metrics![0]!;
    expect(row).toMatchObject({
      connection_quality: "good",
      bytes_received: 66040673,
      bytes_sent: 12,
      video_jitter: 0.5,
      video_packets_received: 20,
      video_packets_lost: 0, // -1 is outside UInt32 → default
      video_packet_loss_pct: 1.5,
      video_rtt: 3,
      video_last_input_ts: 4,
      video_latency: 5,
      audio_jitter: 0,
      audio_packets_received: 0,
      audio_latency: 0,
    });
  });

  it("ai_stream_status: defaults and nullables", () => {
    const data = {
      stream_id: "s",
      request_id: "r",
      pipeline: "p",
      inference_status: {
        last_params: { prompt: ["a"], width: 70000, height: "256" },
        last_error: "",
        restart_count: true,
      },
      start_time: "17e11",
    };
    const row = accepted(
      parseEvent(JSON.stringify({ type: "ai_stream_status", timestamp: 1, data })),
    ).rows.raw_ai_stream_status![0]!;
    expect(row).toMatchObject({
      prompt_text: null,
      prompt_width: 0, // outside UInt16
      prompt_height: 256,
      last_error: null,
      restart_count: 1,
      start_time: null,
      last_error_time: null,
      output_fps: 0,
      orchestrator_address: "",
      state: "",
    });
  });
});

const validEnvelope = fc.record({
  id: fc.oneof(fc.string(), fc.constant(undefined)),
  type: fc.constantFrom(
    "ai_stream_status",
    "stream_ingest_metrics",
    "stream_trace",
    "network_capabilities",
    "ai_stream_events",
    "discovery_results",
    "create_new_payment",
    "other",
  ),
  timestamp: fc.oneof(fc.integer({ min: -5, max: 2e12 }), fc.string()),
  data: fc.jsonValue(),
});

describe("parseEvent never throws (property)", () => {
  const kinds = new Set(["accepted", "unknown", "rejected"]);
  it("arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string(), (s) => kinds.has(parseEvent(s).kind)),
      { numRuns: 500 },
    );
  });
  it("arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array(), (b) => kinds.has(parseEvent(b).kind)),
      { numRuns: 500 },
    );
  });
  it("arbitrary JSON values, as text and as values", () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        (v) =>
          kinds.has(parseEvent(JSON.stringify(v)).kind) && kinds.has(parseEvent(v as object).kind),
      ),
      { numRuns: 500 },
    );
  });
  it("mutated valid envelopes", () => {
    const samples = [
      "events/network_capabilities.jsonl",
      "events/kafka-stream-samples-a.jsonl",
      "events/kafka-stream-samples-b.jsonl",
    ]
      .flatMap(sampleLines)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.jsonValue(), fc.string(), (sample, junk, key) => {
        const data = sample["data"];
        const mutated = Array.isArray(data)
          ? {
              ...sample,
              data: data.map((e: unknown): unknown =>
                typeof e === "object" && e !== null ? { ...e, [key]: junk } : junk,
              ),
            }
          : { ...sample, data: { ...(data as object), [key]: junk } };
        return kinds.has(parseEvent(JSON.stringify(mutated)).kind);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(validEnvelope, (env) => kinds.has(parseEvent(JSON.stringify(env)).kind)),
      { numRuns: 500 },
    );
  });
  it("non-JSON values", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic["self"] = cyclic;
    for (const v of [cyclic, { n: 1n }, () => 1, undefined, Symbol("x"), 5, true])
      expect(kinds.has(parseEvent(v as object).kind)).toBe(true);
    expect(rejected(parseEvent(cyclic)).reason).toBe("json_parse_error");
  });
});

describe("parseEvent — payment wei variants (events.md §8.7)", () => {
  it("parses the other sample's lowercase unit", () => {
    const line =
      sampleLines("events/kafka-stream-samples-b.jsonl").find((l) =>
        l.includes("create_new_payment"),
      ) ?? "";
    const row = accepted(parseEvent(line)).rows.raw_payment_events![0]!;
    expect(row.face_value).toBe("2416800000000000 WEI");
    expect(row.face_value_wei).toBe(2416800000000000n);
  });
});
