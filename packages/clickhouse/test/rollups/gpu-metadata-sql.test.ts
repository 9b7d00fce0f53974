// Migration 0004 on a database whose GPU rollup was written before it (rows without metadata,
// metadata in agg_gpu_metadata): until it runs, the typed queries read the views; then the rows
// have their metadata, so the rollup equals the view without a refresh; the next refresh keeps
// it so.
import { formatTimestamp, HOUR_MS } from "@livepeer-analytics/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  gpuMetrics,
  GpuMetricsRowSchema,
  migrate,
  MIGRATIONS,
  refreshRollups,
  rollupOf,
  rollupSelectSql,
  rollupsMaintained,
} from "../../src/index.js";
import {
  gpuMetadataSelectSql,
  gpuMetricsCountersSelectSql,
} from "../../src/views/gpu-metrics-sql.js";
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
import { loadRows, openServingDb, type ServingDb } from "../views/serving-db.js";

const FROM = T - 2 * HOUR_MS;
const TO = T + 4 * HOUR_MS;
const spec = rollupOf("gpu_metrics");

let sdb: ServingDb;
beforeAll(async () => {
  sdb = await openServingDb("gpu-metadata", MIGRATIONS.slice(0, 3));
});
afterAll(() => sdb.close());

/** Expects the GPU rollup at 1h to equal the GPU view over [FROM, TO). */
async function expectRollupEqualsView(label: string): Promise<void> {
  const db = sdb.db;
  const view = spec.viewSelect(db.database, { granularity: "1h", windowed: true });
  const expected = await selectWindow(db, view, FROM, TO, GpuMetricsRowSchema);
  const cached = rollupSelectSql(db.database, spec, "1h");
  const actual = await selectWindow(db, cached, FROM, TO, GpuMetricsRowSchema);
  expect(expected.length, label).toBeGreaterThan(0);
  expectSameRows(actual, expected, spec.keys, integerFieldsOf(GpuMetricsRowSchema), label);
}

describe("migration 0004: GPU metadata stored in the rollup rows", () => {
  it("fills the metadata of rows written before it; views serve until then", async () => {
    const db = sdb.db;
    const d = db.database;
    const sessions = [0, 1, 2].map((h) =>
      session({
        workflow_session_id: `s${h}|r`,
        stream_id: `s${h}`,
        session_start_ts: T + h * HOUR_MS,
      }),
    );
    await loadRows(
      db,
      outputRowsOf(
        inputs({
          sessions,
          latency: sessions.map(({ workflow_session_id, session_start_ts }) =>
            latency({ workflow_session_id, sample_ts: session_start_ts }),
          ),
          statusSamples: sessions.map(({ workflow_session_id, session_start_ts }, i) =>
            status({
              workflow_session_id,
              sample_ts: session_start_ts + 60_000,
              source_event_uid: `st${i}`,
            }),
          ),
          capabilities: [capability({ gpu_name: "RTX 4090", runner_version: "0.14.1" })],
        }),
      ),
    );
    // What a refresh wrote before 0004: counters only, and the metadata table.
    const params = { g: "1h", start: formatTimestamp(FROM), end: formatTimestamp(TO) };
    const counters = gpuMetricsCountersSelectSql(d, { granularity: "1h", windowed: true });
    await db.command(
      `INSERT INTO ${d}.agg_gpu_metrics SELECT {g:String}, 7, *, 0 FROM (${counters})`,
      { params },
    );
    await db.command(
      `INSERT INTO ${d}.agg_gpu_metadata SELECT *, 7 FROM (${gpuMetadataSelectSql(d)})`,
    );
    await db.command(
      `INSERT INTO ${d}.agg_refresh_log (refresh_version, hours, statements) VALUES (7, 3, 1)`,
    );
    // Not migrated yet (e.g. served read-only by newer code): answers come from the views.
    expect(await rollupsMaintained(db)).toBe(false);
    const window = { start: FROM, end: TO };
    const fromView = await gpuMetrics(db, window);
    expect(fromView.rows.map((r) => r.gpu_name)).toEqual(["RTX 4090", "RTX 4090", "RTX 4090"]);
    expect((await migrate(db)).applied).toEqual(["0004_gpu_rollup_metadata"]);
    expect(await rollupsMaintained(db)).toBe(true);
    expect(await gpuMetrics(db, window, { source: "rollup" })).toEqual(fromView);
    await expectRollupEqualsView("after migration");
    const [stored] = await db.query<{ n: string }>(
      `SELECT toString(countIf(gpu_name = 'RTX 4090')) AS n FROM ${d}.agg_gpu_metrics FINAL`,
    );
    expect(Number(stored?.n)).toBe(3);
    await refreshRollups(db);
    await expectRollupEqualsView("after a refresh");
  });
});
