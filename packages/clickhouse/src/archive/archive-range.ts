import type { LpaClickHouse } from "../connection/create-clickhouse.js";
import { parquetTableFunction, type ArchiveLocation } from "./archive-location.js";

/** Columns of an archived envelope: enough to rebuild the accepted record exactly. */
export const ARCHIVE_COLUMNS = [
  "raw_event_uid",
  "org",
  "id",
  "type",
  "timestamp",
  "gateway",
  "data",
  "envelope_rest",
  "replay",
  "source_topic",
  "source_partition",
  "source_offset",
] as const;

/** One Parquet file written by {@link archiveRange}. */
export interface ArchivedPart {
  /** Path relative to the location: `date=YYYY-MM-DD/type=<type>/part-<from>-<to>.parquet`. */
  readonly path: string;
  readonly rows: number;
}

/**
 * An event type as a path segment: `[A-Za-z0-9_.-]` kept, every other UTF-8 byte as `+HH`
 * (types are arbitrary strings; paths must stay safe in SQL literals and object keys).
 */
export function typePathSegment(type: string): string {
  let out = "";
  for (const b of new TextEncoder().encode(type)) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9_.-]/.test(c) ? c : `+${b.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out === "" ? "+" : out;
}

/**
 * Writes the accepted envelopes (`raw_streaming_events`, deduplicated) with event time in
 * `[fromMs, toMs)` as Parquet, one file per (UTC date, event type) under
 * `date=YYYY-MM-DD/type=<type>/`. ClickHouse writes the files. The file name holds the range, and
 * files are overwritten, so re-running the same archive is idempotent; overlapping ranges give
 * overlapping files whose duplicates replay collapses (events are keyed by uid).
 */
export async function archiveRange(
  db: LpaClickHouse,
  loc: ArchiveLocation,
  fromMs: number,
  toMs: number,
): Promise<ArchivedPart[]> {
  const d = db.database;
  const window = { from: fromMs, to: toMs };
  const partitions = await db.query<{ date: string; type: string; rows: string }>(
    `SELECT toString(event_date) AS date, type, count() AS rows FROM ${d}.raw_streaming_events FINAL
     WHERE timestamp >= {from:UInt64} AND timestamp < {to:UInt64}
     GROUP BY event_date, type ORDER BY event_date, type`,
    { params: window },
  );
  const parts: ArchivedPart[] = [];
  for (const p of partitions) {
    const path = `date=${p.date}/type=${typePathSegment(p.type)}/part-${fromMs}-${toMs}.parquet`;
    await db.command(
      `INSERT INTO FUNCTION ${parquetTableFunction(loc, path)}
       SELECT ${ARCHIVE_COLUMNS.join(", ")} FROM ${d}.raw_streaming_events FINAL
       WHERE event_date = {date:Date} AND type = {type:String}
         AND timestamp >= {from:UInt64} AND timestamp < {to:UInt64}
       ORDER BY timestamp, raw_event_uid`,
      {
        params: { ...window, date: p.date, type: p.type },
        settings: { engine_file_truncate_on_insert: 1, s3_truncate_on_insert: 1 },
      },
    );
    parts.push({ path, rows: Number(p.rows) });
  }
  return parts;
}
