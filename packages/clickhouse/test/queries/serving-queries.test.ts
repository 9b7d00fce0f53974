// The typed queries on a simulated network: keyset pagination returns every row exactly once in
// API order, filters select exactly the matching rows, and hostile filter values are bound.
import {
  compareUtf8,
  gpuMetricsView,
  GPU_METRICS_KEYS,
  networkDemandView,
  NETWORK_DEMAND_KEYS,
  slaComplianceView,
  SLA_COMPLIANCE_KEYS,
  type ServingInputs,
} from "@livepeer-analytics/core";
import { simulateNetworkStream } from "@livepeer-analytics/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  gpuMetrics,
  GpuMetricsRowSchema,
  networkDemand,
  NetworkDemandRowSchema,
  slaCompliance,
  SlaComplianceRowSchema,
  type Keyset,
  type ServingPage,
} from "../../src/index.js";
import { expectSameRows, inWindow, integerFieldsOf } from "../views/compare-rows.js";
import {
  deriveEnvelopes,
  loadRows,
  openServingDb,
  servingInputs,
  type ServingDb,
} from "../views/serving-db.js";

const START = Date.UTC(2026, 1, 25, 19, 40);
const HOUR = 3_600_000;
const WINDOW = { start: START - HOUR, end: START + 4 * HOUR };

let sdb: ServingDb;
let inputs: ServingInputs;
beforeAll(async () => {
  sdb = await openServingDb("queries");
  const rows = deriveEnvelopes(
    simulateNetworkStream({
      seed: 9,
      startMs: START,
      durationMs: 2 * HOUR,
      sessions: 250,
      gateways: 3,
      orchestrators: 6,
    }),
    START,
  );
  await loadRows(sdb.db, rows);
  inputs = servingInputs(rows);
}, 120_000);
afterAll(() => sdb.close());

/** Every page of a query, following `nextCursor`. */
async function allPages<R>(
  query: (cursor: Keyset | undefined) => Promise<ServingPage<R>>,
): Promise<{ rows: R[]; pages: number }> {
  const rows: R[] = [];
  let cursor: Keyset | undefined;
  let pages = 0;
  for (;;) {
    const page = await query(cursor);
    pages++;
    rows.push(...page.rows);
    if (page.nextCursor === null) return { rows, pages };
    cursor = page.nextCursor;
    expect(pages).toBeLessThan(1000);
  }
}

/** API order: window_start DESC, then keys ASC in UTF-8 byte order. */
function expectApiOrder(rows: readonly object[], keys: readonly string[]): void {
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1] as Record<string, unknown>;
    const b = rows[i] as Record<string, unknown>;
    const aw = a.window_start as number;
    const bw = b.window_start as number;
    if (aw !== bw) {
      expect(aw).toBeGreaterThan(bw);
      continue;
    }
    const c = keys.map((k) => compareUtf8(a[k] as string, b[k] as string)).find((x) => x !== 0);
    expect(c, `rows ${i - 1} and ${i} out of order`).toBeLessThan(0);
  }
}

describe("pagination", () => {
  it("gpu metrics: pages of 7 hold every row once, in API order, as core computes them", async () => {
    const { rows, pages } = await allPages((cursor) =>
      gpuMetrics(sdb.db, { ...WINDOW, limit: 7, ...(cursor ? { cursor } : {}) }),
    );
    const expected = inWindow(
      gpuMetricsView(inputs, { granularity: "1h" }),
      WINDOW.start,
      WINDOW.end,
    );
    expect(pages).toBeGreaterThan(2);
    expect(rows.map((r) => [r.window_start, ...GPU_METRICS_KEYS.map((k) => r[k])])).toEqual(
      expected.map((r) => [r.window_start, ...GPU_METRICS_KEYS.map((k) => r[k])]),
    );
    expectApiOrder(rows, GPU_METRICS_KEYS);
    expectSameRows(
      rows,
      expected,
      GPU_METRICS_KEYS,
      integerFieldsOf(GpuMetricsRowSchema),
      "gpu pages",
    );
  });

  it("network demand at 5m: pages of 13", async () => {
    const { rows } = await allPages((cursor) =>
      networkDemand(sdb.db, {
        ...WINDOW,
        granularity: "5m",
        limit: 13,
        ...(cursor ? { cursor } : {}),
      }),
    );
    const expected = inWindow(
      networkDemandView(inputs, { granularity: "5m" }),
      WINDOW.start,
      WINDOW.end,
    );
    expect(rows.length).toBeGreaterThan(26);
    expectApiOrder(rows, NETWORK_DEMAND_KEYS);
    expectSameRows(
      rows,
      expected,
      NETWORK_DEMAND_KEYS,
      integerFieldsOf(NetworkDemandRowSchema),
      "demand pages",
    );
  });

  it("sla compliance: a page as large as the result has no next cursor; one smaller has", async () => {
    const all = inWindow(
      slaComplianceView(inputs, { granularity: "1h" }),
      WINDOW.start,
      WINDOW.end,
    );
    const exact = await slaCompliance(sdb.db, { ...WINDOW, limit: all.length });
    expect(exact.rows).toHaveLength(all.length);
    expect(exact.nextCursor).toBeNull();
    const short = await slaCompliance(sdb.db, { ...WINDOW, limit: all.length - 1 });
    const last = short.rows[short.rows.length - 1];
    expect(short.nextCursor).toEqual({
      w: last?.window_start,
      k: SLA_COMPLIANCE_KEYS.map((k) => last?.[k]),
    });
    const rest = await slaCompliance(sdb.db, {
      ...WINDOW,
      limit: 5,
      cursor: short.nextCursor ?? undefined,
    });
    expect(rest.rows).toHaveLength(1);
    expectSameRows(
      [...short.rows, ...rest.rows],
      all,
      SLA_COMPLIANCE_KEYS,
      integerFieldsOf(SlaComplianceRowSchema),
      "sla",
    );
  });

  it("an empty window gives no rows and no cursor", async () => {
    const page = await gpuMetrics(sdb.db, {
      start: START - 30 * 86_400_000,
      end: START - 29 * 86_400_000,
    });
    expect(page).toEqual({ rows: [], nextCursor: null });
  });
});

describe("filters", () => {
  it("each grain key of each contract selects exactly core's matching rows", async () => {
    const gpu = inWindow(gpuMetricsView(inputs, { granularity: "1h" }), WINDOW.start, WINDOW.end);
    const sample = gpu[Math.floor(gpu.length / 2)];
    expect(sample).toBeDefined();
    for (const key of GPU_METRICS_KEYS) {
      const value = sample?.[key] as string;
      const { rows } = await gpuMetrics(sdb.db, {
        ...WINDOW,
        limit: 1000,
        filters: { [key]: value },
      });
      expectSameRows(
        rows,
        gpu.filter((r) => r[key] === value),
        GPU_METRICS_KEYS,
        integerFieldsOf(GpuMetricsRowSchema),
        `gpu ${key}`,
      );
    }
    const demand = inWindow(
      networkDemandView(inputs, { granularity: "1h" }),
      WINDOW.start,
      WINDOW.end,
    );
    for (const key of NETWORK_DEMAND_KEYS) {
      const value = key === "pipeline" ? "" : (demand[0]?.[key] as string); // "" matches the empty key
      const { rows } = await networkDemand(sdb.db, {
        ...WINDOW,
        limit: 1000,
        filters: { [key]: value },
      });
      const expected = demand.filter((r) => r[key] === value);
      expect(expected.length).toBeGreaterThan(0);
      expectSameRows(
        rows,
        expected,
        NETWORK_DEMAND_KEYS,
        integerFieldsOf(NetworkDemandRowSchema),
        `demand ${key}`,
      );
    }
  });

  it("orchestrator_address is normalized (trim + lowercase) before matching", async () => {
    const sla = inWindow(
      slaComplianceView(inputs, { granularity: "1h" }),
      WINDOW.start,
      WINDOW.end,
    );
    const orch = sla[0]?.orchestrator_address ?? "";
    expect(orch).toMatch(/^0x[0-9a-f]+$/);
    const { rows } = await slaCompliance(sdb.db, {
      ...WINDOW,
      limit: 1000,
      filters: { orchestrator_address: `  ${orch.toUpperCase().replace("0X", "0x")}\n` },
    });
    expect(rows.length).toBe(sla.filter((r) => r.orchestrator_address === orch).length);
    expect(rows.every((r) => r.orchestrator_address === orch)).toBe(true);
  });

  it.each([
    "'; DROP TABLE livepeer_analytics.fact_workflow_sessions; --",
    "x' OR '1'='1",
    "\\' OR 1=1 --",
    "{start:DateTime64(3, 'UTC')}",
    '"); SELECT 1; --',
    "é😀\u0000\t\n",
    "%_*",
  ])("a hostile filter value is bound, not executed: %j", async (value) => {
    const before = await sdb.db.query<{ n: string }>(
      `SELECT count() AS n FROM ${sdb.db.database}.fact_workflow_sessions`,
    );
    for (const key of GPU_METRICS_KEYS) {
      const { rows, nextCursor } = await gpuMetrics(sdb.db, {
        ...WINDOW,
        filters: { [key]: value },
      });
      expect(rows).toEqual([]);
      expect(nextCursor).toBeNull();
    }
    const { rows } = await networkDemand(sdb.db, { ...WINDOW, filters: { gateway: value } });
    expect(rows).toEqual([]);
    const cursor = { w: WINDOW.end, k: [value, value, value, value, value] };
    const page = await slaCompliance(sdb.db, { ...WINDOW, limit: 1000, cursor });
    expect(page.rows.length).toBeGreaterThan(0);
    const after = await sdb.db.query<{ n: string }>(
      `SELECT count() AS n FROM ${sdb.db.database}.fact_workflow_sessions`,
    );
    expect(after).toEqual(before);
  });
});
