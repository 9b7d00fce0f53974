// Rollups (serving.md §1.5): a simulated network delivered in three late, shuffled stages; after
// each stage's write and one refresh, every rollup bucket equals its view, at every cached
// granularity — including buckets that lost a session whose start moved to an earlier hour.
import { HOUR_MS, type Granularity, type OutputRow } from "@livepeer-analytics/core";
import { simulateNetworkStream, type NetworkConfig } from "@livepeer-analytics/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  gpuMetrics,
  GpuMetricsRowSchema,
  NetworkDemandRowSchema,
  networkDemand,
  refreshRollups,
  rollupVersion,
  rollupSelectSql,
  ROLLUPS,
  SERVING_INPUT_TABLES,
  slaCompliance,
  SlaComplianceRowSchema,
  type Keyset,
  type RollupSpec,
} from "../../src/index.js";
import { expectSameRows, integerFieldsOf } from "../views/compare-rows.js";
import {
  capability,
  inputs,
  latency,
  outputRowsOf,
  session,
  status,
  T,
} from "../views/fact-builders.js";
import { selectWindow } from "../views/select-rows.js";
import { deriveEnvelopes, loadRows, openServingDb, type ServingDb } from "../views/serving-db.js";

/** 2026-02-24T22:10:00Z: the networks cross midnight, so day buckets split. */
const START = Date.UTC(2026, 1, 24, 22, 10);
const FROM = START - 24 * HOUR_MS;
const TO = START + 48 * HOUR_MS;

function network(seed: number): NetworkConfig {
  return {
    seed,
    startMs: START + (seed % 2) * 25 * 60_000,
    durationMs: 3 * HOUR_MS,
    sessions: 150,
    gateways: 3,
    orchestrators: 6,
    llmOrchestrators: 1,
    delivery: { duplicateRate: 0.02, shuffleWindow: 20 },
  };
}

/** A deterministic shuffle (LCG), so late events reach sessions already written. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const SCHEMAS: Record<RollupSpec["view"], z.ZodObject> = {
  gpu_metrics: GpuMetricsRowSchema,
  network_demand: NetworkDemandRowSchema,
  sla_compliance: SlaComplianceRowSchema,
};

let sdb: ServingDb;
/**
 * Three deliveries: most of the network in time order minus every 29th event (held back), then
 * the next part, then the rest plus the held-back events hours late. So each refresh after the
 * first has a few dirty hours, not all of them, and late events move session starts earlier.
 */
const ordered = [...simulateNetworkStream(network(31)), ...simulateNetworkStream(network(32))];
const cut0 = Math.floor(ordered.length * 0.6);
const cut1 = Math.floor(ordered.length * 0.9);
const held = new Set(ordered.slice(0, cut0).filter((_, i) => i % 29 === 0));
const deliveries = [
  ordered.slice(0, cut0).filter((e) => !held.has(e)),
  ordered.slice(cut0, cut1),
  shuffled([...ordered.slice(cut1), ...held], 7),
];
const hoursPerRefresh: number[] = [];
/** Status samples already written (a derivation MAY omit unchanged keyed rows, sessions.md §4.5). */
const writtenSamples = new Set<string>();

/** Session ids of the fact rows `events` alone derive (the sessions a delivery touches). */
function touchedSessions(events: readonly unknown[]): Set<string> {
  const ids = new Set<string>();
  for (const r of deriveEnvelopes(events, START))
    if (r.table.name.startsWith("fact_"))
      ids.add((r.row as { workflow_session_id: string }).workflow_session_id);
  return ids;
}

/**
 * What a streaming writer emits for delivery `k` (`derived`: every row of deliveries 0..k): the new versions of the touched sessions
 * only, and only the status samples not written before (unchanged keyed rows omitted), so the
 * refresh must find the other hours of a touched session itself.
 */
function streamedRows(k: number, derived: readonly OutputRow[]): OutputRow[] {
  const touched = touchedSessions(deliveries[k] ?? []);
  return derived.filter((r) => {
    if (!SERVING_INPUT_TABLES.has(r.table.name)) return false;
    if (!r.table.name.startsWith("fact_")) return true;
    const row = r.row as { workflow_session_id: string; source_event_uid?: string };
    if (!touched.has(row.workflow_session_id)) return false;
    if (r.table.name !== "fact_stream_status_samples") return true;
    const key = `${row.workflow_session_id}/${row.source_event_uid ?? ""}`;
    if (writtenSamples.has(key)) return false;
    writtenSamples.add(key);
    return true;
  });
}

beforeAll(async () => {
  sdb = await openServingDb("rollups");
});
afterAll(() => sdb.close());

async function expectRollupsEqualViews(label: string): Promise<void> {
  for (const spec of ROLLUPS)
    for (const g of spec.granularities) {
      const schema = SCHEMAS[spec.view];
      const view = await selectWindow(sdb.db, viewSelect(spec, g), FROM, TO, schema);
      const cached = await selectWindow(
        sdb.db,
        rollupSelectSql(sdb.db.database, spec, g),
        FROM,
        TO,
        schema,
      );
      expect(view.length, `${label} ${spec.view} ${g}`).toBeGreaterThan(0);
      expectSameRows(
        cached,
        view,
        spec.keys,
        integerFieldsOf(schema),
        `${label} ${spec.view} ${g}`,
      );
    }
}

/** The view's windowed SELECT (what the typed queries run with source "view"). */
function viewSelect(spec: RollupSpec, g: Granularity): string {
  return spec.viewSelect(sdb.db.database, { granularity: g, windowed: true });
}

describe("rollups equal the views after each refresh", () => {
  it.each([0, 1, 2])(
    "stage %i: write, refresh, compare every bucket",
    async (k) => {
      const rows = deriveEnvelopes(deliveries.slice(0, k + 1).flat(), START + k);
      await loadRows(sdb.db, streamedRows(k, rows));
      const before = await rollupVersion(sdb.db);
      const result = await refreshRollups(sdb.db);
      expect(result.refreshVersion).not.toBeNull();
      // The data version (what API caches key on) is null before the first refresh, then grows.
      if (k === 0) expect(before).toBeNull();
      else expect(BigInt(result.refreshVersion ?? 0)).toBeGreaterThan(BigInt(before ?? 0));
      expect(await rollupVersion(sdb.db)).toBe(result.refreshVersion);
      expect(result.hours).toBeGreaterThan(0);
      hoursPerRefresh.push(result.hours);
      await expectRollupsEqualViews(`stage ${k}`);
    },
    240_000,
  );

  it("later refreshes recompute only some hours", () => {
    expect(hoursPerRefresh[1]).toBeLessThan(hoursPerRefresh[0] ?? 0);
  });

  it("a session whose start moves and flags change, with no new samples, refreshes its other hours", async () => {
    const id = { workflow_session_id: "long|1", stream_id: "long", request_id: "1" };
    const samples = [T + 100 * 60_000, T + 160 * 60_000].map((ts, i) =>
      status({ ...id, sample_ts: ts, source_event_uid: `long-sample-${i}` }),
    );
    const v1 = { ...id, version: 1n, session_start_ts: T + 30 * 60_000 };
    await loadRows(
      sdb.db,
      outputRowsOf(
        inputs({
          sessions: [session(v1)],
          latency: [latency({ ...v1, sample_ts: v1.session_start_ts })],
          statusSamples: samples,
          capabilities: [capability({ raw_event_uid: "cap-long-1", gpu_name: "RTX 4090" })],
        }),
      ),
    );
    await refreshRollups(sdb.db);
    await expectRollupsEqualViews("long session v1");
    // v2: an earlier event moved the start into the previous hour (the old start hour keeps no
    // sample: its GPU-metrics row must disappear) and an error changed the flags that the SLA
    // rows of the two sample hours carry; the unchanged samples are not re-sent. A newer
    // snapshot renames the GPU: metadata reflects what is known now (serving.md §6.1).
    const v2 = { ...id, version: 2n, session_start_ts: T - 10 * 60_000, error_count: 1 };
    await loadRows(
      sdb.db,
      outputRowsOf(
        inputs({
          sessions: [session(v2)],
          latency: [latency({ ...v2, sample_ts: v2.session_start_ts })],
          capabilities: [
            capability({
              raw_event_uid: "cap-long-2",
              event_timestamp: T + 1,
              gpu_name: "RTX 5090",
            }),
          ],
        }),
      ),
    );
    await refreshRollups(sdb.db);
    await expectRollupsEqualViews("long session v2");
    const [row] = (await gpuMetrics(sdb.db, { start: T - HOUR_MS, end: T + 4 * HOUR_MS })).rows;
    expect(row?.gpu_name).toBe("RTX 5090");
  });

  it("a newer snapshot alone re-stamps the metadata of every bucket of its GPU", async () => {
    const window = { start: FROM, end: TO, limit: 1000 };
    const before = (await gpuMetrics(sdb.db, window, { source: "rollup" })).rows;
    const buckets = new Map<string, Set<number>>();
    for (const r of before) {
      const pair = JSON.stringify([r.orchestrator_address, r.gpu_id]);
      buckets.set(pair, (buckets.get(pair) ?? new Set()).add(r.window_start));
    }
    const [pair] = [...buckets].sort((a, b) => b[1].size - a[1].size)[0] ?? [];
    const [orch, gpu] = JSON.parse(pair ?? "[]") as [string, string];
    expect(buckets.get(pair ?? "")?.size).toBeGreaterThan(2);
    // A snapshot hours after the pair's last bucket: its mark dirties no bucket of the pair.
    const at = START + 30 * HOUR_MS;
    const uid = "cap-rename-far";
    const snapshot = capability({
      raw_event_uid: uid,
      source_event_id: uid,
      event_timestamp: at,
      orchestrator_address: orch,
      gpu_id: gpu,
      gpu_name: "Renamed GPU",
      runner_version: "9.9.9",
    });
    await loadRows(sdb.db, outputRowsOf(inputs({ capabilities: [snapshot] })));
    const result = await refreshRollups(sdb.db);
    expect(result.hours).toBeLessThanOrEqual(2);
    await expectRollupsEqualViews("metadata only");
    for (const granularity of ["1h", "1d"] as const) {
      const rows = (await gpuMetrics(sdb.db, { ...window, granularity }, { source: "rollup" }))
        .rows;
      const renamed = rows.filter((r) => r.orchestrator_address === orch && r.gpu_id === gpu);
      expect(renamed.length, granularity).toBeGreaterThan(0);
      for (const r of renamed)
        expect([r.gpu_name, r.runner_version]).toEqual(["Renamed GPU", "9.9.9"]);
    }
  });

  it("a refresh with nothing written does nothing", async () => {
    expect(await refreshRollups(sdb.db)).toEqual({ refreshVersion: null, hours: 0, statements: 0 });
  });

  it("the typed queries return the same pages from the rollups and from the views", async () => {
    const params = { start: START - HOUR_MS, end: START + 23 * HOUR_MS, limit: 7 };
    for (const query of [gpuMetrics, networkDemand, slaCompliance] as const) {
      let cursor: Keyset | undefined;
      for (let page = 0; page < 4; page++) {
        const run = (source: "rollup" | "view") =>
          (query as typeof gpuMetrics)(
            sdb.db,
            { ...params, ...(cursor === undefined ? {} : { cursor }) },
            { source },
          );
        const [r, v] = await Promise.all([run("rollup"), run("view")]);
        expect(r.rows.length).toBeGreaterThan(0);
        expect(r).toEqual(v);
        if (r.nextCursor === null) break;
        cursor = r.nextCursor;
      }
    }
  });
});
