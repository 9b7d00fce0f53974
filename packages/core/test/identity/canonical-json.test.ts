import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { canonicalJson, canonicalPayloadJson } from "../../src/identity/canonical-json.js";
import type { JsonValue } from "../../src/values/json-value.js";

describe("canonicalJson (events.md §1.5, RFC 8785)", () => {
  it("renders numbers in ECMAScript shortest form", () => {
    expect(canonicalJson(JSON.parse("[1e5, 1.0, 1e21, -0, 0.1, 1.77e12, 1E-7]") as JsonValue)).toBe(
      "[100000,1,1e+21,0,0.1,1770000000000,1e-7]",
    );
  });

  it("sorts keys by UTF-16 code units, recursively, without whitespace", () => {
    const v = JSON.parse(
      '{"b":1,"a":{"z":[{"y":1,"x":2}],"A":null},"\u00e9":true,"\ud83d\ude00":0,"\uff61":1}',
    ) as JsonValue;
    // Code-unit order: the emoji (high surrogate 0xD83D) sorts before U+FF61, unlike code-point order.
    expect(canonicalJson(v)).toBe(
      '{"a":{"A":null,"z":[{"x":2,"y":1}]},"b":1,"é":true,"😀":0,"｡":1}',
    );
  });

  it("escapes strings like JSON.stringify", () => {
    expect(canonicalJson(['\u0000"\\\n\u2028', "\ud800"])).toBe(
      '["\\u0000\\"\\\\\\n\u2028","\\ud800"]',
    );
  });

  it("matches the E2 canonical payload", () => {
    const root = JSON.parse(
      '{"type":"ai_stream_status","timestamp":1710000000000,"data":{"stream_id":"s1","request_id":"r1","pipeline":"p1","pipeline_id":"pid"}}',
    ) as { [k: string]: JsonValue };
    expect(canonicalPayloadJson(root)).toBe(
      '{"data":{"pipeline":"p1","pipeline_id":"pid","request_id":"r1","stream_id":"s1"},"timestamp":1710000000000,"type":"ai_stream_status"}',
    );
  });

  it("canonicalPayloadJson drops only top-level __replay* keys", () => {
    expect(
      canonicalPayloadJson({
        __replay: true,
        __replay_ts: 1,
        __replayX: "x",
        _replay: 1,
        data: { __replay: 1 },
      }),
    ).toBe('{"_replay":1,"data":{"__replay":1}}');
  });

  const json = fc.jsonValue() as fc.Arbitrary<JsonValue>;

  it("equals a JSON.parse round trip of the value", () => {
    fc.assert(
      fc.property(json, (v) => {
        expect(JSON.parse(canonicalJson(v))).toEqual(JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 500 },
    );
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(json, (v) => {
        const c = canonicalJson(v);
        expect(canonicalJson(JSON.parse(c) as JsonValue)).toBe(c);
      }),
      { numRuns: 500 },
    );
  });

  it("ignores key order", () => {
    const reversed = (v: JsonValue): JsonValue => {
      if (Array.isArray(v)) return v.map(reversed);
      if (v === null || typeof v !== "object") return v;
      const out: { [k: string]: JsonValue } = {};
      for (const k of Object.keys(v).reverse())
        Object.defineProperty(out, k, {
          value: reversed(v[k]!),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      return out;
    };
    fc.assert(
      fc.property(json, (v) => {
        expect(canonicalJson(reversed(v))).toBe(canonicalJson(v));
      }),
      { numRuns: 500 },
    );
  });
});
