import { createHash } from "node:crypto";
import {
  createRecordParser,
  type ParseResult,
  type RawTypedTableName,
  type RecordParser,
} from "@livepeer-analytics/core";
import { describe, expect, it } from "vitest";
import { createPipelineMetrics } from "../../src/index.js";
import { decodeBatch } from "../../src/pipeline/batch-rows.js";
import { createDedupWindow } from "../../src/pipeline/dedup-window.js";
import { corpus } from "../support/kafka-harness.js";

const sha256 = (s: string): string => createHash("sha256").update(s, "utf8").digest("hex");
const enc = new TextEncoder();

/** A parser whose accepted lifecycle records gain a second row that cannot be encoded. */
function breakingAfterRows(parse: RecordParser): RecordParser {
  return (record, source) => {
    const r: ParseResult = parse(record, source);
    if (r.kind !== "accepted") return r;
    const [name, rows] = Object.entries(r.rows)[0] as [RawTypedTableName, unknown[]];
    const poison = { ...(rows[0] as object), event_timestamp: 1n }; // a bigint time throws
    return { ...r, rows: { ...r.rows, [name]: [...rows, poison] } };
  };
}

describe("decodeBatch", () => {
  it("a record that throws after some of its rows leaves no row and no event behind: DLQ only", () => {
    const lines = corpus(2, 3).slice(0, 40);
    const parse = createRecordParser({ org: "o", sha256 });
    const records = lines.map((l, i) => ({
      topic: "t",
      partition: 0,
      offset: i,
      timestamp: null,
      value: enc.encode(l),
    }));
    const metrics = createPipelineMetrics();
    const out = decodeBatch(records, {
      parserFor: () => breakingAfterRows(parse),
      dedup: createDedupWindow(sha256),
      nowMs: Date.UTC(2026, 1, 26),
      limit: 1_000_000,
      metrics,
    });
    expect(out.sessions.size).toBe(0);
    expect(out.snapshots).toHaveLength(0);
    expect(out.lines.every((l) => l.table === "raw_streaming_events_dlq")).toBe(true);
    expect(metrics.accepted + metrics.unknown).toBe(0);
    expect(metrics.rejected + metrics.duplicates).toBe(metrics.consumed);
    expect(out.rejected.filter((r) => r.destination === "dlq")).toHaveLength(metrics.rejected);
  });
});
