import { assertIdentifier } from "../connection/sql-identifier.js";
import { createTableSql } from "../schema/create-table-sql.js";
import { STORAGE_SPECS } from "../schema/storage-registry.js";
import { gpuMetadataColumnsStatements } from "../rollups/gpu-metadata-sql.js";
import { rollupStatements } from "../rollups/rollup-tables-sql.js";
import { viewStatements } from "../views/view-statements.js";
import type { Migration } from "./migration.js";

/** Name of the bookkeeping table recording applied migrations. */
export const MIGRATIONS_TABLE = "lpa_schema_migrations";

/** Every migration, in application order. Append only. */
export const MIGRATIONS: readonly Migration[] = [
  {
    id: "0001_tables",
    description: "raw, DLQ, quarantine, unknown, typed raw, dimension and fact tables",
    statements: (db) => STORAGE_SPECS.map((s) => createTableSql(db, s)),
  },
  {
    id: "0002_serving_views",
    description: "latest-version bases, current capabilities and the three API views",
    statements: (db) => viewStatements(assertIdentifier(db)),
  },
  {
    id: "0003_rollups",
    description: "agg_* rollups of the API views, their refresh bookkeeping and dirty-mark views",
    statements: (db) => rollupStatements(assertIdentifier(db)),
  },
  {
    id: "0004_gpu_rollup_metadata",
    description: "GPU metadata stored in the agg_gpu_metrics rows (reads join nothing)",
    statements: (db) => gpuMetadataColumnsStatements(assertIdentifier(db)),
  },
];
