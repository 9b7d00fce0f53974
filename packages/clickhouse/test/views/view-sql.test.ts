// The generated serving SQL, snapshot-tested so a change of a formula or a schema shows as a
// SQL diff in review (files under __snapshots__/).
import { GPU_METRICS_KEYS } from "@livepeer-analytics/core";
import { describe, expect, it } from "vitest";
import { pageSql } from "../../src/queries/paged-query.js";
import { gpuMetricsSelectSql } from "../../src/views/gpu-metrics-sql.js";
import { networkDemandSelectSql } from "../../src/views/network-demand-sql.js";
import { slaComplianceSelectSql } from "../../src/views/sla-compliance-sql.js";
import { viewStatements } from "../../src/views/view-statements.js";

const DB = "livepeer_analytics";

describe("serving view SQL", () => {
  it("the three v_api_* views are the last view statements", async () => {
    const statements = viewStatements(DB);
    const api = statements.slice(-3);
    expect(api.map((s) => /VIEW (\S+) AS/.exec(s)?.[1])).toEqual([
      `${DB}.v_api_gpu_metrics`,
      `${DB}.v_api_network_demand`,
      `${DB}.v_api_sla_compliance`,
    ]);
    for (const [i, name] of [
      "v_api_gpu_metrics",
      "v_api_network_demand",
      "v_api_sla_compliance",
    ].entries())
      await expect(api[i]).toMatchFileSnapshot(`__snapshots__/${name}.sql`);
  });

  it("windowed SELECTs bind start/end and splice no value", async () => {
    const gpu = gpuMetricsSelectSql(DB, { granularity: "5m", windowed: true });
    const demand = networkDemandSelectSql(DB, { granularity: "1m", windowed: true });
    const sla = slaComplianceSelectSql(DB, { granularity: "1d", windowed: true });
    for (const sql of [gpu, demand, sla]) {
      expect(sql).toContain("{start:DateTime64(3, 'UTC')}");
      expect(sql).toContain("{end:DateTime64(3, 'UTC')}");
    }
    await expect(gpu).toMatchFileSnapshot("__snapshots__/gpu-metrics-5m-windowed.sql");
    await expect(demand).toMatchFileSnapshot("__snapshots__/network-demand-1m-windowed.sql");
    await expect(sla).toMatchFileSnapshot("__snapshots__/sla-compliance-1d-windowed.sql");
  });

  it("the page wrapper binds filters, cursor and limit", async () => {
    const sql = pageSql("SELECT …", GPU_METRICS_KEYS, ["orchestrator_address", "region"], true);
    expect(sql).toContain("orchestrator_address = {f_orchestrator_address:String}");
    expect(sql).toContain("{cursor_k4:String}");
    expect(sql).toContain("LIMIT {limit:UInt32}");
    await expect(sql).toMatchFileSnapshot("__snapshots__/page.sql");
  });
});
