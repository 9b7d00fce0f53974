import { GPU_METRICS_KEYS, type GpuMetricsRow } from "@livepeer-analytics/core";
import { z } from "zod";
import type { LpaClickHouse } from "../connection/create-clickhouse.js";
import { gpuMetricsSelectSql } from "../views/gpu-metrics-sql.js";
import { GPU_METRICS_ROW_FIELDS } from "./gpu-metrics-row.js";
import { servingSelect, type ServingQueryOptions } from "../rollups/serving-source.js";
import { runPage, type ServingPage } from "./paged-query.js";
import { checkWindow, GpuGrainFiltersSchema, parseParams, windowShape } from "./query-params.js";

/**
 * Parameters of {@link gpuMetrics} (serving.md §8.1, §8.5): window, granularity (`1m`, `5m`,
 * `1h` default, `1d`), exact-match filters on the grain keys, limit and decoded cursor.
 */
export const GpuMetricsParamsSchema = z
  .strictObject({
    ...windowShape,
    granularity: z.enum(["1m", "5m", "1h", "1d"]).default("1h"),
    filters: GpuGrainFiltersSchema,
  })
  .superRefine(checkWindow(GPU_METRICS_KEYS.length));

/** Input of {@link gpuMetrics}; `start`/`end` as epoch ms or `Date`. */
export type GpuMetricsParams = z.input<typeof GpuMetricsParamsSchema>;

/**
 * `GET /v1/gpu/metrics` as a function: one page of `v_api_gpu_metrics` rows (serving.md §6.1,
 * §8.5) with `start ≤ window_start < end`, ordered `window_start` DESC then (orchestrator_address,
 * pipeline, model_id, gpu_id, region) ASC in byte order, after `cursor` when given.
 * Reads the rollup or the view per `options.source` (default `auto`, see ServingSource).
 * @throws QueryParamsError when the parameters are invalid.
 * @example await gpuMetrics(db, { start: Date.UTC(2026, 1, 25), end: Date.UTC(2026, 1, 26) })
 */
export async function gpuMetrics(
  db: LpaClickHouse,
  params: GpuMetricsParams,
  options: ServingQueryOptions = {},
): Promise<ServingPage<GpuMetricsRow>> {
  const p = parseParams(GpuMetricsParamsSchema, params);
  const select = await servingSelect(
    db,
    "gpu_metrics",
    p.granularity,
    () => gpuMetricsSelectSql(db.database, { granularity: p.granularity, windowed: true }),
    options.source,
  );
  return runPage<GpuMetricsRow>(
    db,
    { ...p, select, keys: GPU_METRICS_KEYS, filters: p.filters, cursor: p.cursor },
    GPU_METRICS_ROW_FIELDS,
  );
}
