import { NETWORK_DEMAND_KEYS, type NetworkDemandRow } from "@livepeer-analytics/core";
import { z } from "zod";
import type { LpaClickHouse } from "../connection/create-clickhouse.js";
import { networkDemandSelectSql } from "../views/network-demand-sql.js";
import { NETWORK_DEMAND_ROW_FIELDS } from "./network-demand-row.js";
import { servingSelect, type ServingQueryOptions } from "../rollups/serving-source.js";
import { runPage, type ServingPage } from "./paged-query.js";
import { checkWindow, FilterValueSchema, parseParams, windowShape } from "./query-params.js";

/**
 * Parameters of {@link networkDemand} (serving.md §8.1, §8.6): window, granularity (`1m`,
 * `5m`, `1h` default, `1d`), exact-match filters on the grain keys, limit and decoded cursor.
 */
export const NetworkDemandParamsSchema = z
  .strictObject({
    ...windowShape,
    granularity: z.enum(["1m", "5m", "1h", "1d"]).default("1h"),
    filters: z
      .strictObject({
        gateway: FilterValueSchema.optional(),
        region: FilterValueSchema.optional(),
        pipeline: FilterValueSchema.optional(),
        model_id: FilterValueSchema.optional(),
      })
      .default({}),
  })
  .superRefine(checkWindow(NETWORK_DEMAND_KEYS.length));

/** Input of {@link networkDemand}; `start`/`end` as epoch ms or `Date`. */
export type NetworkDemandParams = z.input<typeof NetworkDemandParamsSchema>;

/**
 * `GET /v1/network/demand` as a function: one page of `v_api_network_demand` rows (serving.md
 * §6.2, §8.6) with `start ≤ window_start < end`, ordered `window_start` DESC then (gateway,
 * region, pipeline, model_id) ASC in byte order, after `cursor` when given.
 * Reads the rollup or the view per `options.source` (default `auto`, see ServingSource).
 * @throws QueryParamsError when the parameters are invalid.
 * @example await networkDemand(db, { start, end, granularity: "1d", filters: { gateway: "gw-1" } })
 */
export async function networkDemand(
  db: LpaClickHouse,
  params: NetworkDemandParams,
  options: ServingQueryOptions = {},
): Promise<ServingPage<NetworkDemandRow>> {
  const p = parseParams(NetworkDemandParamsSchema, params);
  const select = await servingSelect(
    db,
    "network_demand",
    p.granularity,
    () => networkDemandSelectSql(db.database, { granularity: p.granularity, windowed: true }),
    options.source,
  );
  return runPage<NetworkDemandRow>(
    db,
    { ...p, select, keys: NETWORK_DEMAND_KEYS, filters: p.filters, cursor: p.cursor },
    NETWORK_DEMAND_ROW_FIELDS,
  );
}
