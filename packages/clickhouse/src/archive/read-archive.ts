import type { LpaClickHouse } from "../connection/create-clickhouse.js";
import { parquetTableFunction, type ArchiveLocation } from "./archive-location.js";

/** One archived envelope as stored (see `ARCHIVE_COLUMNS`). */
export interface ArchivedEnvelope {
  readonly raw_event_uid: string;
  readonly org: string;
  readonly id: string;
  readonly type: string;
  readonly timestamp: string;
  readonly gateway: string;
  readonly data: string;
  readonly envelope_rest: string;
  readonly replay: number;
  readonly source_topic: string;
  readonly source_partition: number;
  readonly source_offset: string;
}

/**
 * Rebuilds the accepted record of an archived envelope: its top-level keys other than `data`
 * verbatim (`envelope_rest`), plus `data`. Its canonical JSON — hence its dedup key and event
 * uid — equals the original's.
 */
export function envelopeOf(a: ArchivedEnvelope): Record<string, unknown> {
  const rest = JSON.parse(a.envelope_rest) as Record<string, unknown>;
  return { ...rest, data: JSON.parse(a.data) as unknown };
}

/**
 * Reads an archive back, one UTC date at a time (bounded memory per date), each date in
 * (timestamp, uid) order with copies from overlapping archive runs collapsed.
 */
export async function* readArchive(
  db: LpaClickHouse,
  loc: ArchiveLocation,
): AsyncGenerator<ArchivedEnvelope> {
  const dates = await db.query<{ d: string }>(
    `SELECT DISTINCT extract(_path, 'date=([0-9]{4}-[0-9]{2}-[0-9]{2})/') AS d
     FROM ${parquetTableFunction(loc, "date=*/type=*/*.parquet")} ORDER BY d`,
  );
  for (const { d } of dates) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) continue;
    const rows = await db.query<ArchivedEnvelope>(
      `SELECT * FROM ${parquetTableFunction(loc, `date=${d}/type=*/*.parquet`)}
       ORDER BY timestamp, raw_event_uid LIMIT 1 BY raw_event_uid`,
    );
    yield* rows;
  }
}
