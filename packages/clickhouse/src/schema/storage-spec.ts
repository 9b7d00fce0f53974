import type { TableSpec } from "@livepeer-analytics/core";

/**
 * How one table of core's registry is stored in ClickHouse (serving.md §1): engine, keys, TTL
 * and the extra columns that are not row columns (MATERIALIZED dates, ingestion time).
 */
export interface StorageSpec {
  /** The table and its row columns, from core's registry (the single source of columns). */
  readonly table: TableSpec<string, never>;
  /** Engine clause, e.g. `ReplacingMergeTree(version)`. */
  readonly engine: string;
  /** ORDER BY expressions. */
  readonly orderBy: readonly string[];
  readonly partitionBy?: string;
  /** TTL expression, e.g. `event_date + INTERVAL 90 DAY`. */
  readonly ttl?: string;
  /** Extra column definitions appended after the row columns (`name Type MATERIALIZED …`). */
  readonly extraColumns?: readonly string[];
  /** Data-skipping indexes (`INDEX name expr TYPE … GRANULARITY n`). */
  readonly indexes?: readonly string[];
}

/** The ingestion-time column every table carries (serving.md §1). */
export const INGESTION_TIMESTAMP = "ingestion_timestamp DateTime64(3, 'UTC') DEFAULT now64(3)";

/**
 * Insert deduplication window kept by every MergeTree table: the number of recent insert
 * tokens remembered, so a batch re-sent after a timeout or crash is skipped by the engine.
 */
export const DEDUP_WINDOW = 10_000;
