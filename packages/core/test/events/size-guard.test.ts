import { describe, expect, it } from "vitest";
import { parseEvent } from "../../src/events/parse-event.js";
import {
  exceedsSizeLimit,
  guardRowSize,
  MAX_RECORD_BYTES,
  sizeRow,
} from "../../src/events/size-guard.js";
import { defineTable } from "../../src/schema/table-spec.js";
import { RAW_AI_STREAM_STATUS } from "../../src/schema/raw-tables.js";
import { sampleLines } from "./sample-files.js";

const TINY = defineTable<{ a: string }>()("tiny", [["a", "String"]]);

function envelope() {
  const r = parseEvent(sampleLines("events/ai_stream_status.jsonl")[0]!);
  if (r.kind !== "accepted") throw new Error(r.kind);
  return r;
}

describe("size guard (events.md §9, E8)", () => {
  it("E8: limit 10, an 11-byte row is rejected", () => {
    const row = { a: "é1" }; // {"a":"é1"} = 11 bytes in UTF-8
    expect(sizeRow(TINY, row).bytes).toBe(11);
    const g = guardRowSize(TINY, row, envelope().envelope, 10);
    if (g.kind !== "rejected") throw new Error("expected rejection");
    const r = g.rejection;
    expect([r.stage, r.failureClass, r.reason, r.destination]).toEqual([
      "SINK_GUARD",
      "RECORD_TOO_LARGE",
      "record_too_large",
      "dlq",
    ]);
    expect(r.details).toBe("Row size 11 exceeds limit 10");
    expect(r.dedupKey).toBe("ae6f98da-5418-43cd-80d5-8d9a9521bb22");
  });

  it("size = limit passes; small rows are written", () => {
    const row = { a: "é1" };
    const ok = guardRowSize(TINY, row, envelope().envelope, 11);
    expect(ok.kind).toBe("ok");
    if (ok.kind === "ok") expect(ok.row.json).toBe('{"a":"é1"}');
    const EMPTY = defineTable<Record<never, never>>()("empty", []);
    const two = guardRowSize(EMPTY, {}, envelope().envelope, 10);
    expect(two.kind === "ok" && two.row.bytes).toBe(2); // E8: a 2-byte row is written
    expect(sizeRow(TINY, { a: "" }, 10)).toMatchObject({ bytes: 8, oversize: false });
  });

  it("measures the encoded row (timestamps rendered) with the default limit", () => {
    const p = envelope();
    const row = p.rows.raw_ai_stream_status![0]!;
    const sized = sizeRow(RAW_AI_STREAM_STATUS, row);
    expect(sized.encoded["event_timestamp"]).toBe("2026-02-02 19:54:24.713");
    expect(sized.bytes).toBe(new TextEncoder().encode(JSON.stringify(sized.encoded)).length);
    expect(MAX_RECORD_BYTES).toBe(1_000_000);
    expect(sized.oversize).toBe(false);
  });
});

describe("exceedsSizeLimit", () => {
  const table = defineTable<{ s: string }>()("t", [["s", "String"]]);
  it("agrees with the exact measurement on both sides of the limit", () => {
    for (const len of [0, 1, 5, 50, 500]) {
      const row = { s: "x\u0001é".repeat(len) };
      const bytes = sizeRow(table, row).bytes;
      expect(exceedsSizeLimit(table, row, bytes)).toBe(false);
      expect(exceedsSizeLimit(table, row, bytes - 1)).toBe(true);
    }
  });
});
