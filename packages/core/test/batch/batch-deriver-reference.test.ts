import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createBatchDeriver } from "../../src/batch/batch-deriver.js";
import { lifecycleEventsOf } from "../../src/batch/lifecycle-events-of.js";
import { checkDedup, createDedupState } from "../../src/events/dedup-state.js";
import { parseEvent } from "../../src/events/parse-event.js";
import type { RawNetworkCapabilitiesRow, RawTypedTableName } from "../../src/events/raw-rows.js";
import { deriveAll } from "../../src/sessions/derive-all.js";
import type { LifecycleEvent } from "../../src/sessions/lifecycle-signal.js";
import { SAMPLES_DIR } from "../events/sample-files.js";

const T0 = 1_772_000_000_000;

/** Every record of the sample files and production fixtures (lifecycle sessions, capabilities). */
function allSampleRecords(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".jsonl")) files.push(p);
    }
  };
  walk(join(SAMPLES_DIR, "events"));
  walk(join(SAMPLES_DIR, "prod-fixtures"));
  return files
    .sort()
    .flatMap((f) => readFileSync(f, "utf8").split("\n"))
    .filter((l) => l.trim() !== "");
}

const RECORDS = allSampleRecords();

/** The fact rows of events.md §11 batch mode the slow way: rows, dedup, `deriveAll`. */
function referenceFacts(records: readonly string[]): [string, unknown][] {
  const state = createDedupState();
  const events: LifecycleEvent[] = [];
  const snapshots: RawNetworkCapabilitiesRow[] = [];
  for (const record of records) {
    const r = parseEvent(record);
    if (r.kind !== "accepted" || checkDedup(state, r.envelope, T0).kind === "duplicate") continue;
    for (const [table, rows] of Object.entries(r.rows) as [RawTypedTableName, unknown[]][]) {
      for (const row of rows) {
        if (table === "raw_network_capabilities") snapshots.push(row as RawNetworkCapabilitiesRow);
        events.push(...lifecycleEventsOf(table, row));
      }
    }
  }
  const out: [string, unknown][] = [];
  for (const f of deriveAll(events, snapshots).values()) {
    const tables: [string, readonly unknown[]][] = [
      ["fact_workflow_sessions", [f.session]],
      ["fact_workflow_session_segments", f.segments],
      ["fact_workflow_param_updates", f.paramUpdates],
      ["fact_lifecycle_edge_coverage", f.coverage],
      ["fact_stream_status_samples", f.statusSamples],
      ["fact_stream_trace_edges", f.traceEdges],
      ["fact_workflow_latency_samples", [f.latency]],
    ];
    for (const [name, rows] of tables) for (const row of rows) out.push([name, row]);
  }
  return out;
}

function batchFacts(records: readonly string[]): [string, unknown][] {
  const d = createBatchDeriver({ topic: "file:t.jsonl", processingTimeMs: T0 });
  records.forEach((r, i) => d.push(r, i));
  return [...d.finish()].map((o) => [o.table.name, o.row]);
}

describe("createBatchDeriver facts = deriveAll over deduplicated lifecycle rows", () => {
  it("on every sample record", () => {
    const expected = referenceFacts(RECORDS);
    expect(expected.length).toBeGreaterThan(500);
    expect(batchFacts(RECORDS)).toEqual(expected);
  });

  it("on shuffled, repeated and edited subsets", () => {
    const edited = fc
      .constantFrom(...RECORDS)
      .map((r) => r.replace(/"timestamp":(\d)/, '"timestamp":2').replace('"ONLINE"', '"LOADING"'));
    const records = fc.array(fc.oneof(fc.constantFrom(...RECORDS), edited), { maxLength: 300 });
    fc.assert(
      fc.property(records, (rs) => {
        expect(batchFacts(rs)).toEqual(referenceFacts(rs));
      }),
      { numRuns: 40 },
    );
  });
});
