// Prints, as JSON, the rows of the given tables (FINAL, ingestion time excluded, sorted):
// `dump-tables.ts DB_PATH table…`.
import { createClickHouse } from "@livepeer-analytics/clickhouse";

const [path, ...tables] = process.argv.slice(2);
const db = await createClickHouse({ path: path as string });
const out: Record<string, string[]> = {};
for (const t of tables) {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT * EXCEPT (ingestion_timestamp) FROM ${db.database}.${t} FINAL`,
  );
  out[t] = rows.map((r) => JSON.stringify(r)).sort();
}
await db.close();
process.stdout.write(JSON.stringify(out));
