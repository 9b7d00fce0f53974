// Runs a serving SELECT (windowed or a view) and parses every row with the API row schema.
import { formatTimestamp } from "@livepeer-analytics/core";
import type { z } from "zod";
import type { LpaClickHouse } from "../../src/index.js";

/** All rows of a windowed serving SELECT over [start, end), parsed with `schema`. */
export async function selectWindow<R>(
  db: LpaClickHouse,
  select: string,
  start: number,
  end: number,
  schema: z.ZodType<R, unknown>,
): Promise<R[]> {
  const rows = await db.query(
    `SELECT * REPLACE (toUnixTimestamp64Milli(window_start) AS window_start) FROM (${select})`,
    { params: { start: formatTimestamp(start), end: formatTimestamp(end) } },
  );
  return rows.map((r) => schema.parse(r));
}

/** All rows of a `v_api_*` view, parsed with `schema`. */
export async function selectView<R>(
  db: LpaClickHouse,
  view: string,
  schema: z.ZodType<R, unknown>,
): Promise<R[]> {
  const rows = await db.query(
    `SELECT * REPLACE (toUnixTimestamp64Milli(window_start) AS window_start) FROM ${db.database}.${view}`,
  );
  return rows.map((r) => schema.parse(r));
}
