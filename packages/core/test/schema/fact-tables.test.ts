import { describe, expect, it } from "vitest";
import { SnapshotIndex } from "../../src/attribution/snapshot-index.js";
import { encodeRow } from "../../src/schema/encode-row.js";
import {
  FACT_STREAM_STATUS_SAMPLES,
  FACT_TABLES,
  FACT_WORKFLOW_LATENCY_SAMPLES,
  FACT_WORKFLOW_SESSION_SEGMENTS,
  FACT_WORKFLOW_SESSIONS,
} from "../../src/schema/fact-tables.js";
import { deriveSession } from "../../src/sessions/derive-session.js";
import { snapRow, status, trace } from "../sessions/builders.js";

const types = (t: { columns: ReadonlyArray<readonly [string, string]> }) =>
  Object.fromEntries(t.columns);

describe("fact tables (sessions.md §9–§15)", () => {
  it("has every fact table once", () => {
    expect(FACT_TABLES.map((t) => t.name)).toEqual([
      "fact_workflow_sessions",
      "fact_workflow_session_segments",
      "fact_workflow_param_updates",
      "fact_lifecycle_edge_coverage",
      "fact_stream_status_samples",
      "fact_stream_trace_edges",
      "fact_workflow_latency_samples",
      "fact_stream_ingest_samples",
    ]);
    for (const t of FACT_TABLES)
      expect(new Set(t.columns.map(([n]) => n)).size).toBe(t.columns.length);
  });

  it("session column types follow §9", () => {
    const c = types(FACT_WORKFLOW_SESSIONS);
    expect(c).toMatchObject({
      org: "LowCardinality(String)",
      model_id: "Nullable(String)",
      gpu_id: "Nullable(String)",
      region: "Nullable(String)",
      gpu_attribution_confidence: "Float64",
      session_start_ts: "DateTime64(3)",
      session_end_ts: "Nullable(DateTime64(3))",
      confirmed_swap_count: "UInt32",
      health_expected_signal_count: "UInt8",
      health_completeness_ratio: "Nullable(Float64)",
      first_playable_ts: "Nullable(DateTime64(3))",
      event_count: "UInt32",
      version: "UInt64",
      semantics_version: "LowCardinality(String)",
    });
    expect(FACT_WORKFLOW_SESSIONS.columns[0]?.[0]).toBe("org");
    expect(FACT_WORKFLOW_SESSIONS.columns.at(-1)?.[0]).toBe("semantics_version");
    expect(types(FACT_WORKFLOW_SESSION_SEGMENTS)["segment_index"]).toBe("UInt16");
    expect(types(FACT_STREAM_STATUS_SAMPLES)["output_fps"]).toBe("Float64");
    expect(types(FACT_WORKFLOW_LATENCY_SAMPLES)["e2e_latency_ms"]).toBe("Nullable(Float64)");
  });

  it("every derived row has exactly the table's columns and encodes", () => {
    const idx = SnapshotIndex.from([
      snapRow({ ts: 1000, uid: "c", hot: "0xh", canonical: "0xc", model: "sd", gpu: "G" }),
    ]);
    const f = deriveSession(
      [
        trace({ uid: "a", ts: 1000, type: "gateway_receive_stream_request", addr: "0xh" }),
        status({ uid: "b", ts: 2000, addr: "0xh" }),
      ],
      idx,
    );
    const pairs: Array<[(typeof FACT_TABLES)[number], object]> = [
      [FACT_TABLES[0], f.session],
      [FACT_TABLES[1], f.segments[0]!],
      [FACT_TABLES[3], f.coverage[0]!],
      [FACT_TABLES[4], f.statusSamples[0]!],
      [FACT_TABLES[5], f.traceEdges[0]!],
      [FACT_TABLES[6], f.latency],
    ];
    for (const [table, row] of pairs)
      expect(Object.keys(row).sort()).toEqual(table.columns.map(([n]) => n).sort());
    const enc = encodeRow(FACT_WORKFLOW_SESSIONS, f.session);
    expect(enc["version"]).toBe("8589934593"); // 2 events × 2^32 + 1 relevant row
    expect(enc["session_start_ts"]).toBe("1970-01-01 00:00:01.000");
    expect(Object.keys(enc)).toEqual(FACT_WORKFLOW_SESSIONS.columns.map(([n]) => n));
  });
});
