// Differential: simulated networks derived by core, loaded into the embedded engine; every row
// of the three SQL views equals core's in-memory view over the same facts.
import {
  gpuMetricsView,
  GPU_METRICS_KEYS,
  networkDemandView,
  NETWORK_DEMAND_KEYS,
  slaComplianceView,
  SLA_COMPLIANCE_KEYS,
  type Granularity,
  type OutputRow,
  type ServingInputs,
  type SlaGranularity,
} from "@livepeer-analytics/core";
import { simulateNetworkStream, type NetworkConfig } from "@livepeer-analytics/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GpuMetricsRowSchema } from "../../src/queries/gpu-metrics-row.js";
import { NetworkDemandRowSchema } from "../../src/queries/network-demand-row.js";
import { SlaComplianceRowSchema } from "../../src/queries/sla-compliance-row.js";
import { gpuMetricsSelectSql } from "../../src/views/gpu-metrics-sql.js";
import { networkDemandSelectSql } from "../../src/views/network-demand-sql.js";
import { slaComplianceSelectSql } from "../../src/views/sla-compliance-sql.js";
import { API_VIEWS } from "../../src/views/api-views-sql.js";
import { SERVING_INPUT_TABLES } from "../../src/views/serving-input-tables.js";
import { expectSameRows, inWindow, integerFieldsOf } from "./compare-rows.js";
import { selectView, selectWindow } from "./select-rows.js";
import {
  deriveEnvelopes,
  loadRows,
  openServingDb,
  servingInputs,
  type ServingDb,
} from "./serving-db.js";

/** 2026-02-24T22:30:00Z: the networks run across midnight, so 1d buckets split. */
const START = Date.UTC(2026, 1, 24, 22, 30);
const HOUR = 3_600_000;
const SEEDS = [11, 12, 13, 14];
const SESSIONS_PER_SEED = Number(process.env.LPA_DIFF_SESSIONS ?? 500);

function network(seed: number): NetworkConfig {
  return {
    seed,
    startMs: START + (seed % 2) * 20 * 60_000,
    durationMs: 3 * HOUR,
    sessions: SESSIONS_PER_SEED,
    gateways: 4,
    orchestrators: 8,
    llmOrchestrators: 1,
    ...(seed % 2 === 0 ? { delivery: { duplicateRate: 0.02, shuffleWindow: 20 } } : {}),
  };
}

let sdb: ServingDb;
let inputs: ServingInputs;
const FROM = START - 24 * HOUR;
const TO = START + 48 * HOUR;

beforeAll(async () => {
  sdb = await openServingDb("diff");
  const rows: OutputRow[] = [];
  for (const seed of SEEDS)
    for (const r of deriveEnvelopes(simulateNetworkStream(network(seed)), START)) rows.push(r);
  await loadRows(
    sdb.db,
    rows.filter((r) => SERVING_INPUT_TABLES.has(r.table.name)),
  );
  inputs = servingInputs(rows);
}, 300_000);
afterAll(() => sdb.close());

/** Core's views over `inputs`, each computed once per granularity (several tests compare them). */
const memo = new Map<string, readonly object[]>();
function once<R extends object>(key: string, view: () => R[]): R[] {
  if (!memo.has(key)) memo.set(key, view());
  return memo.get(key) as R[];
}
const coreGpu = (g: Granularity) =>
  once(`gpu ${g}`, () => gpuMetricsView(inputs, { granularity: g }));
const coreDemand = (g: Granularity) =>
  once(`demand ${g}`, () => networkDemandView(inputs, { granularity: g }));
const coreSla = (g: SlaGranularity) =>
  once(`sla ${g}`, () => slaComplianceView(inputs, { granularity: g }));

const GPU_INT = integerFieldsOf(GpuMetricsRowSchema);
const DEMAND_INT = integerFieldsOf(NetworkDemandRowSchema);
const SLA_INT = integerFieldsOf(SlaComplianceRowSchema);

describe("simulated networks: SQL views = core views", () => {
  it("loads enough sessions, across midnight, with matched fees", () => {
    expect(new Set(inputs.sessions.map((s) => s.workflow_session_id)).size).toBeGreaterThanOrEqual(
      SEEDS.length * SESSIONS_PER_SEED,
    );
    const daily = coreDemand("1d");
    expect(new Set(daily.map((r) => r.window_start)).size).toBeGreaterThan(1);
    // Fees landing on a session's key (pipeline known) and fees left unmatched both occur.
    expect(daily.some((r) => r.payment_count > 0 && r.pipeline !== "")).toBe(true);
  });

  it.each<Granularity>(["5m", "1h", "1d"])("gpu metrics at %s", async (g) => {
    const sql = await selectWindow(
      sdb.db,
      gpuMetricsSelectSql(sdb.db.database, { granularity: g, windowed: true }),
      FROM,
      TO,
      GpuMetricsRowSchema,
    );
    const core = coreGpu(g);
    expect(core.length).toBeGreaterThan(0);
    expectSameRows(sql, core, GPU_METRICS_KEYS, GPU_INT, `gpu ${g}`);
  });

  it.each<Granularity>(["5m", "1h", "1d"])("network demand at %s", async (g) => {
    const sql = await selectWindow(
      sdb.db,
      networkDemandSelectSql(sdb.db.database, { granularity: g, windowed: true }),
      FROM,
      TO,
      NetworkDemandRowSchema,
    );
    const core = coreDemand(g);
    expectSameRows(sql, core, NETWORK_DEMAND_KEYS, DEMAND_INT, `demand ${g}`);
  });

  it.each<SlaGranularity>(["1h", "1d"])("sla compliance at %s", async (g) => {
    const sql = await selectWindow(
      sdb.db,
      slaComplianceSelectSql(sdb.db.database, { granularity: g, windowed: true }),
      FROM,
      TO,
      SlaComplianceRowSchema,
    );
    const core = coreSla(g);
    expectSameRows(sql, core, SLA_COMPLIANCE_KEYS, SLA_INT, `sla ${g}`);
  });

  it("the v_api_* views (1h, all data) equal core", async () => {
    expectSameRows(
      await selectView(sdb.db, API_VIEWS.gpuMetrics, GpuMetricsRowSchema),
      coreGpu("1h"),
      GPU_METRICS_KEYS,
      GPU_INT,
      "v_api_gpu_metrics",
    );
    expectSameRows(
      await selectView(sdb.db, API_VIEWS.networkDemand, NetworkDemandRowSchema),
      coreDemand("1h"),
      NETWORK_DEMAND_KEYS,
      DEMAND_INT,
      "v_api_network_demand",
    );
    expectSameRows(
      await selectView(sdb.db, API_VIEWS.slaCompliance, SlaComplianceRowSchema),
      coreSla("1h"),
      SLA_COMPLIANCE_KEYS,
      SLA_INT,
      "v_api_sla_compliance",
    );
  });

  it("a window with unaligned bounds returns exactly core's rows inside it", async () => {
    const start = START + HOUR + 37 * 60_000 + 13_000;
    const end = start + 83 * 60_000;
    for (const g of ["5m", "1h"] as const) {
      const db = sdb.db.database;
      expectSameRows(
        await selectWindow(
          sdb.db,
          gpuMetricsSelectSql(db, { granularity: g, windowed: true }),
          start,
          end,
          GpuMetricsRowSchema,
        ),
        inWindow(coreGpu(g), start, end),
        GPU_METRICS_KEYS,
        GPU_INT,
        `gpu window ${g}`,
      );
      expectSameRows(
        await selectWindow(
          sdb.db,
          networkDemandSelectSql(db, { granularity: g, windowed: true }),
          start,
          end,
          NetworkDemandRowSchema,
        ),
        inWindow(coreDemand(g), start, end),
        NETWORK_DEMAND_KEYS,
        DEMAND_INT,
        `demand window ${g}`,
      );
    }
    expectSameRows(
      await selectWindow(
        sdb.db,
        slaComplianceSelectSql(sdb.db.database, { granularity: "1h", windowed: true }),
        start,
        end,
        SlaComplianceRowSchema,
      ),
      inWindow(coreSla("1h"), start, end),
      SLA_COMPLIANCE_KEYS,
      SLA_INT,
      "sla window 1h",
    );
  });
});
