import { describe, expect, it } from "vitest";
import { extractEventVersion } from "../../src/events/envelope-version.js";
import { DEFAULT_SUPPORTED_VERSIONS } from "../../src/events/envelope-version.js";
import { validateEnvelope } from "../../src/events/validate-envelope.js";
import type { JsonValue } from "../../src/values/json-value.js";

const status = (extra: object = {}, data: object = {}) => ({
  type: "ai_stream_status",
  timestamp: 1710000000000,
  data: { stream_id: "s", request_id: "r", pipeline: "p", ...data },
  ...extra,
});

function reason(root: unknown, versions: ReadonlySet<string> = DEFAULT_SUPPORTED_VERSIONS): string {
  const r = validateEnvelope(root as JsonValue, versions);
  return r.ok ? "ok" : `${r.reason}: ${r.details}`;
}

describe("validateEnvelope — V1–V9 in order (events.md §4)", () => {
  it("V1 root must be an object", () => {
    for (const root of [[1, 2], "x", 5, null, true])
      expect(reason(root)).toBe("root_not_object: Root node is missing or not an object");
  });

  it("V2 type must be a JSON string", () => {
    expect(reason({ type: 7, timestamp: 1, data: {} })).toBe(
      "missing_type: Event type is missing or not a string",
    );
    expect(reason({ timestamp: 1, data: {} })).toBe(
      "missing_type: Event type is missing or not a string",
    );
    expect(reason({ type: null, timestamp: 1, data: {} })).toBe(
      "missing_type: Event type is missing or not a string",
    );
  });

  it("V3/V4 timestamp must be present and parseable", () => {
    const msg = "missing_timestamp: Event timestamp is missing or not numeric";
    for (const timestamp of ["17e11", -5, "", "1.7e12", "-5", null, true, {}, 10_000_000_000_000])
      expect(reason({ type: "x", timestamp, data: {} })).toBe(msg);
    expect(reason({ type: "x", data: {} })).toBe(msg);
    expect(reason({ type: "x", timestamp: " 1710000000000 ", data: {} })).toBe("ok");
  });

  it("V5 data key must be present (null passes)", () => {
    expect(reason({ type: "x", timestamp: 1 })).toBe("missing_data: Event data payload is missing");
    expect(reason({ type: "x", timestamp: 1, data: null })).toBe("ok");
  });

  it("checks run in order: the first failure wins", () => {
    expect(reason({ type: 7 })).toMatch(/^missing_type/);
    expect(reason({ type: "ai_stream_status", timestamp: "x" })).toMatch(/^missing_timestamp/);
    expect(reason({ type: "ai_stream_status", timestamp: 1, version: "2", data: {} })).toMatch(
      /^unsupported_version/,
    );
  });

  it("unknown types skip V6–V9", () => {
    expect(reason({ type: "pipelines_api_request", timestamp: 1, data: {} })).toBe("ok");
    expect(reason({ type: "webrtc_stats", timestamp: 1, version: "9", data: null })).toBe("ok");
    expect(reason({ type: "AI_STREAM_STATUS", timestamp: 1, data: {} })).toBe("ok"); // routing is case-sensitive
    const r = validateEnvelope(
      { type: "pipelines_api_request", timestamp: 1, data: {} },
      DEFAULT_SUPPORTED_VERSIONS,
    );
    expect(r.ok && r.family).toBeNull();
  });

  it("V6 version must be supported", () => {
    expect(reason(status({ version: "2" }))).toBe(
      "unsupported_version: Unsupported event version: 2",
    );
    expect(reason(status({ version: "v1" }))).toBe("ok");
    expect(reason(status({ version: 1.9 }))).toBe("ok");
    expect(reason(status({}, { version: "v2" }))).toBe(
      "unsupported_version: Unsupported event version: v2",
    );
    expect(reason(status({ version: {} }))).toBe(
      "unsupported_version: Unsupported event version: ",
    );
    expect(reason(status({ version: "2" }), new Set())).toBe("ok");
    expect(reason(status({ version: "2" }), new Set(["2"]))).toBe("ok");
  });

  it("V7 required paths, in listed order", () => {
    expect(reason(status({}, { stream_id: undefined }))).toBe(
      "missing_field: Missing required field: data.stream_id",
    );
    expect(reason(status({}, { stream_id: null, request_id: "" }))).toBe(
      "missing_field: Missing required field: data.stream_id",
    );
    expect(reason(status({}, { request_id: "" }))).toBe(
      "missing_field: Missing required field: data.request_id",
    );
    expect(reason(status({}, { pipeline: null }))).toBe(
      "missing_field: Missing required field: data.pipeline",
    );
    expect(reason(status({}, { stream_id: 0, request_id: false, pipeline: {} }))).toBe("ok");
    expect(reason(status({}, { stream_id: " " }))).toBe("ok"); // only "" fails, not blanks
    expect(reason({ type: "stream_ingest_metrics", timestamp: 1, data: { request_id: "r" } })).toBe(
      "missing_field: Missing required field: data.stream_id",
    );
    expect(
      reason({
        type: "stream_trace",
        timestamp: 1,
        data: { stream_id: "s", request_id: "r", type: "t" },
      }),
    ).toBe("missing_field: Missing required field: id");
    expect(
      reason({
        type: "stream_trace",
        id: "e",
        timestamp: 1,
        data: { stream_id: "s", request_id: "r" },
      }),
    ).toBe("missing_field: Missing required field: data.type");
    expect(
      reason({
        type: "ai_stream_events",
        timestamp: 1,
        data: { stream_id: "s", request_id: "r", pipeline: "p" },
      }),
    ).toBe("missing_field: Missing required field: data.type");
    expect(reason({ type: "discovery_results", timestamp: 1, data: null })).toBe(
      "missing_field: Missing required field: data",
    );
    expect(reason({ type: "network_capabilities", timestamp: 1, data: "" })).toBe(
      "missing_field: Missing required field: data",
    );
    expect(reason({ type: "stream_ingest_metrics", timestamp: 1, data: "x" })).toBe(
      "missing_field: Missing required field: data.stream_id",
    );
  });

  it("V7 create_new_payment requires nine fields but not requestID", () => {
    const data = {
      sessionID: "s",
      manifestID: "m",
      sender: "a",
      recipient: "b",
      orchestrator: "o",
      faceValue: "1 WEI",
      numTickets: "1",
      price: "1",
      winProb: "0.1",
    };
    expect(reason({ type: "create_new_payment", timestamp: 1, data })).toBe("ok");
    for (const k of Object.keys(data))
      expect(reason({ type: "create_new_payment", timestamp: 1, data: { ...data, [k]: "" } })).toBe(
        `missing_field: Missing required field: data.${k}`,
      );
  });

  it("V8 discovery_results needs a non-empty array", () => {
    expect(reason({ type: "discovery_results", timestamp: 1, data: [] })).toBe(
      "empty_array: Expected non-empty data array",
    );
    expect(reason({ type: "discovery_results", timestamp: 1, data: { a: 1 } })).toBe(
      "empty_array: Expected non-empty data array",
    );
    expect(reason({ type: "discovery_results", timestamp: 1, data: [null] })).toBe("ok");
  });

  it("V9 network_capabilities needs an object or an array", () => {
    expect(reason({ type: "network_capabilities", timestamp: 1, data: "bad-shape" })).toBe(
      "invalid_data_shape: Expected data object or array",
    );
    expect(reason({ type: "network_capabilities", timestamp: 1, data: 3 })).toBe(
      "invalid_data_shape: Expected data object or array",
    );
    expect(reason({ type: "network_capabilities", timestamp: 1, data: [] })).toBe("ok");
    expect(reason({ type: "network_capabilities", timestamp: 1, data: { address: "0xabc" } })).toBe(
      "ok",
    );
  });
});

describe("extractEventVersion (events.md §4)", () => {
  it("reads root version, else data.version", () => {
    expect(extractEventVersion({ version: "v1", data: { version: "2" } })).toBe("v1");
    expect(extractEventVersion({ version: null, data: { version: "2" } })).toBe("2");
    expect(extractEventVersion({ data: { version: 3 } })).toBe("3");
    expect(extractEventVersion({ data: [{ version: 3 }] })).toBeNull();
    expect(extractEventVersion({ data: {} })).toBeNull();
    expect(extractEventVersion([1])).toBeNull();
  });
  it("renders numbers as their integer part, booleans as text, containers as empty", () => {
    expect(extractEventVersion({ version: 1.9 })).toBe("1");
    expect(extractEventVersion({ version: -0.5 })).toBe("0");
    expect(extractEventVersion({ version: true })).toBe("true");
    expect(extractEventVersion({ version: [] })).toBe("");
  });
});
