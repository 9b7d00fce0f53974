// Differential on generated edge cases: small collision-heavy fact sets (versions, tail
// artifacts, pipeline fallback, fee matching, null/blank keys, huge wei) loaded into the
// embedded engine; SQL views at every granularity, and over random unaligned windows, equal
// core's in-memory views.
import {
  dropTailArtifacts,
  gpuMetricsView,
  GPU_METRICS_KEYS,
  latestBases,
  networkDemandView,
  NETWORK_DEMAND_KEYS,
  slaComplianceView,
  SLA_COMPLIANCE_KEYS,
  type ServingInputs,
} from "@livepeer-analytics/core";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GpuMetricsRowSchema } from "../../src/queries/gpu-metrics-row.js";
import { NetworkDemandRowSchema } from "../../src/queries/network-demand-row.js";
import { SlaComplianceRowSchema } from "../../src/queries/sla-compliance-row.js";
import { gpuMetricsSelectSql } from "../../src/views/gpu-metrics-sql.js";
import { networkDemandSelectSql } from "../../src/views/network-demand-sql.js";
import { slaComplianceSelectSql } from "../../src/views/sla-compliance-sql.js";
import { expectSameRows, inWindow, integerFieldsOf } from "./compare-rows.js";
import { servingInputsArb } from "./edge-case-arbitraries.js";
import { outputRowsOf, T } from "./fact-builders.js";
import { selectWindow } from "./select-rows.js";
import { loadRows, openServingDb, truncateServingTables, type ServingDb } from "./serving-db.js";

const HOUR = 3_600_000;
const ALL = [0, T + 10 * HOUR] as const;
const RUNS = Number(process.env.LPA_EDGE_RUNS ?? 25);

let sdb: ServingDb;
beforeAll(async () => {
  sdb = await openServingDb("edge");
});
afterAll(() => sdb.close());

const GPU_INT = integerFieldsOf(GpuMetricsRowSchema);
const DEMAND_INT = integerFieldsOf(NetworkDemandRowSchema);
const SLA_INT = integerFieldsOf(SlaComplianceRowSchema);

/** Loads `inputs` into the emptied database. */
async function load(inputs: ServingInputs): Promise<void> {
  await truncateServingTables(sdb.db);
  await loadRows(sdb.db, outputRowsOf(inputs));
}

/** Ratio fields of the three contracts: each in [0, 1] or null (serving.md §3). */
const RATIOS = [
  "health_completeness_ratio",
  "failure_rate",
  "swap_rate",
  "startup_success_ratio",
  "success_ratio",
  "no_swap_ratio",
  "output_viability_ratio",
];

/** Every ratio lies in [0, 1] and `sla_score` in [0, 100] (serving.md §3, gated counters). */
function expectBounded(rows: readonly object[]): void {
  for (const row of rows as readonly Record<string, unknown>[]) {
    for (const name of RATIOS) {
      const v = row[name];
      if (typeof v === "number") expect(v >= 0 && v <= 1, `${name} = ${v}`).toBe(true);
    }
    const score = row.sla_score;
    if (typeof score === "number") expect(score >= 0 && score <= 100 + 1e-9).toBe(true);
  }
}

async function checkAll(inputs: ServingInputs, [start, end]: readonly [number, number]) {
  const db = sdb.db.database;
  for (const granularity of ["1m", "1h", "1d"] as const) {
    const scope = { granularity, windowed: true } as const;
    const gpu = await selectWindow(
      sdb.db,
      gpuMetricsSelectSql(db, scope),
      start,
      end,
      GpuMetricsRowSchema,
    );
    const coreGpu = inWindow(gpuMetricsView(inputs, { granularity }), start, end);
    expectBounded(gpu);
    expectSameRows(gpu, coreGpu, GPU_METRICS_KEYS, GPU_INT, `gpu ${granularity}`);
    const demand = await selectWindow(
      sdb.db,
      networkDemandSelectSql(db, scope),
      start,
      end,
      NetworkDemandRowSchema,
    );
    const coreDemand = inWindow(networkDemandView(inputs, { granularity }), start, end);
    expectBounded(demand);
    expectSameRows(demand, coreDemand, NETWORK_DEMAND_KEYS, DEMAND_INT, `demand ${granularity}`);
  }
  for (const granularity of ["1h", "1d"] as const) {
    const sla = await selectWindow(
      sdb.db,
      slaComplianceSelectSql(db, { granularity, windowed: true }),
      start,
      end,
      SlaComplianceRowSchema,
    );
    const coreSla = inWindow(slaComplianceView(inputs, { granularity }), start, end);
    expectBounded(sla);
    expectSameRows(sla, coreSla, SLA_COMPLIANCE_KEYS, SLA_INT, `sla ${granularity}`);
  }
}

/** A window with unaligned bounds inside the generated time range. */
const windowArb = fc
  .tuple(fc.integer({ min: -4 * 60, max: 3 * 60 }), fc.integer({ min: 1, max: 5 * 60 }))
  .map(([from, len]) => [T + from * 60_000 + 17_000, T + (from + len) * 60_000 + 17_000] as const);

describe("generated edge cases: SQL views = core views", () => {
  it("over all data and over a random window", async () => {
    let artifacts = 0;
    await fc.assert(
      fc.asyncProperty(servingInputsArb, windowArb, async (inputs, window) => {
        await load(inputs);
        await checkAll(inputs, ALL);
        await checkAll(inputs, window);
        const b = latestBases(inputs);
        artifacts += b.status.length - dropTailArtifacts(b.status, b.sessions).length;
      }),
      { numRuns: RUNS, seed: 20260225, endOnFailure: true },
    );
    // The generator must actually exercise the terminal-tail rule.
    expect(artifacts).toBeGreaterThan(0);
  }, 600_000);
});
