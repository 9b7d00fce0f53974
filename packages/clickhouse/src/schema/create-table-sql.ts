import type { ColumnType } from "@livepeer-analytics/core";
import { assertIdentifier } from "../connection/sql-identifier.js";
import { DEDUP_WINDOW, INGESTION_TIMESTAMP, type StorageSpec } from "./storage-spec.js";

/** The ClickHouse type of a registry column type (timestamps pinned to UTC). */
export function clickhouseType(t: ColumnType): string {
  switch (t) {
    case "DateTime64(3)":
      return "DateTime64(3, 'UTC')";
    case "Nullable(DateTime64(3))":
      return "Nullable(DateTime64(3, 'UTC'))";
    default:
      return t;
  }
}

/** The column definitions of a stored table: row columns, then extras, then ingestion time. */
export function columnDefinitions(s: StorageSpec): string[] {
  const cols = s.table.columns.map(([name, type]) => `\`${name}\` ${clickhouseType(type)}`);
  const hasIngestion = s.table.columns.some(([name]) => name === "ingestion_timestamp");
  return [...cols, ...(s.extraColumns ?? []), ...(hasIngestion ? [] : [INGESTION_TIMESTAMP])];
}

/**
 * `CREATE TABLE IF NOT EXISTS` for one stored table (pure; snapshot-tested). Every table keeps an
 * insert deduplication window so a re-sent batch is skipped.
 */
export function createTableSql(database: string, s: StorageSpec): string {
  const body = [...columnDefinitions(s), ...(s.indexes ?? [])].map((l) => `  ${l}`).join(",\n");
  const clauses = [
    `ENGINE = ${s.engine}`,
    ...(s.partitionBy === undefined ? [] : [`PARTITION BY ${s.partitionBy}`]),
    `ORDER BY (${s.orderBy.join(", ")})`,
    ...(s.ttl === undefined ? [] : [`TTL ${s.ttl}`]),
    `SETTINGS non_replicated_deduplication_window = ${DEDUP_WINDOW}`,
  ];
  return `CREATE TABLE IF NOT EXISTS ${assertIdentifier(database)}.${assertIdentifier(s.table.name)}\n(\n${body}\n)\n${clauses.join("\n")}`;
}
