import { gpuMetadataSelectSql, GPU_METADATA_COLUMNS } from "../views/gpu-metrics-sql.js";
import { GPU_METADATA_TABLE } from "./rollup-catalog.js";

/**
 * The GPU metadata of serving.md §6.1 stored in the GPU rollup's rows. Invariant after every
 * completed refresh: each current `agg_gpu_metrics` row carries the `agg_gpu_metadata` values of
 * its (orchestrator_address, gpu_id) (NULLs when the pair has none), and `agg_gpu_metadata` is
 * what the snapshots give now — so a rollup row equals its view row, metadata included.
 */

/** The GPU rollup table (holds the metadata columns since migration 0004). */
const GPU_ROLLUP_TABLE = "agg_gpu_metrics";

/** Stored type of each metadata column (as the metadata SELECT types them). */
const COLUMN_TYPES: Readonly<Record<(typeof GPU_METADATA_COLUMNS)[number], string>> = {
  gpu_name: "Nullable(String)",
  runner_version: "Nullable(String)",
  cuda_version: "Nullable(String)",
  gpu_memory_total: "Nullable(UInt64)",
};

/** `a.* REPLACE` list setting the metadata columns from the metadata alias `md`. */
const fromMetadata = GPU_METADATA_COLUMNS.map((c) => `md.${c} AS ${c}`).join(", ");

/** The current metadata table, aliased `md`, joined to rollup rows `a` by their pair. */
function joinMetadataSql(db: string): string {
  return `LEFT JOIN (SELECT * FROM ${db}.${GPU_METADATA_TABLE} FINAL) AS md
  ON md.m_orch = a.orchestrator_address AND md.m_gpu = a.gpu_id`;
}

/**
 * Migration 0004: adds the metadata columns after `is_deleted` and fills them in the current
 * rows from `agg_gpu_metadata`, keeping each row's `refresh_version` (of equal versions FINAL
 * keeps the last inserted row). Running it again only re-inserts equal rows.
 */
export function gpuMetadataColumnsStatements(db: string): string[] {
  const add = GPU_METADATA_COLUMNS.map(
    (c) => `ADD COLUMN IF NOT EXISTS ${c} ${COLUMN_TYPES[c]}`,
  ).join(", ");
  return [
    `ALTER TABLE ${db}.${GPU_ROLLUP_TABLE} ${add}`,
    `INSERT INTO ${db}.${GPU_ROLLUP_TABLE}
SELECT a.* REPLACE (${fromMetadata})
FROM (SELECT * FROM ${db}.${GPU_ROLLUP_TABLE} FINAL) AS a
${joinMetadataSql(db)}`,
  ];
}

/**
 * Publishes the metadata the snapshots give now (bound `{rv:UInt64}`): inserts, stamped `rv`,
 * the row of every pair whose values differ from the current `agg_gpu_metadata` row, and an
 * all-NULL row for a pair whose snapshots are gone. Nothing when nothing changed.
 */
export function publishGpuMetadataSql(db: string): string {
  const same = GPU_METADATA_COLUMNS.map((c) => `n.${c} <=> o.${c}`).join(" AND ");
  return `INSERT INTO ${db}.${GPU_METADATA_TABLE}
SELECT m_orch, m_gpu, ${GPU_METADATA_COLUMNS.map((c) => `n.${c}`).join(", ")}, {rv:UInt64}
FROM (
${gpuMetadataSelectSql(db)}
) AS n
FULL JOIN (SELECT * FROM ${db}.${GPU_METADATA_TABLE} FINAL) AS o USING (m_orch, m_gpu)
WHERE NOT (${same})`;
}

/**
 * Re-stamps with `{rv:UInt64}` the current GPU rollup rows written before `rv` whose pair's
 * metadata was published after the last completed refresh `{w:UInt64}` (by this refresh, or by
 * one that crashed before completing), with the current metadata. (The version filter sits in
 * a subquery: in the outer SELECT, `refresh_version` is the replaced value.)
 */
export function restampGpuMetadataSql(db: string): string {
  return `INSERT INTO ${db}.${GPU_ROLLUP_TABLE}
SELECT a.* REPLACE ({rv:UInt64} AS refresh_version, ${fromMetadata})
FROM (
  SELECT * FROM ${db}.${GPU_ROLLUP_TABLE} FINAL
  WHERE refresh_version < {rv:UInt64} AND (orchestrator_address, gpu_id) IN (
    SELECT m_orch, m_gpu FROM ${db}.${GPU_METADATA_TABLE} WHERE refresh_version > {w:UInt64})
) AS a
${joinMetadataSql(db)}`;
}
