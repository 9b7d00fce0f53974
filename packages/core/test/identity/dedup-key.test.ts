import { describe, expect, it } from "vitest";
import { dedupKey, payloadHashInput } from "../../src/identity/dedup-key.js";
import { eventDimensions, NO_DIMENSIONS } from "../../src/identity/event-dimensions.js";
import { sha256Hex } from "../../src/identity/sha256-hex.js";
import type { JsonObject } from "../../src/values/json-value.js";

const E2 =
  '{"type":"ai_stream_status","timestamp":1710000000000,"data":{"stream_id":"s1","request_id":"r1","pipeline":"p1","pipeline_id":"pid"}}';
const E2_REORDERED_REPLAY =
  '{"__replay":true,"data":{"pipeline_id":"pid","pipeline":"p1","request_id":"r1","stream_id":"s1"},"__replay_ts":1720000000000,"timestamp":1710000000000,"__replay_source":"dlq","type":"ai_stream_status"}';
const E3 =
  '{"type":"ai_stream_status","timestamp":"1770062787846","data":{"orchestrator_info":{"address":"0xAbC","url":"u"},"stream_id":"s","request_id":"r","pipeline":"p","region":"eu","timestamp":1.77e12}}';

const obj = (s: string) => JSON.parse(s) as JsonObject;

describe("sha256Hex (sessions.md §1)", () => {
  it("matches the spec vectors", () => {
    expect(sha256Hex("hello")).toBe(
      "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
    );
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });
});

describe("eventDimensions (events.md §2)", () => {
  it("prefers a non-blank orchestrator_info.address, unnormalized", () => {
    expect(eventDimensions(obj(E3))).toEqual({
      orchestrator: "0xAbC",
      broadcaster: null,
      region: "eu",
    });
  });
  it("falls back to data.orchestrator when the address is blank or not a string", () => {
    expect(
      eventDimensions({ data: { orchestrator_info: { address: "  " }, orchestrator: "o" } })
        .orchestrator,
    ).toBe("o");
    expect(
      eventDimensions({ data: { orchestrator_info: { address: 5 }, orchestrator: "o" } })
        .orchestrator,
    ).toBe("o");
    expect(
      eventDimensions({ data: { orchestrator_info: "x", orchestrator: 12 } }).orchestrator,
    ).toBe("12");
  });
  it("renders numbers/booleans with text and drops empty strings, objects and nulls", () => {
    expect(eventDimensions({ data: { broadcaster: true, region: "", orchestrator: {} } })).toEqual({
      orchestrator: null,
      broadcaster: "true",
      region: null,
    });
    expect(eventDimensions({ data: { region: " " } }).region).toBe(" ");
  });
  it("is all missing when data is not an object", () => {
    expect(eventDimensions({ data: [{ region: "eu" }] })).toEqual(NO_DIMENSIONS);
    expect(eventDimensions([1, 2])).toEqual(NO_DIMENSIONS);
  });
});

describe("dedupKey (events.md §6.1)", () => {
  it("uses a non-empty id verbatim", () => {
    expect(dedupKey(obj('{"id":" Evt-1 "}'), " Evt-1 ", "t", NO_DIMENSIONS, sha256Hex)).toEqual({
      key: " Evt-1 ",
      strategy: "event_id",
    });
  });

  it("E2: hashes type, empty dimensions and the canonical payload", () => {
    const root = obj(E2);
    expect(payloadHashInput(root, "ai_stream_status", eventDimensions(root))).toBe(
      'ai_stream_status||||{"data":{"pipeline":"p1","pipeline_id":"pid","request_id":"r1","stream_id":"s1"},"timestamp":1710000000000,"type":"ai_stream_status"}',
    );
    expect(dedupKey(root, "", "ai_stream_status", eventDimensions(root), sha256Hex)).toEqual({
      key: "21a3f3d4da010c56f316eee763226c1090185d05a6b5af6ae8b205aab6fbef16",
      strategy: "payload_hash",
    });
  });

  it("E2: a reordered replayed copy gets the same key", () => {
    const root = obj(E2_REORDERED_REPLAY);
    expect(dedupKey(root, "", "ai_stream_status", eventDimensions(root), sha256Hex).key).toBe(
      "21a3f3d4da010c56f316eee763226c1090185d05a6b5af6ae8b205aab6fbef16",
    );
  });

  it("E3: hashes the unnormalized orchestrator and region", () => {
    const root = obj(E3);
    expect(payloadHashInput(root, "ai_stream_status", eventDimensions(root))).toBe(
      'ai_stream_status|0xAbC||eu|{"data":{"orchestrator_info":{"address":"0xAbC","url":"u"},"pipeline":"p","region":"eu","request_id":"r","stream_id":"s","timestamp":1770000000000},"timestamp":"1770062787846","type":"ai_stream_status"}',
    );
    expect(dedupKey(root, "", "ai_stream_status", eventDimensions(root), sha256Hex).key).toBe(
      "739b1a212ff2b23774a084cd84bb5f1345f409907a33bd48ebbfd3025a048775",
    );
  });

  it("uses the injected SHA-256", () => {
    expect(dedupKey(obj(E2), "", "ai_stream_status", NO_DIMENSIONS, () => "h").key).toBe("h");
  });
});
