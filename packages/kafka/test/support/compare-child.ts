// `compare-child.ts DB_PATH DERIVE_DIR`: prints JSON { actual, expected, raw } where actual are the
// current fact rows of the database (latest version per session, or per keyed row; FINAL) and expected the rows
// of `lpa derive` loaded into scratch tables of the same database and read back the same way
// (identical formatting); raw holds FINAL counts of raw tables in the database and in DERIVE_DIR.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createClickHouse } from "@livepeer-analytics/clickhouse";
import { FACT_TABLES, RAW_TABLES, RAW_TYPED_TABLES } from "@livepeer-analytics/core";

const [path, dir] = process.argv.slice(2) as [string, string];
const db = await createClickHouse({ path });
const d = db.database;
const lines = (t: string): string[] => {
  try {
    return readFileSync(join(dir, `${t}.jsonl`), "utf8")
      .split("\n")
      .filter((l) => l !== "");
  } catch {
    return [];
  }
};
/**
 * Tables read as the latest row per (session, source event) (sessions.md §4.5 D8): the pipeline
 * may omit a row whose content is unchanged, so a current row can carry an older version than
 * the session's; their content is compared without `version`.
 */
const KEYED = new Set([
  "fact_workflow_param_updates",
  "fact_lifecycle_edge_coverage",
  "fact_stream_status_samples",
  "fact_stream_trace_edges",
]);
const current = async (table: string, name: string, versioned: boolean): Promise<string[]> => {
  const keyed = KEYED.has(name);
  const where =
    versioned && !keyed
      ? `WHERE (workflow_session_id, version) IN (SELECT workflow_session_id, max(version) FROM ${table} FINAL GROUP BY workflow_session_id)`
      : "";
  const except = keyed ? "ingestion_timestamp, version" : "ingestion_timestamp";
  const rows = await db.query<Record<string, unknown>>(
    `SELECT * EXCEPT (${except}) FROM ${table} FINAL ${where}`,
  );
  return rows.map((r) => JSON.stringify(r)).sort();
};
const actual: Record<string, string[]> = {};
const expected: Record<string, string[]> = {};
for (const spec of FACT_TABLES) {
  const t = spec.name;
  const versioned = spec.columns.some((c) => c[0] === "version");
  actual[t] = await current(`${d}.${t}`, t, versioned);
  await db.command(`DROP TABLE IF EXISTS ${d}.cmp_${t}`);
  await db.command(`CREATE TABLE ${d}.cmp_${t} AS ${d}.${t}`);
  const body = lines(t).join("\n");
  if (body !== "") await db.insertJsonLines(`cmp_${t}`, body);
  expected[t] = await current(`${d}.cmp_${t}`, t, versioned);
  await db.command(`DROP TABLE ${d}.cmp_${t}`);
}
const raw: Record<string, { db: number; derived: number }> = {};
for (const t of [...Object.keys(RAW_TABLES), ...Object.keys(RAW_TYPED_TABLES)]) {
  const [r] = await db.query<{ n: string }>(`SELECT count() AS n FROM ${d}.${t} FINAL`);
  raw[t] = { db: Number(r?.n ?? 0), derived: lines(t).length };
}
await db.close();
process.stdout.write(JSON.stringify({ actual, expected, raw }));
