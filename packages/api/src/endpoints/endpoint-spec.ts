import {
  gpuMetrics,
  GpuMetricsRowSchema,
  networkDemand,
  NetworkDemandRowSchema,
  slaCompliance,
  SlaComplianceRowSchema,
  type LpaClickHouse,
  type ServingPage,
  type ServingQueryOptions,
  type ServingSource,
} from "@livepeer-analytics/clickhouse";
import {
  GPU_METRICS_KEYS,
  NETWORK_DEMAND_KEYS,
  SLA_COMPLIANCE_KEYS,
  type Granularity,
} from "@livepeer-analytics/core";
import type { z } from "zod";

/** Parameters every endpoint's query function takes, already validated and resolved. */
export interface ResolvedQuery {
  /** Window start, epoch ms (inclusive on `window_start`). */
  readonly start: number;
  /** Window end, epoch ms (exclusive on `window_start`). */
  readonly end: number;
  readonly granularity: Granularity;
  readonly limit: number;
  /** Exact-match filters, normalized, in key order; absent keys are not filtered. */
  readonly filters: Readonly<Record<string, string>>;
  /** Keyset of the page to continue after. */
  readonly cursor?: { readonly w: number; readonly k: readonly string[] };
}

/** A serving row as the query functions return it (`window_start` in epoch ms). */
export type ServingRow = { readonly window_start: number } & object;

/**
 * One `GET /v1/…` endpoint of serving.md §8.5–8.7: its path, grain keys (which are also its
 * filters, in the listed order), accepted granularities, row schema and query function.
 */
export interface EndpointSpec {
  readonly path: string;
  readonly summary: string;
  readonly description: string;
  readonly keys: readonly string[];
  readonly granularities: readonly Granularity[];
  /** Row schema of the clickhouse package (`window_start` as epoch ms). */
  readonly rowSchema: z.ZodObject;
  readonly rowName: string;
  /** Runs the query; `source` picks rollups or views (default `auto`, see ServingSource). */
  query(
    db: LpaClickHouse,
    q: ResolvedQuery,
    source?: ServingSource,
  ): Promise<ServingPage<ServingRow>>;
}

// The query functions' filter objects are strict and typed per endpoint; the resolved filters
// only ever hold that endpoint's keys, so widening them here is safe.
type AnyFilters = Record<string, string>;

/** The query functions' parameter object of a resolved query. */
function paramsOf(q: ResolvedQuery) {
  return {
    start: q.start,
    end: q.end,
    limit: q.limit,
    filters: q.filters as AnyFilters,
    ...(q.cursor === undefined ? {} : { cursor: { w: q.cursor.w, k: [...q.cursor.k] } }),
  };
}

/** The typed queries' options for `source` (absent = their default). */
function sourceOption(source: ServingSource | undefined): ServingQueryOptions {
  return source === undefined ? {} : { source };
}

/** `GET /v1/gpu/metrics` (serving.md §8.5). */
export const GPU_METRICS_ENDPOINT: EndpointSpec = {
  path: "/v1/gpu/metrics",
  summary: "GPU performance and reliability per hour and GPU",
  description:
    "Grain: bucket × orchestrator_address × pipeline × model_id × gpu_id × region (serving.md §6.1, §8.5). " +
    "Rows carry the additive counters their ratios need; sum counters and recompute ratios when combining rows.",
  keys: GPU_METRICS_KEYS,
  granularities: ["1m", "5m", "1h", "1d"],
  rowSchema: GpuMetricsRowSchema,
  rowName: "GpuMetricsRow",
  query: (db, q, source) =>
    gpuMetrics(db, { ...paramsOf(q), granularity: q.granularity }, sourceOption(source)),
};

/** `GET /v1/network/demand` (serving.md §8.6). */
export const NETWORK_DEMAND_ENDPOINT: EndpointSpec = {
  path: "/v1/network/demand",
  summary: "Network demand, performance and fees per hour and gateway",
  description:
    "Grain: bucket × gateway × region × pipeline × model_id (serving.md §6.2, §8.6). " +
    "Demand-only buckets appear with zero performance counters; fee_payment_wei is a decimal string.",
  keys: NETWORK_DEMAND_KEYS,
  granularities: ["1m", "5m", "1h", "1d"],
  rowSchema: NetworkDemandRowSchema,
  rowName: "NetworkDemandRow",
  query: (db, q, source) =>
    networkDemand(db, { ...paramsOf(q), granularity: q.granularity }, sourceOption(source)),
};

/** `GET /v1/sla/compliance` (serving.md §8.7). */
export const SLA_COMPLIANCE_ENDPOINT: EndpointSpec = {
  path: "/v1/sla/compliance",
  summary: "SLA compliance and score per hour and orchestrator GPU",
  description:
    "Grain: bucket × orchestrator_address × pipeline × model_id × gpu_id × region (serving.md §6.3, §8.7). " +
    "Each placed session contributes all its flags; ratios and sla_score are null when their denominator is 0.",
  keys: SLA_COMPLIANCE_KEYS,
  granularities: ["1h", "1d"],
  rowSchema: SlaComplianceRowSchema,
  rowName: "SlaComplianceRow",
  query: (db, q, source) =>
    slaCompliance(
      db,
      { ...paramsOf(q), granularity: q.granularity as "1h" | "1d" },
      sourceOption(source),
    ),
};

/** The three v1 endpoints, in the order of serving.md §8. */
export const ENDPOINTS: readonly EndpointSpec[] = [
  GPU_METRICS_ENDPOINT,
  NETWORK_DEMAND_ENDPOINT,
  SLA_COMPLIANCE_ENDPOINT,
];
