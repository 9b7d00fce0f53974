import type { LpaClickHouse } from "@livepeer-analytics/clickhouse";
import {
  DEFAULT_TTL_MS,
  isTimestampType,
  exceedsSizeLimit,
  lifecycleEventsOf,
  RAW_TYPED_TABLES,
  type LifecycleEvent,
  type RawNetworkCapabilitiesRow,
  type RawTypedTableName,
  type RecordParser,
  type SessionScopedRow,
} from "@livepeer-analytics/core";

/** Lifecycle tables (sessions.md §3) and whether they carry `orchestrator_address`. */
const LIFECYCLE_TABLES: ReadonlyArray<readonly [RawTypedTableName, boolean]> = [
  ["raw_ai_stream_status", true],
  ["raw_stream_trace_events", true],
  ["raw_ai_stream_events", false],
];

interface StoredRecord {
  readonly org: string;
  readonly j: string;
}

/** Re-parses stored record texts (`raw_json`) into typed rows, as first consumed. */
export type ParserFor = (org: string) => RecordParser;

function reparse(
  records: readonly StoredRecord[],
  parserFor: ParserFor,
  limit: number,
  each: (table: RawTypedTableName, row: unknown) => void,
): void {
  for (const r of records) {
    const parsed = parserFor(r.org)(r.j, {
      topic: "",
      partition: 0,
      offset: 0,
      recordTimestamp: null,
    });
    if (parsed.kind !== "accepted") continue;
    for (const name of Object.keys(parsed.rows) as RawTypedTableName[]) {
      const spec = RAW_TYPED_TABLES[name];
      for (const row of parsed.rows[name] ?? []) {
        // Oversize rows were never written (events.md §9); they feed nothing.
        if (!exceedsSizeLimit(spec as never, row as never, limit)) each(name, row);
      }
    }
  }
}

/**
 * Every stored lifecycle event of the sessions `ids`, by session (rehydration, sessions.md §4.3):
 * the typed raw tables keep the record text in `raw_json`, re-parsed here exactly as consumed.
 */
export async function loadSessionEvents(
  db: LpaClickHouse,
  ids: readonly string[],
  parserFor: ParserFor,
  limit: number,
): Promise<Map<string, LifecycleEvent[]>> {
  const out = new Map<string, LifecycleEvent[]>();
  if (ids.length === 0) return out;
  const wanted = new Set(ids);
  for (const [table] of LIFECYCLE_TABLES) {
    const records = await db.query<StoredRecord>(
      `SELECT any(org) AS org, any(raw_json) AS j FROM ${db.database}.${table}
       WHERE workflow_session_id IN {ids:Array(String)} GROUP BY raw_event_uid`,
      { params: { ids } },
    );
    reparse(records, parserFor, limit, (name, row) => {
      if (name !== table) return;
      const id = (row as SessionScopedRow).workflow_session_id;
      if (!wanted.has(id)) return;
      const list = out.get(id) ?? [];
      list.push(...lifecycleEventsOf(name, row));
      out.set(id, list);
    });
  }
  return out;
}

/**
 * Distinct stored lifecycle events (`raw_event_uid`) per session of `ids`, in one query. The
 * pipeline compares them with its accumulators after a write to learn whether another consumer
 * stored events of the same sessions meanwhile (then it reloads them).
 */
export async function storedEventCounts(
  db: LpaClickHouse,
  ids: readonly string[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (ids.length === 0) return out;
  const union = LIFECYCLE_TABLES.map(
    ([table]) =>
      `SELECT workflow_session_id AS id, raw_event_uid AS uid FROM ${db.database}.${table}
       WHERE workflow_session_id IN {ids:Array(String)}`,
  ).join(" UNION ALL ");
  const rows = await db.query<{ id: string; n: string | number }>(
    `SELECT id, uniqExact(uid) AS n FROM (${union}) GROUP BY id`,
    { params: { ids } },
  );
  for (const r of rows) out.set(r.id, Number(r.n));
  return out;
}

/**
 * Capability snapshot rows (`raw_network_capabilities`) stored since `sinceMs` of ingestion time
 * (all when null), read back column by column (their `raw_json` is the orchestrator element, not
 * the record, so they cannot be re-parsed). Timestamps come back as epoch ms, 64-bit integers as
 * numbers, like the rows core produces.
 */
export async function loadSnapshots(
  db: LpaClickHouse,
  sinceMs: number | null,
): Promise<RawNetworkCapabilitiesRow[]> {
  const spec = RAW_TYPED_TABLES.raw_network_capabilities;
  const select = spec.columns
    .map(([name, type]) =>
      isTimestampType(type) ? `toUnixTimestamp64Milli(${name}) AS ${name}` : name,
    )
    .join(", ");
  const where =
    sinceMs === null ? "" : "WHERE ingestion_timestamp >= fromUnixTimestamp64Milli({since:Int64})";
  return db.query<RawNetworkCapabilitiesRow>(
    `SELECT ${select} FROM ${db.database}.raw_network_capabilities FINAL ${where}`,
    {
      ...(sinceMs === null ? {} : { params: { since: sinceMs } }),
      settings: { output_format_json_quote_64bit_integers: 0 },
    },
  );
}

/**
 * Sessions a batch of new snapshot rows may re-attribute (`addresses`: the rows' addresses and
 * those linked to them) (sessions.md §4.3 (b)): sessions with a
 * lifecycle event whose orchestrator address is one of the rows' addresses, within 2·TTL of a
 * row's snapshot time. (A superset check is safe: re-deriving an unaffected session writes the
 * same version again.) The `event_date` bound lets the engine skip every other day (the tables'
 * sort keys begin with it), so the cost follows the window, not the retention.
 */
export async function sessionsNearSnapshots(
  db: LpaClickHouse,
  addresses: ReadonlySet<string>,
  rows: readonly RawNetworkCapabilitiesRow[],
  ttlMs = DEFAULT_TTL_MS,
): Promise<string[]> {
  if (rows.length === 0 || addresses.size === 0) return [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rows) {
    lo = Math.min(lo, r.event_timestamp);
    hi = Math.max(hi, r.event_timestamp);
  }
  const addrs = [...addresses];
  const found = new Set<string>();
  for (const [table, hasOrch] of LIFECYCLE_TABLES) {
    if (!hasOrch) continue;
    const hits = await db.query<{ id: string }>(
      `SELECT DISTINCT workflow_session_id AS id FROM ${db.database}.${table}
       WHERE event_date BETWEEN toDate(fromUnixTimestamp64Milli({lo:Int64})) AND toDate(fromUnixTimestamp64Milli({hi:Int64}))
         AND event_timestamp BETWEEN fromUnixTimestamp64Milli({lo:Int64}) AND fromUnixTimestamp64Milli({hi:Int64})
         AND lower(trim(BOTH ' \\t\\n\\r' FROM orchestrator_address)) IN {addrs:Array(String)}`,
      { params: { addrs, lo: Math.floor(lo - 2 * ttlMs), hi: Math.ceil(hi + 2 * ttlMs) } },
    );
    for (const h of hits) found.add(h.id);
  }
  return [...found];
}
