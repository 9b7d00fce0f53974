import { createRecordParser } from "@livepeer-analytics/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { markReplay } from "../../src/index.js";

const source = { topic: "t", partition: 0, offset: 0, recordTimestamp: null };

describe("markReplay", () => {
  it("appends the three markers to a JSON object, keeping the original text", () => {
    expect(markReplay("json", '{"type":"x"}', 5)).toBe(
      '{"type":"x","__replay":true,"__replay_ts":5,"__replay_source":"dlq"}',
    );
    expect(markReplay("json", " {} \n", 7)).toBe(
      ' {"__replay":true,"__replay_ts":7,"__replay_source":"dlq"} \n',
    );
    const big = '{"a":123456789012345678901234567890,"b":"}"}';
    expect(markReplay("json", big, 1)?.startsWith(big.slice(0, -1) + ",")).toBe(true);
  });

  it("markers win over those of an earlier replay", () => {
    const once = markReplay("json", '{"__replay":false,"type":"x"}', 1) as string;
    const twice = JSON.parse(markReplay("json", once, 2) as string) as Record<string, unknown>;
    expect(twice["__replay"]).toBe(true);
    expect(twice["__replay_ts"]).toBe(2);
  });

  it("refuses payloads that cannot carry markers", () => {
    expect(markReplay("base64", "e25vdA==", 1)).toBeNull();
    expect(markReplay("json", "", 1)).toBeNull();
    expect(markReplay("json", "[1,2]", 1)).toBeNull();
    expect(markReplay("json", "null", 1)).toBeNull();
    expect(markReplay("json", '"s"', 1)).toBeNull();
    expect(markReplay("json", "{not json", 1)).toBeNull();
  });

  it("keeps the dedup key (events.md §6.1: __replay* keys are excluded) and sets replay", () => {
    const parse = createRecordParser({ org: "o" });
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string().filter((k) => !k.startsWith("__replay")),
          fc.jsonValue(),
        ),
        fc.integer({ min: 0, max: 2 ** 40 }),
        (data, ts) => {
          const text = JSON.stringify({ type: "custom_event", timestamp: 1_710_000_000_000, data });
          const a = parse(text, source);
          const b = parse(markReplay("json", text, ts), source);
          expect(b.kind).toBe(a.kind);
          if (a.kind !== "rejected" && b.kind !== "rejected") {
            expect(b.envelope.dedupKey).toBe(a.envelope.dedupKey);
            expect(b.envelope.replay).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
