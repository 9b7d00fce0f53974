import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  factRowBound,
  maxFactStringLength,
  maxSnapshotStringLength,
} from "../../src/batch/fact-size-bound.js";
import { lifecycleEventsOf } from "../../src/batch/lifecycle-events-of.js";
import { parseEvent } from "../../src/events/parse-event.js";
import type { RawNetworkCapabilitiesRow, RawTypedTableName } from "../../src/events/raw-rows.js";
import { rowSizeUpperBound } from "../../src/schema/encode-row.js";
import { FACT_TABLES } from "../../src/schema/fact-tables.js";
import type { TableSpec } from "../../src/schema/table-spec.js";
import { deriveAll } from "../../src/sessions/derive-all.js";
import { toSignal } from "../../src/sessions/lifecycle-signal.js";
import type { LifecycleEvent } from "../../src/sessions/lifecycle-signal.js";
import { SAMPLES_DIR } from "../events/sample-files.js";

function records(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...records(p));
    else if (e.name.endsWith(".jsonl"))
      out.push(
        ...readFileSync(p, "utf8")
          .split("\n")
          .filter((l) => l.trim() !== ""),
      );
  }
  return out;
}

const RECORDS = [
  ...records(join(SAMPLES_DIR, "events")),
  ...records(join(SAMPLES_DIR, "prod-fixtures")),
];

/** Appends `pad` to every string leaf of a JSON value (İ lowercases to two units). */
function padStrings(v: unknown, pad: string): unknown {
  if (typeof v === "string") return v + pad;
  if (Array.isArray(v)) return v.map((x) => padStrings(x, pad));
  if (typeof v === "object" && v !== null)
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, padStrings(x, pad)]));
  return v;
}

/** Facts of the records, and the longest string of their signals and snapshot rows. */
function derive(texts: readonly string[]): { facts: [string, unknown][]; longest: number } {
  const events: LifecycleEvent[] = [];
  const snapshots: RawNetworkCapabilitiesRow[] = [];
  for (const text of texts) {
    const r = parseEvent(text);
    if (r.kind !== "accepted") continue;
    for (const [table, rows] of Object.entries(r.rows) as [RawTypedTableName, unknown[]][])
      for (const row of rows) {
        if (table === "raw_network_capabilities") snapshots.push(row as RawNetworkCapabilitiesRow);
        events.push(...lifecycleEventsOf(table, row));
      }
  }
  let longest = maxSnapshotStringLength(snapshots);
  for (const e of events)
    for (const v of Object.values(toSignal(e)))
      if (typeof v === "string") longest = Math.max(longest, v.length);
  const facts: [string, unknown][] = [];
  for (const f of deriveAll(events, snapshots).values()) {
    const rows: [string, readonly unknown[]][] = [
      ["fact_workflow_sessions", [f.session]],
      ["fact_workflow_session_segments", f.segments],
      ["fact_workflow_param_updates", f.paramUpdates],
      ["fact_lifecycle_edge_coverage", f.coverage],
      ["fact_stream_status_samples", f.statusSamples],
      ["fact_stream_trace_edges", f.traceEdges],
      ["fact_workflow_latency_samples", [f.latency]],
    ];
    for (const [table, list] of rows) for (const row of list) facts.push([table, row]);
  }
  return { facts, longest };
}

/** Appends `pad` to the canonical `address` of every element of a capabilities record. */
function padCanonical(text: string, pad: string): string {
  const env = JSON.parse(text) as { type?: unknown; data?: unknown };
  if (env.type !== "network_capabilities" || !Array.isArray(env.data)) return text;
  for (const el of env.data as Record<string, unknown>[])
    if (typeof el["address"] === "string") el["address"] += pad;
  return JSON.stringify(env);
}

describe("fact-size bound (batch fact rows skip size checks under it)", () => {
  it("every fact string is within maxFactStringLength of the inputs' longest string", () => {
    const pad = fc.string({ unit: fc.constantFrom("x", "\u0130", "A", " "), maxLength: 400 });
    const run = fc.record({
      texts: fc.array(fc.constantFrom(...RECORDS), { maxLength: 150 }),
      everywhere: pad,
      canonical: pad,
      share: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(run, ({ texts, everywhere, canonical, share }) => {
        // Long strings anywhere, and long canonical addresses (İ doubles when lowercased) that
        // attribution copies into session and segment rows.
        const inputs = texts.map((t, i) =>
          i < share * texts.length
            ? JSON.stringify(padStrings(JSON.parse(t), everywhere))
            : padCanonical(t, canonical),
        );
        const { facts, longest } = derive([
          ...RECORDS.map((t) => padCanonical(t, canonical)),
          ...inputs,
        ]);
        const max = maxFactStringLength(longest);
        for (const [table, row] of facts) {
          for (const v of Object.values(row as object))
            if (typeof v === "string") expect(v.length).toBeLessThanOrEqual(max);
          const spec = FACT_TABLES.find((t) => t.name === table) as TableSpec<string, unknown>;
          expect(rowSizeUpperBound(spec, row)).toBeLessThanOrEqual(factRowBound(max));
        }
      }),
      { numRuns: 25 },
    );
  });
});
