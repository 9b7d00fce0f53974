import { SLA_COMPLIANCE_KEYS, type SlaComplianceRow } from "@livepeer-analytics/core";
import { z } from "zod";
import type { LpaClickHouse } from "../connection/create-clickhouse.js";
import { slaComplianceSelectSql } from "../views/sla-compliance-sql.js";
import { servingSelect, type ServingQueryOptions } from "../rollups/serving-source.js";
import { runPage, type ServingPage } from "./paged-query.js";
import { checkWindow, GpuGrainFiltersSchema, parseParams, windowShape } from "./query-params.js";
import { SLA_COMPLIANCE_ROW_FIELDS } from "./sla-compliance-row.js";

/**
 * Parameters of {@link slaCompliance} (serving.md §8.1, §8.7): window, granularity (`1h`
 * default or `1d`), exact-match filters on the grain keys, limit and decoded cursor.
 */
export const SlaComplianceParamsSchema = z
  .strictObject({
    ...windowShape,
    granularity: z.enum(["1h", "1d"]).default("1h"),
    filters: GpuGrainFiltersSchema,
  })
  .superRefine(checkWindow(SLA_COMPLIANCE_KEYS.length));

/** Input of {@link slaCompliance}; `start`/`end` as epoch ms or `Date`. */
export type SlaComplianceParams = z.input<typeof SlaComplianceParamsSchema>;

/**
 * `GET /v1/sla/compliance` as a function: one page of `v_api_sla_compliance` rows (serving.md
 * §6.3, §8.7) with `start ≤ window_start < end`, ordered `window_start` DESC then
 * (orchestrator_address, pipeline, model_id, gpu_id, region) ASC in byte order, after `cursor`.
 * Reads the rollup or the view per `options.source` (default `auto`, see ServingSource).
 * @throws QueryParamsError when the parameters are invalid.
 * @example await slaCompliance(db, { start, end, filters: { orchestrator_address: "0xCanon " } })
 */
export async function slaCompliance(
  db: LpaClickHouse,
  params: SlaComplianceParams,
  options: ServingQueryOptions = {},
): Promise<ServingPage<SlaComplianceRow>> {
  const p = parseParams(SlaComplianceParamsSchema, params);
  const select = await servingSelect(
    db,
    "sla_compliance",
    p.granularity,
    () => slaComplianceSelectSql(db.database, { granularity: p.granularity, windowed: true }),
    options.source,
  );
  return runPage<SlaComplianceRow>(
    db,
    { ...p, select, keys: SLA_COMPLIANCE_KEYS, filters: p.filters, cursor: p.cursor },
    SLA_COMPLIANCE_ROW_FIELDS,
  );
}
