// The dashboard in a real headless Chromium (Debian's chromium driven by playwright-core) against
// the API on the known dataset: the page loads, its charts and summary tables show the numbers
// the API returns, filters change them, auto-refresh refetches. Screenshots go to __screenshots__.
import {
  countersFromRow,
  emptyCounters,
  combineCounters,
  ratiosFromCounters,
  type KpiCounters,
} from "@livepeer-analytics/core";
import type { FastifyInstance } from "fastify";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDashboard } from "../scripts/build-dashboard.js";
import { createApiServer } from "../src/server/create-api-server.js";
import { allPages } from "./support/api-client.js";
import { DAY_END, openKnownDb, type KnownDb } from "./support/known-dataset.js";

const CHROMIUM = process.env["LPA_CHROMIUM"] ?? "/usr/bin/chromium";
const SHOTS = fileURLToPath(new URL("./__screenshots__/", import.meta.url));
/** The dashboard's 24-hour window ending at midnight after the simulated evening. */
const END = "2026-02-26T00:00:00Z";
const WINDOW = "start=2026-02-25T00:00:00.000Z&end=2026-02-26T00:00:00.000Z&granularity=1h";

let known: KnownDb;
let app: FastifyInstance;
let base: string;
let bundleDir: string;
let browser: Browser;
const pageErrors: string[] = [];

beforeAll(async () => {
  bundleDir = mkdtempSync(join(tmpdir(), "lpa-dashboard-"));
  await buildDashboard(bundleDir);
  known = await openKnownDb();
  app = createApiServer({ db: known.db, now: () => DAY_END, dashboardDir: bundleDir });
  base = await app.listen({ port: 0, host: "127.0.0.1" });
  browser = await chromium.launch({ executablePath: CHROMIUM });
  mkdirSync(SHOTS, { recursive: true });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await known?.close();
  rmSync(bundleDir, { recursive: true, force: true });
});

type Row = Record<string, unknown>;

function sumCounters(rows: readonly Row[]): KpiCounters {
  let c: KpiCounters = emptyCounters();
  for (const r of rows) c = combineCounters(c, countersFromRow(r));
  return c;
}

async function open(query: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1700 } });
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto(`${base}/${query}`);
  await page.waitForSelector('#status[data-state="ok"]', { timeout: 60_000 });
  return page;
}

/** `data-value` of every cell of a summary table: { rowKey: { metric: value } }. */
async function summary(
  page: Page,
  id: string,
): Promise<Record<string, Record<string, number | null>>> {
  const out: Record<string, Record<string, number | null>> = {};
  for (const tr of await page.locator(`#${id} tbody tr`).all()) {
    const cells: Record<string, number | null> = {};
    for (const td of await tr.locator("td").all()) {
      const v = await td.getAttribute("data-value");
      cells[(await td.getAttribute("data-metric")) ?? ""] = v === "null" ? null : Number(v);
    }
    out[(await tr.getAttribute("data-key")) ?? ""] = cells;
  }
  return out;
}

/** What a chart element records about its drawing, and how many canvases uPlot made. */
async function chart(
  page: Page,
  id: string,
): Promise<{ points: number; series: string[]; sums: number[]; canvases: number }> {
  const el = page.locator(`#${id}`);
  const attr = async (name: string): Promise<string> => (await el.getAttribute(name)) ?? "";
  return {
    points: Number(await attr("data-points")),
    series: JSON.parse((await attr("data-series")) || "[]") as string[],
    sums: JSON.parse((await attr("data-series-sums")) || "[]") as number[],
    canvases: await el.locator("canvas").count(),
  };
}

const buckets = (rows: readonly Row[]): number => new Set(rows.map((r) => r["window_start"])).size;

describe("dashboard", () => {
  it("renders the API's numbers for the known dataset", async () => {
    const sla = (await allPages(app, "/v1/sla/compliance", WINDOW, 1000)).rows;
    const gpu = (await allPages(app, "/v1/gpu/metrics", WINDOW, 1000)).rows;
    const demand = (await allPages(app, "/v1/network/demand", WINDOW, 1000)).rows;
    expect(sla.length).toBeGreaterThan(0);

    const page = await open(`?end=${END}&auto=0`);
    await page.screenshot({ path: join(SHOTS, "dashboard-24h.png"), fullPage: true });
    expect(await page.getAttribute("#status", "data-rows")).toBe(
      JSON.stringify({ sla: sla.length, gpu: gpu.length, demand: demand.length }),
    );

    // SLA per orchestrator: known sessions and the score recomputed from summed counters.
    const slaTable = await summary(page, "summary-sla");
    const orchestrators = [...new Set(sla.map((r) => r["orchestrator_address"] as string))];
    expect(Object.keys(slaTable).sort()).toEqual([...orchestrators, "*"].sort());
    for (const o of orchestrators) {
      const c = sumCounters(sla.filter((r) => r["orchestrator_address"] === o));
      expect(slaTable[o]?.["known_sessions"]).toBe(c.known_sessions);
      expect(slaTable[o]?.["sla_score"]).toBeCloseTo(ratiosFromCounters(c).sla_score ?? NaN, 9);
    }
    const slaChart = await chart(page, "chart-sla");
    expect(slaChart.canvases).toBeGreaterThan(0);
    expect(slaChart.points).toBe(buckets(sla));
    expect(slaChart.series.length).toBe(Math.min(8, orchestrators.length));

    // Startup outcomes: the chart's per-bucket counts add up to the API's totals.
    const sc = sumCounters(sla);
    const startup = await chart(page, "chart-startup");
    expect(startup.sums).toEqual([sc.success_sessions, sc.excused_sessions, sc.unexcused_sessions]);
    expect((await summary(page, "summary-startup"))["*"]).toEqual({
      known_sessions: sc.known_sessions,
      success_sessions: sc.success_sessions,
      excused_sessions: sc.excused_sessions,
      unexcused_sessions: sc.unexcused_sessions,
      startup_success_ratio: ratiosFromCounters(sc).startup_success_ratio,
    });

    // Output FPS, jitter and latency from the GPU rows.
    const gc = sumCounters(gpu);
    const gr = ratiosFromCounters(gc);
    const fps = (await summary(page, "summary-fps"))["*"];
    expect(fps?.["status_samples"]).toBe(gc.status_samples);
    expect(fps?.["avg_output_fps"]).toBeCloseTo(gr.avg_output_fps ?? NaN, 9);
    expect(fps?.["jitter_coeff_fps"]).toBeCloseTo(gr.jitter_coeff_fps ?? NaN, 9);
    expect((await chart(page, "chart-fps")).points).toBe(buckets(gpu));
    const latency = (await summary(page, "summary-latency"))["*"];
    expect(latency?.["e2e_latency_ms"]).toBeCloseTo(gr.e2e_latency_ms ?? NaN, 6);
    expect(latency?.["startup_time_ms"]).toBeCloseTo(gr.startup_time_ms ?? NaN, 6);
    expect((await chart(page, "chart-latency")).points).toBe(buckets(gpu));

    // Network demand.
    const dc = sumCounters(demand);
    const dr = ratiosFromCounters(dc);
    const demandChart = await chart(page, "chart-demand");
    expect(demandChart.points).toBe(buckets(demand));
    expect(demandChart.sums.slice(0, 2)).toEqual([dc.served_sessions, dc.unserved_sessions]);
    expect((await summary(page, "summary-demand"))["*"]).toMatchObject({
      total_demand_sessions: demand.reduce((a, r) => a + (r["total_demand_sessions"] as number), 0),
      served_sessions: dc.served_sessions,
      unserved_sessions: dc.unserved_sessions,
      payment_count: dc.payment_count,
    });
    expect((await summary(page, "summary-demand"))["*"]?.["fee_payment_eth"]).toBeCloseTo(
      dr.fee_payment_eth,
      12,
    );
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("changing a filter changes the numbers to the filtered API's", async () => {
    const page = await open(`?end=${END}&auto=0`);
    const before = await summary(page, "summary-startup");
    const orch = await page
      .locator('select[name="orchestrator"] option')
      .nth(1)
      .getAttribute("value");
    if (orch === null) throw new Error("no orchestrator option");
    await page.selectOption('select[name="orchestrator"]', orch);
    await page.waitForSelector('#status[data-refreshes="2"][data-state="ok"]', { timeout: 60_000 });
    await page.screenshot({ path: join(SHOTS, "dashboard-orchestrator.png"), fullPage: true });
    expect(new URL(page.url()).searchParams.get("orchestrator")).toBe(orch);

    const filtered = (
      await allPages(app, "/v1/sla/compliance", `${WINDOW}&orchestrator_address=${orch}`, 1000)
    ).rows;
    const c = sumCounters(filtered);
    const after = await summary(page, "summary-startup");
    expect(after["*"]?.["known_sessions"]).toBe(c.known_sessions);
    expect(after["*"]?.["known_sessions"]).toBeLessThan(before["*"]?.["known_sessions"] ?? 0);
    expect(Object.keys(await summary(page, "summary-sla")).sort()).toEqual([orch, "*"].sort());
    const gpu = (
      await allPages(app, "/v1/gpu/metrics", `${WINDOW}&orchestrator_address=${orch}`, 1000)
    ).rows;
    expect((await summary(page, "summary-fps"))["*"]?.["status_samples"]).toBe(
      sumCounters(gpu).status_samples,
    );

    // A shorter window switches GPU metrics to 5-minute buckets.
    await page.selectOption('select[name="window"]', "6h");
    await page.waitForSelector('#status[data-refreshes="3"][data-state="ok"]', { timeout: 60_000 });
    const gpu5m = (
      await allPages(
        app,
        "/v1/gpu/metrics",
        `start=2026-02-25T18:00:00.000Z&end=2026-02-26T00:00:00.000Z&granularity=5m&orchestrator_address=${orch}`,
        1000,
      )
    ).rows;
    expect((await chart(page, "chart-fps")).points).toBe(buckets(gpu5m));
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("auto-refresh refetches on its period", async () => {
    const page = await open(`?end=${END}&refresh=1`);
    await page.waitForSelector('#status[data-refreshes="3"]', { timeout: 60_000 });
    await page.close();
  });

  it("serves the API docs page", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${base}/docs`);
    expect(await page.locator("section.op h2 code").allTextContents()).toEqual([
      "/v1/gpu/metrics",
      "/v1/network/demand",
      "/v1/sla/compliance",
      "/healthz",
    ]);
    await page.screenshot({ path: join(SHOTS, "docs.png") });
    await page.close();
  });
});
