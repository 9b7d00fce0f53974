import type { ClickHouseSettings } from "@clickhouse/client";

/**
 * Settings every statement of this package relies on, pinned on the client so a server (or a
 * chDB release) with other defaults cannot change what a query or an insert means:
 * - `async_insert: 0` — ClickHouse 26 defaults to asynchronous inserts, which acknowledge before
 *   the rows are durable and deduplicate differently; the writer needs a synchronous insert whose
 *   success means "written".
 * - `insert_deduplicate: 1` — honour `insert_deduplication_token` (idempotent retries).
 * - `date_time_input_format: "basic"` — timestamps arrive as `YYYY-MM-DD hh:mm:ss.SSS` UTC.
 * - `output_format_json_quote_64bit_integers: 1` — 64-bit integers come back as strings, so no
 *   precision is lost in JavaScript; query row schemas coerce them.
 * - `join_use_nulls: 1` — an unmatched side of an outer join is NULL, not a type default.
 */
export const PINNED_SETTINGS = {
  async_insert: 0,
  insert_deduplicate: 1,
  date_time_input_format: "basic",
  output_format_json_quote_64bit_integers: 1,
  join_use_nulls: 1,
} satisfies ClickHouseSettings;
