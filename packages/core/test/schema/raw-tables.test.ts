import { describe, expect, it } from "vitest";
import { parseEvent } from "../../src/events/parse-event.js";
import type { RawPaymentEventRow, RawTypedTableName } from "../../src/events/raw-rows.js";
import { toRejectedEventRow } from "../../src/events/rejected-envelope.js";
import { encodeRow } from "../../src/schema/encode-row.js";
import {
  DIM_TABLES,
  toCapabilityAdvertisedDim,
  toCapabilityModelConstraintDim,
  toCapabilityPriceDim,
  toCapabilitySnapshotDim,
} from "../../src/schema/dim-tables.js";
import { RAW_TABLES, RAW_TYPED_TABLES } from "../../src/schema/raw-tables.js";
import { allEventFiles, sampleLines } from "../events/sample-files.js";

function allTypedRows(): Map<RawTypedTableName, object[]> {
  const out = new Map<RawTypedTableName, object[]>();
  for (const file of allEventFiles())
    for (const line of sampleLines(file)) {
      const r = parseEvent(line);
      if (r.kind !== "accepted") continue;
      for (const [table, rows] of Object.entries(r.rows) as [RawTypedTableName, object[]][])
        out.set(table, [...(out.get(table) ?? []), ...rows]);
    }
  return out;
}

describe("raw table specs (events.md §5.2, §7, §8; serving.md §1.1)", () => {
  const rowsByTable = allTypedRows();

  it("has every raw table of serving.md §1.1–1.2", () => {
    expect(Object.keys(RAW_TABLES).sort()).toEqual(
      [
        "raw_ai_stream_events",
        "raw_ai_stream_status",
        "raw_discovery_results",
        "raw_network_capabilities",
        "raw_network_capabilities_advertised",
        "raw_network_capabilities_model_constraints",
        "raw_network_capabilities_prices",
        "raw_payment_events",
        "raw_stream_ingest_metrics",
        "raw_stream_trace_events",
        "raw_streaming_events",
        "raw_streaming_events_dlq",
        "raw_streaming_events_quarantine",
        "raw_unknown_events",
      ].sort(),
    );
    for (const [name, spec] of Object.entries(RAW_TABLES)) expect(spec.name).toBe(name);
  });

  it("the samples produce rows for every typed table, whose keys are exactly the columns", () => {
    expect([...rowsByTable.keys()].sort()).toEqual(Object.keys(RAW_TYPED_TABLES).sort());
    for (const [table, rows] of rowsByTable) {
      const columns = RAW_TYPED_TABLES[table].columns.map(([n]) => n as string);
      for (const row of rows) expect(Object.keys(row).sort()).toEqual([...columns].sort());
    }
  });

  it("snapshot columns follow the order of events.md §8.4a", () => {
    expect(RAW_TABLES.raw_network_capabilities.columns.map(([n]) => n)).toEqual([
      "event_timestamp",
      "raw_event_uid",
      "org",
      "gateway",
      "source_event_id",
      "snapshot_row_ordinal",
      "orchestrator_address",
      "local_address",
      "orch_uri",
      "has_hardware",
      "pipeline",
      "model_id",
      "gpu_id",
      "gpu_name",
      "gpu_memory_total",
      "gpu_memory_free",
      "gpu_major",
      "gpu_minor",
      "capability_id",
      "capability_name",
      "capability_group",
      "capability_catalog_version",
      "runner_version",
      "capacity",
      "capacity_in_use",
      "warm",
      "price_per_unit",
      "pixels_per_unit",
      "orchestrator_version",
      "raw_json",
    ]);
  });

  it("types: timestamps, nullable columns, UInt256", () => {
    const types = (t: keyof typeof RAW_TABLES) => Object.fromEntries(RAW_TABLES[t].columns);
    expect(types("raw_ai_stream_status")).toMatchObject({
      output_fps: "Float64",
      restart_count: "UInt32",
      prompt_width: "UInt16",
      last_error_time: "Nullable(DateTime64(3))",
      pipeline: "LowCardinality(String)",
    });
    expect(types("raw_payment_events")["face_value_wei"]).toBe("Nullable(UInt256)");
    expect(types("raw_stream_trace_events")["data_timestamp"]).toBe("DateTime64(3)");
    expect(types("raw_streaming_events")["timestamp"]).toBe("UInt64");
    expect(RAW_TABLES.raw_streaming_events_dlq.timestampColumns).toEqual([
      "source_record_timestamp",
      "event_timestamp",
      "ingestion_timestamp",
    ]);
    expect(RAW_TABLES.raw_streaming_events_quarantine.columns).toEqual(
      RAW_TABLES.raw_streaming_events_dlq.columns,
    );
  });

  it("encodes rows for JSONEachRow (timestamps as text, UInt256 as a decimal string)", () => {
    const pay = rowsByTable.get("raw_payment_events")![0]!;
    const enc = encodeRow(RAW_TYPED_TABLES.raw_payment_events, pay as RawPaymentEventRow);
    expect(typeof enc["face_value_wei"]).toBe("string");
    expect(enc["event_timestamp"]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/);
    const rej = parseEvent("not json");
    if (rej.kind !== "rejected") throw new Error();
    const dlq = encodeRow(
      RAW_TABLES.raw_streaming_events_dlq,
      toRejectedEventRow(rej.rejection, 1770062064713),
    );
    expect(dlq["source_record_timestamp"]).toBe("2026-02-02 19:54:24.713");
    expect(dlq["event_timestamp"]).toBeNull();
    expect(Object.keys(dlq)).toEqual(RAW_TABLES.raw_streaming_events_dlq.columns.map(([n]) => n));
  });
});

describe("capability dimensions (serving.md §1.3)", () => {
  const r = parseEvent(sampleLines("events/network_capabilities_prod_20260224.jsonl")[0]!);
  if (r.kind !== "accepted") throw new Error(r.kind);
  const snap = r.rows.raw_network_capabilities!;

  it("projects snapshot rows with the identity mapping", () => {
    const raw = snap.find((x) => x.has_hardware === 0)!;
    const dim = toCapabilitySnapshotDim(raw);
    expect(dim).toMatchObject({
      snapshot_ts: raw.event_timestamp,
      orchestrator_address: raw.orchestrator_address,
      orchestrator_proxy_address: raw.local_address,
      orchestrator_url: raw.orch_uri,
      source_event_uid: raw.raw_event_uid,
      snapshot_row_ordinal: raw.snapshot_row_ordinal,
      capability_id: 33,
      pipeline: "llm",
      has_hardware: 0,
      region: null,
    });
    expect(Object.keys(dim).sort()).toEqual(
      DIM_TABLES.dim_orchestrator_capability_snapshots.columns.map(([n]) => n).sort(),
    );
  });

  it("projects the three other fan-outs", () => {
    const adv = toCapabilityAdvertisedDim(r.rows.raw_network_capabilities_advertised![0]!);
    expect(Object.keys(adv).sort()).toEqual(
      DIM_TABLES.dim_orchestrator_capability_advertised_snapshots.columns.map(([n]) => n).sort(),
    );
    const mc = toCapabilityModelConstraintDim(
      r.rows.raw_network_capabilities_model_constraints![0]!,
    );
    expect(Object.keys(mc).sort()).toEqual(
      DIM_TABLES.dim_orchestrator_capability_model_constraints.columns.map(([n]) => n).sort(),
    );
    const pr = toCapabilityPriceDim(r.rows.raw_network_capabilities_prices![0]!);
    expect(Object.keys(pr).sort()).toEqual(
      DIM_TABLES.dim_orchestrator_capability_prices.columns.map(([n]) => n).sort(),
    );
    expect(pr.region).toBeNull();
    expect(pr.source_event_uid).toBe(r.envelope.dedupKey);
  });
});
