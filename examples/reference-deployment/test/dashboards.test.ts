// Every provisioned Grafana dashboard: the committed JSON equals its spec, and every panel's and
// variable's SQL — expanded as Grafana and the ClickHouse plugin expand it — runs against our
// schema on the embedded engine, through a read-only handle like Grafana's user.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClickHouse, type LpaClickHouse } from "@livepeer-analytics/clickhouse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DASHBOARDS } from "../grafana/src/index.js";
import { DASHBOARD_DIR, dashboardText } from "../grafana/src/generate.js";
import { DATASET_START_MS, loadDataset } from "./support/dataset.js";
import { expandPanelSql, type QueryContext } from "./support/grafana-sql.js";

interface PanelJson {
  readonly title: string;
  readonly type: string;
  readonly interval?: string;
  readonly targets: readonly { readonly rawSql: string; readonly format: number }[];
}
interface VariableJson {
  readonly name: string;
  readonly query: string;
  readonly current: { readonly value: readonly string[] };
}
interface DashboardJson {
  readonly uid: string;
  readonly panels: readonly PanelJson[];
  readonly templating: { readonly list: readonly VariableJson[] };
}

const HOUR = 3_600_000;
const DATA_WINDOW = { fromMs: DATASET_START_MS, toMs: DATASET_START_MS + 24 * HOUR };

const intervalSeconds = (interval: string | undefined): number => {
  const m = /^(\d+)([smhd])$/.exec(interval ?? "1m");
  if (m === null) throw new Error(`bad panel interval ${interval}`);
  return Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[m[2] as "s" | "m" | "h" | "d"];
};

let db: LpaClickHouse;
let objects: Set<string>;
/** The ingestion-time window: rows were stored while the test ran. */
let ingestionWindow: { fromMs: number; toMs: number };

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "lpa-grafana-"));
  const started = Date.now();
  const loaded = await loadDataset(dir, join(dir, "db"));
  expect(loaded.counters.rejected).toBeGreaterThan(0);
  ingestionWindow = { fromMs: started - HOUR, toMs: Date.now() + HOUR };
  db = await createClickHouse({ path: join(dir, "db"), readOnly: true });
  const rows = await db.query<{ name: string }>(
    "SELECT name FROM system.tables WHERE database = 'livepeer_analytics'",
  );
  objects = new Set(rows.map((r) => r.name));
}, 240_000);

afterAll(async () => {
  await db?.close();
});

const loadJson = (file: string): DashboardJson =>
  JSON.parse(readFileSync(join(DASHBOARD_DIR, `${file}.json`), "utf8")) as DashboardJson;

/** Tables and views a query reads must be ours, qualified with the database. */
function readObjects(sql: string): string[] {
  const out: string[] = [];
  for (const m of sql.matchAll(/\b(?:FROM|JOIN)\s+([\w.]+)/gi)) out.push(m[1] as string);
  return out;
}

async function variableValues(
  d: DashboardJson,
  window: { fromMs: number; toMs: number },
): Promise<Map<string, string[]>> {
  const base: QueryContext = {
    ...window,
    intervalS: 60,
    variables: new Map(),
    allValues: new Map(),
  };
  const all = new Map<string, string[]>();
  for (const v of d.templating.list) {
    const rows = await db.query<Record<string, string>>(expandPanelSql(v.query, base));
    all.set(
      v.name,
      rows.map((r) => String(Object.values(r)[0])),
    );
  }
  return all;
}

describe.each(DASHBOARDS.map((d) => [d.file, d] as const))("dashboard %s", (file, spec) => {
  it("is the committed JSON of its spec", async () => {
    expect(readFileSync(join(DASHBOARD_DIR, `${file}.json`), "utf8")).toBe(
      await dashboardText(spec),
    );
  });

  it("reads only livepeer_analytics tables and views that exist", () => {
    const d = loadJson(file);
    const sqls = [
      ...d.panels.flatMap((p) => p.targets.map((q) => q.rawSql)),
      ...d.templating.list.map((v) => v.query),
    ];
    for (const sql of sqls) {
      for (const name of readObjects(sql)) {
        expect(name, sql).toMatch(/^livepeer_analytics\.\w+$/);
        expect(objects.has(name.slice("livepeer_analytics.".length)), name).toBe(true);
      }
    }
  });

  it("runs every panel with All and with each variable on one value; panels show data", async () => {
    const d = loadJson(file);
    const allValues = await variableValues(d, DATA_WINDOW);
    for (const v of d.templating.list) {
      expect(v.current.value).toEqual(["$__all"]);
      expect(allValues.get(v.name)?.length, `variable ${v.name} has values`).toBeGreaterThan(0);
    }
    type Selection = Map<string, "all" | string[]>;
    const everyAll = (): Selection => new Map(d.templating.list.map((v) => [v.name, "all"]));
    // All everywhere, then each variable alone on its first value.
    const selections: Selection[] = [
      everyAll(),
      ...d.templating.list.map((one) =>
        everyAll().set(one.name, (allValues.get(one.name) ?? []).slice(0, 1)),
      ),
    ];
    for (const panel of d.panels) {
      let rowsWithAll = 0;
      for (const target of panel.targets) {
        // Variable selections in the data window; the ingestion window (pipeline health) with All.
        const runs = [
          ...selections.map((variables, i) => ({ window: DATA_WINDOW, variables, all: i === 0 })),
          { window: ingestionWindow, variables: selections[0] ?? new Map(), all: true },
        ];
        for (const { window, variables, all } of runs) {
          {
            const ctx: QueryContext = {
              ...window,
              intervalS: intervalSeconds(panel.interval),
              variables,
              allValues,
            };
            const sql = expandPanelSql(target.rawSql, ctx);
            const rows = await db.query<Record<string, unknown>>(sql).catch((e: Error) => {
              throw new Error(`${panel.title}: ${e.message}\n${sql}`);
            });
            if (panel.type === "timeseries" && rows[0] !== undefined) {
              expect(Object.keys(rows[0])[0], panel.title).toBe("time");
            }
            if (all) rowsWithAll += rows.length;
          }
        }
      }
      expect(rowsWithAll, `${panel.title} shows rows for the dataset`).toBeGreaterThan(0);
    }
  }, 240_000);
});
