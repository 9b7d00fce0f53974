import { formatTimestamp } from "@livepeer-analytics/core";
import type { LpaClickHouse } from "../connection/create-clickhouse.js";
import type { Keyset } from "./cursor.js";
import { decodeCompactRows, type RowFieldKinds } from "./row-decoder.js";

/** One page of a serving query: rows in API order and the keyset of the next page, if any. */
export interface ServingPage<Row> {
  readonly rows: Row[];
  /** Position of the last returned row when more rows exist (`has_more`), else null. */
  readonly nextCursor: Keyset | null;
}

/**
 * Builds the SQL of one page from the filter keys in use and whether a cursor applies (same
 * bound parameters as {@link pageSql}).
 */
export type PageSqlBuilder = (filterKeys: readonly string[], withCursor: boolean) => string;

/** A page request over a windowed serving SELECT (bound `start`/`end`). */
export interface PageRequest {
  /**
   * The windowed SELECT (its rows have `window_start` and the grain keys), paged by
   * {@link pageSql}; or a builder of the whole page query (rollups page their table directly).
   */
  readonly select: string | PageSqlBuilder;
  /** Grain key names in the endpoint's listed order (serving.md §8.5–8.7). */
  readonly keys: readonly string[];
  readonly start: number;
  readonly end: number;
  /** Exact-match filters on grain keys (already normalized); undefined = no filter. */
  readonly filters: Readonly<Record<string, string | undefined>>;
  readonly limit: number;
  readonly cursor: Keyset | undefined;
}

/** Filter keys in use, in the endpoint's key order. */
function activeFilters(req: Pick<PageRequest, "keys" | "filters">): string[] {
  return req.keys.filter((k) => req.filters[k] !== undefined);
}

/**
 * SQL of one page (pure): the SELECT's rows matching the bound filters (`{f_<key>:String}`)
 * and, with a cursor, strictly after `({cursor_w}, ({cursor_k0}, …))` in API order
 * (`window_start` DESC, then keys ASC in byte order); `{limit:UInt32}` rows; `window_start`
 * converted to epoch ms. Every value is a bound parameter; only key names (constants) are
 * spliced.
 */
export function pageSql(
  select: string,
  keys: readonly string[],
  filterKeys: readonly string[],
  withCursor: boolean,
): string {
  const order = pageOrderSql(keys);
  return `SELECT * REPLACE (toUnixTimestamp64Milli(window_start) AS window_start)
FROM (
  SELECT * FROM (
${select}
  )
  WHERE ${pageWhereSql(keys, filterKeys, withCursor).join(" AND ") || "1"}
  ${order}
  LIMIT {limit:UInt32}
)
${order}`;
}

/**
 * The page conditions (pure): bound exact-match filters `{f_<key>:String}` and, with a cursor,
 * "strictly after `({cursor_w}, ({cursor_k0}, …))` in API order", on the bucket column `bucket`.
 * Empty when neither applies.
 */
export function pageWhereSql(
  keys: readonly string[],
  filterKeys: readonly string[],
  withCursor: boolean,
  bucket = "window_start",
): string[] {
  const where = filterKeys.map((k) => `${k} = {f_${k}:String}`);
  if (withCursor) {
    const tuple = keys.map((_, i) => `{cursor_k${i}:String}`).join(", ");
    const cw = "{cursor_w:DateTime64(3, 'UTC')}";
    where.push(`(${bucket} < ${cw} OR (${bucket} = ${cw} AND (${keys.join(", ")}) > (${tuple})))`);
  }
  return where;
}

/** API order (serving.md §8.1): the bucket `bucket` descending, then the keys ascending. */
export function pageOrderSql(keys: readonly string[], bucket = "window_start"): string {
  return `ORDER BY ${bucket} DESC, ${keys.join(", ")}`;
}

/** The bound parameters of {@link pageSql}; asks for `limit + 1` rows to detect `has_more`. */
export function pageParams(req: PageRequest): Record<string, string | number> {
  const params: Record<string, string | number> = {
    start: formatTimestamp(req.start),
    end: formatTimestamp(req.end),
    limit: req.limit + 1,
  };
  for (const k of activeFilters(req)) params[`f_${k}`] = req.filters[k] as string;
  if (req.cursor !== undefined) {
    params.cursor_w = formatTimestamp(req.cursor.w);
    req.cursor.k.forEach((v, i) => (params[`cursor_k${i}`] = v));
  }
  return params;
}

/**
 * Settings of a page query: `JSONCompact` answers with unquoted 64-bit integers (the decoder
 * rejects any integer beyond 2^53 − 1, where an unquoted one could have lost precision).
 */
const PAGE_SETTINGS = { output_format_json_quote_64bit_integers: 0 } as const;

/**
 * Runs one page: fetches it as `JSONCompact` (one JSON document instead of a JSON text per row),
 * decodes and checks every returned row with `fields`, keeps `limit` rows and returns the keyset
 * of the last one when a further row exists.
 * @throws RowDecodeError when the answer does not have the shape of `fields`.
 */
export async function runPage<Row extends { readonly window_start: number }>(
  db: LpaClickHouse,
  req: PageRequest,
  fields: RowFieldKinds<Row>,
): Promise<ServingPage<Row>> {
  const filterKeys = activeFilters(req);
  const withCursor = req.cursor !== undefined;
  const sql =
    typeof req.select === "string"
      ? pageSql(req.select, req.keys, filterKeys, withCursor)
      : req.select(filterKeys, withCursor);
  const answer = await db.client.query({
    query: sql,
    format: "JSONCompact",
    query_params: pageParams(req),
    clickhouse_settings: PAGE_SETTINGS,
  });
  const { meta = [], data } = await answer.json<unknown[]>();
  const rows = decodeCompactRows(fields, meta, data, req.limit);
  const last = rows[rows.length - 1];
  const more = data.length > req.limit && last !== undefined;
  return { rows, nextCursor: more ? keysetOf(last, req.keys) : null };
}

/** The keyset `{ w, k }` of a row. */
function keysetOf<Row extends { readonly window_start: number }>(
  row: Row,
  keys: readonly string[],
): Keyset {
  const r = row as unknown as Record<string, unknown>;
  return { w: row.window_start, k: keys.map((k) => r[k] as string) };
}
