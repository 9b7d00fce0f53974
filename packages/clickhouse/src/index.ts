export {
  createClickHouse,
  DEFAULT_DATABASE,
  DEFAULT_EMBEDDED_PATH,
  type ClickHouseOptions,
  type LpaClickHouse,
  type StatementOptions,
} from "./connection/create-clickhouse.js";
export { ChdbMissingError } from "./connection/load-chdb.js";
export { PINNED_SETTINGS } from "./connection/pinned-settings.js";
export { assertIdentifier } from "./connection/sql-identifier.js";
export { clickhouseType, columnDefinitions, createTableSql } from "./schema/create-table-sql.js";
export { STORAGE_BY_NAME, STORAGE_SPECS } from "./schema/storage-registry.js";
export { DEDUP_WINDOW, INGESTION_TIMESTAMP, type StorageSpec } from "./schema/storage-spec.js";
export {
  migrate,
  appliedMigrations,
  migrationChecksum,
  type MigrateResult,
} from "./migrations/migrate.js";
export { MIGRATIONS, MIGRATIONS_TABLE } from "./migrations/migration-list.js";
export { MigrationError, type AppliedMigration, type Migration } from "./migrations/migration.js";
export {
  createBatchWriter,
  type BatchWriter,
  type BatchWriterOptions,
  type InsertTransport,
  type WriterStats,
} from "./writer/batch-writer.js";
export { backoffDelay, DEFAULT_RETRY, type RetryPolicy } from "./writer/backoff.js";
export { batchToken } from "./writer/batch-token.js";
export {
  classifyInsertError,
  WriterClosedError,
  WriterInsertError,
  type InsertFailureKind,
} from "./writer/writer-errors.js";
export { viewStatements } from "./views/view-statements.js";
export { SERVING_INPUT_TABLES } from "./views/serving-input-tables.js";
export {
  ArchiveLocationError,
  parquetTableFunction,
  parseArchiveLocation,
  sqlString,
  type ArchiveLocation,
  type S3Credentials,
} from "./archive/archive-location.js";
export {
  ARCHIVE_COLUMNS,
  archiveRange,
  typePathSegment,
  type ArchivedPart,
} from "./archive/archive-range.js";
export { envelopeOf, readArchive, type ArchivedEnvelope } from "./archive/read-archive.js";
export { API_VIEWS } from "./views/api-views-sql.js";
export { type ServingScope, START_PARAM, END_PARAM } from "./views/serving-scope.js";
export { gpuMetricsSelectSql } from "./views/gpu-metrics-sql.js";
export { networkDemandSelectSql } from "./views/network-demand-sql.js";
export { slaComplianceSelectSql, type SlaScope } from "./views/sla-compliance-sql.js";
export {
  gpuMetrics,
  GpuMetricsParamsSchema,
  type GpuMetricsParams,
} from "./queries/gpu-metrics-query.js";
export {
  networkDemand,
  NetworkDemandParamsSchema,
  type NetworkDemandParams,
} from "./queries/network-demand-query.js";
export {
  slaCompliance,
  SlaComplianceParamsSchema,
  type SlaComplianceParams,
} from "./queries/sla-compliance-query.js";
export { GpuMetricsRowSchema } from "./queries/gpu-metrics-row.js";
export { NetworkDemandRowSchema } from "./queries/network-demand-row.js";
export { SlaComplianceRowSchema } from "./queries/sla-compliance-row.js";
export { pageSql, type PageSqlBuilder, type ServingPage } from "./queries/paged-query.js";
export {
  CursorPayloadSchema,
  decodeCursor,
  encodeCursor,
  type CursorPayload,
  type Keyset,
} from "./queries/cursor.js";
export {
  DEFAULT_LIMIT,
  MAX_LIMIT,
  MAX_WINDOW_MS,
  QueryParamsError,
  type InvalidParam,
} from "./queries/query-params.js";
export {
  ROLLUPS,
  ROLLUP_GRANULARITIES,
  rollupOf,
  type RollupSpec,
  type RollupView,
} from "./rollups/rollup-catalog.js";
export { ROLLUP_TABLES, rollupStatements } from "./rollups/rollup-tables-sql.js";
export { rollupPageSql, rollupSelectSql } from "./rollups/rollup-select-sql.js";
export { refreshRollups, type RefreshResult } from "./rollups/refresh-rollups.js";
export {
  startRollupRefresher,
  type RollupRefresher,
  type RollupRefresherOptions,
} from "./rollups/rollup-refresher.js";
export {
  rollupsMaintained,
  rollupVersion,
  servingSelect,
  type ServingQueryOptions,
  type ServingSource,
} from "./rollups/serving-source.js";
