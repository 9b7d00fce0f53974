import {
  GPU_METRICS_KEYS,
  NETWORK_DEMAND_KEYS,
  SLA_COMPLIANCE_KEYS,
  type Granularity,
} from "@livepeer-analytics/core";
import {
  GPU_METADATA_COLUMNS,
  gpuMetricsCountersSelectSql,
  gpuMetricsSelectSql,
  withGpuMetadataSql,
} from "../views/gpu-metrics-sql.js";
import { networkDemandSelectSql } from "../views/network-demand-sql.js";
import type { ServingScope } from "../views/serving-scope.js";
import { slaComplianceSelectSql, type SlaScope } from "../views/sla-compliance-sql.js";

/**
 * The GPU metadata as of the last refresh (serving.md §6.1 "as known now", refreshed with the
 * rollups): one row per (orchestrator, GPU) that ever had one (all-NULL once its snapshots are
 * gone). The GPU rollup's rows carry the same values (stamped by the refresh).
 */
export const GPU_METADATA_TABLE = "agg_gpu_metadata";

/** Which API view a rollup caches. */
export type RollupView = "gpu_metrics" | "network_demand" | "sla_compliance";

/** Columns a refresh adds to the cached rows, from tables the refresh maintains. */
export interface AppendedColumns {
  /** Their names, in table order (after `is_deleted`). */
  readonly columns: readonly string[];
  /** Completes `cached` (a SELECT of the `select` columns) with the columns, at refresh time. */
  complete(db: string, cached: string): string;
}

/**
 * One rollup table: a per-bucket cache of an API view (serving.md §1.5) at the granularities it
 * holds. Its rows are the view's rows of a bucket, each stamped with the `granularity` and the
 * `refresh_version` of the refresh that wrote them.
 */
export interface RollupSpec {
  readonly view: RollupView;
  /** The `agg_*` table name. */
  readonly table: string;
  /** Grain keys of the view, in API order (the table's sort key after the bucket). */
  readonly keys: readonly string[];
  /** Granularities the rollup holds; other granularities are read from the view. */
  readonly granularities: readonly Granularity[];
  /** The view's own SELECT at `scope` (what the rollup must equal). */
  viewSelect(db: string, scope: ServingScope): string;
  /**
   * The cached SELECT at `scope`: the view's SELECT without the {@link RollupSpec.appended}
   * columns (the table was created from it, migration 0003).
   */
  select(db: string, scope: ServingScope): string;
  /**
   * Columns stored after `is_deleted` (added by migration 0004) and how the refresh completes
   * `select` rows with them; absent when the `select` rows are the view's rows.
   */
  readonly appended?: AppendedColumns;
}

/**
 * Granularities cached by default: the API's default grain and the coarsest one (whose
 * windows are the widest). `1m` and `5m` requests read the views: caching them costs 60× and
 * 12× the rows and refresh work for windows that are usually short.
 */
export const ROLLUP_GRANULARITIES = ["1h", "1d"] as const satisfies readonly Granularity[];

/** The three rollups, one per API view (serving.md §6). */
export const ROLLUPS: readonly RollupSpec[] = [
  {
    view: "gpu_metrics",
    table: "agg_gpu_metrics",
    keys: GPU_METRICS_KEYS,
    granularities: ROLLUP_GRANULARITIES,
    viewSelect: gpuMetricsSelectSql,
    select: gpuMetricsCountersSelectSql,
    // Metadata as of the last refresh (agg_gpu_metadata), stored in the rows so reads join
    // nothing; a refresh re-stamps the rows of every GPU whose metadata it changed.
    appended: {
      columns: GPU_METADATA_COLUMNS,
      complete: (db, cached) =>
        withGpuMetadataSql(
          db,
          cached,
          `SELECT * EXCEPT refresh_version FROM ${db}.${GPU_METADATA_TABLE} FINAL`,
        ),
    },
  },
  {
    view: "network_demand",
    table: "agg_network_demand",
    keys: NETWORK_DEMAND_KEYS,
    granularities: ROLLUP_GRANULARITIES,
    viewSelect: networkDemandSelectSql,
    select: networkDemandSelectSql,
  },
  {
    view: "sla_compliance",
    table: "agg_sla_compliance",
    keys: SLA_COMPLIANCE_KEYS,
    granularities: ROLLUP_GRANULARITIES,
    // The SLA rollup only holds 1h and 1d buckets, the SLA view's granularities.
    viewSelect: (db, scope) => slaComplianceSelectSql(db, scope as SlaScope),
    select: (db, scope) => slaComplianceSelectSql(db, scope as SlaScope),
  },
];

/** The rollup of `view`. */
export function rollupOf(view: RollupView): RollupSpec {
  const spec = ROLLUPS.find((r) => r.view === view);
  if (spec === undefined) throw new Error(`no rollup for ${view}`);
  return spec;
}
