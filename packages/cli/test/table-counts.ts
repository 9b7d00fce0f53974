// Prints, as JSON, per table: plain row count and count of distinct logical rows (FINAL).
import { createClickHouse, STORAGE_SPECS } from "@livepeer-analytics/clickhouse";

const db = await createClickHouse({ path: process.argv[2] as string });
const out: Record<string, { rows: number; final: number }> = {};
for (const s of STORAGE_SPECS) {
  const t = `${db.database}.${s.table.name}`;
  const [r] = await db.query<{ rows: string; final: string }>(
    `SELECT (SELECT count() FROM ${t}) AS rows, (SELECT count() FROM ${t} FINAL) AS final`,
  );
  out[s.table.name] = { rows: Number(r?.rows), final: Number(r?.final) };
}
await db.close();
process.stdout.write(JSON.stringify(out));
