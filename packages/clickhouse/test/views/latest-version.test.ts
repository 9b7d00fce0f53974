// Latest version only (serving.md §2, D8): the views read the maximum-version row of each fact,
// whatever arrives twice, late or out of order, and never depend on background merges.
import {
  gpuMetricsView,
  GPU_METRICS_KEYS,
  networkDemandView,
  NETWORK_DEMAND_KEYS,
  slaComplianceView,
  SLA_COMPLIANCE_KEYS,
  type OutputRow,
} from "@livepeer-analytics/core";
import { simulateNetworkStream } from "@livepeer-analytics/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GpuMetricsRowSchema } from "../../src/queries/gpu-metrics-row.js";
import { NetworkDemandRowSchema } from "../../src/queries/network-demand-row.js";
import { SlaComplianceRowSchema } from "../../src/queries/sla-compliance-row.js";
import { API_VIEWS } from "../../src/views/api-views-sql.js";
import { SERVING_INPUT_TABLES } from "../../src/views/serving-input-tables.js";
import { expectSameRows, integerFieldsOf } from "./compare-rows.js";
import { selectView } from "./select-rows.js";
import {
  deriveEnvelopes,
  loadRows,
  openServingDb,
  servingInputs,
  truncateServingTables,
  type ServingDb,
} from "./serving-db.js";

const START = Date.UTC(2026, 1, 25, 18);
const HOUR = 3_600_000;

interface Envelope {
  readonly timestamp: number;
  readonly data: { readonly stream_id?: unknown };
}

const events = [
  ...simulateNetworkStream({ seed: 5, startMs: START, durationMs: 2 * HOUR, sessions: 300 }),
] as unknown as Envelope[];
/** Every third stream loses the last half of its events: a first derivation of lower version. */
const streamOf = (e: Envelope): string | undefined =>
  typeof e.data.stream_id === "string" ? e.data.stream_id : undefined;
const spans = new Map<string, [number, number]>();
for (const e of events) {
  const s = streamOf(e);
  if (s === undefined) continue;
  const [lo, hi] = spans.get(s) ?? [e.timestamp, e.timestamp];
  spans.set(s, [Math.min(lo, e.timestamp), Math.max(hi, e.timestamp)]);
}
const cutStreams = new Map([...spans].filter((_, i) => i % 3 === 0));
const truncated = (e: Envelope): boolean => {
  const span = cutStreams.get(streamOf(e) ?? "");
  return span !== undefined && e.timestamp > (span[0] + span[1]) / 2;
};
const servingRows = (rows: OutputRow[]) =>
  rows.filter((r) => SERVING_INPUT_TABLES.has(r.table.name));
const full = servingRows(deriveEnvelopes(events, START));
const partial = servingRows(
  deriveEnvelopes(
    events.filter((e) => !truncated(e)),
    START,
  ),
);

let sdb: ServingDb;
beforeAll(async () => {
  sdb = await openServingDb("latest");
});
afterAll(() => sdb.close());

/** Rows in a canonical order (views are unordered). */
function sorted<R extends object>(rows: R[]): R[] {
  const id = (r: R) => JSON.stringify(r);
  return rows.sort((a, b) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
}

/** The three 1h views over the whole database, rows in a canonical order. */
async function views() {
  const db = sdb.db;
  return {
    gpu: sorted(await selectView(db, API_VIEWS.gpuMetrics, GpuMetricsRowSchema)),
    demand: sorted(await selectView(db, API_VIEWS.networkDemand, NetworkDemandRowSchema)),
    sla: sorted(await selectView(db, API_VIEWS.slaCompliance, SlaComplianceRowSchema)),
  };
}

/** Expects the views to equal core's views over `rows` (any versions; core keeps the latest). */
async function expectViewsOf(rows: OutputRow[], label: string): Promise<void> {
  const inputs = servingInputs(rows);
  const v = await views();
  const h = { granularity: "1h" } as const;
  const gpuInt = integerFieldsOf(GpuMetricsRowSchema);
  expectSameRows(v.gpu, gpuMetricsView(inputs, h), GPU_METRICS_KEYS, gpuInt, `${label} gpu`);
  const demandInt = integerFieldsOf(NetworkDemandRowSchema);
  expectSameRows(
    v.demand,
    networkDemandView(inputs, h),
    NETWORK_DEMAND_KEYS,
    demandInt,
    `${label} demand`,
  );
  const slaInt = integerFieldsOf(SlaComplianceRowSchema);
  expectSameRows(v.sla, slaComplianceView(inputs, h), SLA_COMPLIANCE_KEYS, slaInt, `${label} sla`);
}

type Views = Awaited<ReturnType<typeof views>>;

/** Same rows (float sums may differ in the last bits: summation order follows storage order). */
function expectSameViews(a: Views, b: Views, label: string): void {
  expectSameRows(
    a.gpu,
    b.gpu,
    GPU_METRICS_KEYS,
    integerFieldsOf(GpuMetricsRowSchema),
    `${label} gpu`,
  );
  expectSameRows(
    a.demand,
    b.demand,
    NETWORK_DEMAND_KEYS,
    integerFieldsOf(NetworkDemandRowSchema),
    `${label} demand`,
  );
  expectSameRows(
    a.sla,
    b.sla,
    SLA_COMPLIANCE_KEYS,
    integerFieldsOf(SlaComplianceRowSchema),
    `${label} sla`,
  );
}

describe("views read only the latest version of each fact", () => {
  it("the truncated derivation really has older versions of some sessions", () => {
    const version = (rows: OutputRow[]) =>
      new Map(
        rows
          .filter((r) => r.table.name === "fact_workflow_sessions")
          .map((r) => {
            const s = r.row as { workflow_session_id: string; version: bigint };
            return [s.workflow_session_id, s.version];
          }),
      );
    const before = version(partial);
    const after = version(full);
    const older = [...before].filter(([id, v]) => (after.get(id) ?? 0n) > v);
    expect(older.length).toBeGreaterThan(20);
  });

  it("loading the same facts twice changes nothing", async () => {
    await truncateServingTables(sdb.db);
    await loadRows(sdb.db, full);
    const once = await views();
    await loadRows(sdb.db, full);
    expectSameViews(await views(), once, "twice");
    await expectViewsOf(full, "twice");
  });

  it("an older derivation loaded before or after the newer one is ignored", async () => {
    await truncateServingTables(sdb.db);
    await loadRows(sdb.db, partial);
    const stale = await views();
    await loadRows(sdb.db, full);
    await expectViewsOf(full, "old then new");
    expect((await views()).sla).not.toEqual(stale.sla);

    await truncateServingTables(sdb.db);
    await loadRows(sdb.db, full);
    await loadRows(sdb.db, partial);
    await loadRows(sdb.db, full);
    await expectViewsOf(full, "new, old, new again");
  });

  it("results do not depend on background merges (same after OPTIMIZE … FINAL)", async () => {
    const before = await views();
    for (const t of SERVING_INPUT_TABLES)
      await sdb.db.command(`OPTIMIZE TABLE ${sdb.db.database}.${t} FINAL`);
    expectSameViews(await views(), before, "after OPTIMIZE FINAL");
    await expectViewsOf(full, "after OPTIMIZE FINAL");
  });
});
