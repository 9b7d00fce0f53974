import {
  emitFacts,
  encodeOutputRow,
  type FactLine,
  type SessionFacts,
} from "@livepeer-analytics/core";
import { bump, type PipelineMetrics } from "../health/pipeline-metrics.js";
import type { TableLine } from "./batch-rows.js";

/**
 * Tables whose rows are keyed by (`workflow_session_id`, `source_event_uid`) and read as the
 * latest version per key (sessions.md §4.5): a row whose content, ignoring `version`, is
 * unchanged since its last emission MAY be omitted. Segments and the one-row tables are always
 * written.
 */
const KEYED_TABLES: ReadonlySet<string> = new Set([
  "fact_workflow_param_updates",
  "fact_lifecycle_edge_coverage",
  "fact_stream_status_samples",
  "fact_stream_trace_edges",
]);

/**
 * What this process last wrote per source event of one session: a 53-bit hash of the content
 * (ignoring `version`) of every keyed row of that event. Empty = nothing known (write all).
 */
export type EmittedContent = Map<string, number>;

/**
 * The fact lines of a derivation to write (sessions.md §4.5), omitting the keyed rows of every
 * source event whose rows are unchanged since `emitted` recorded them; updates `emitted`. Rows
 * are hashed from their column values, so an unchanged row is never encoded. Oversize rows are
 * dropped and counted as in core. `emitted` must only describe rows this process wrote durably
 * or is writing in the same step (on a failed step the pipeline drops its accumulators, and their
 * records with them).
 */
export function factLinesSince(
  facts: SessionFacts,
  emitted: EmittedContent,
  limit: number,
  metrics: PipelineMetrics,
): TableLine[] {
  const out: TableLine[] = [];
  const byEvent = new Map<string, { hash: RowHash; rows: FactLine[] }>();
  const drop = (table: string): void => bump(metrics.sinkGuardDrops, table);
  for (const f of emitFacts(facts, limit, drop)) {
    const uid = (f.row as { source_event_uid?: unknown }).source_event_uid;
    if (!KEYED_TABLES.has(f.table.name) || typeof uid !== "string") {
      out.push({ table: f.table.name, line: encodeOutputRow(f) });
      continue;
    }
    let e = byEvent.get(uid);
    if (e === undefined) byEvent.set(uid, (e = { hash: newRowHash(), rows: [] }));
    e.rows.push(f);
    hashRow(e.hash, f);
  }
  for (const [uid, e] of byEvent) {
    const h = (e.hash.a >>> 0) * 2 ** 21 + (e.hash.b >>> 11);
    if (emitted.get(uid) === h) continue;
    emitted.set(uid, h);
    for (const f of e.rows) out.push({ table: f.table.name, line: encodeOutputRow(f) });
  }
  return out;
}

/** Two 32-bit lanes: FNV-1a and a multiply-rotate hash. */
interface RowHash {
  a: number;
  b: number;
}

const newRowHash = (): RowHash => ({ a: 0x811c9dc5, b: 0x9e3779b9 });
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

/** Mixes the table and every column value of `f` but `version` into `h`, tagged by kind. */
function hashRow(h: RowHash, f: FactLine): void {
  mixString(h, f.table.name);
  const row = f.row as Record<string, unknown>;
  for (const [name] of f.table.columns) {
    if (name === "version") continue;
    const v = row[name];
    if (typeof v === "string") mixString(h, v);
    else if (typeof v === "number") {
      bits[0] = v;
      mixUnit(h, 2, words[0] as number);
      mixUnit(h, 3, words[1] as number);
    } else if (typeof v === "bigint") mixString(h, v.toString(), 4);
    else mixUnit(h, v === true ? 5 : v === false ? 6 : 7, 0); // null, undefined
  }
}

/**
 * Per-string hashes (two 32-bit lanes), computed once per distinct string: fact rows repeat the
 * same ids, addresses and names row after row, and the engine hashes a string key only once per
 * string object. Cleared when it grows past {@link MAX_CACHED_STRINGS}.
 */
const stringHashes = new Map<string, readonly [number, number]>();
const MAX_CACHED_STRINGS = 200_000;

/** Mixes a tag and the hash of `s` (with its length) into `h`. */
function mixString(h: RowHash, s: string, tag = 1): void {
  let sh = stringHashes.get(s);
  if (sh === undefined) {
    let a = 0x811c9dc5;
    let b = 0x9e3779b9 ^ s.length;
    for (let k = 0; k < s.length; k++) {
      const c = s.charCodeAt(k);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul((b << 5) | (b >>> 27), 0x85ebca6b) ^ c;
    }
    if (stringHashes.size >= MAX_CACHED_STRINGS) stringHashes.clear();
    stringHashes.set(s, (sh = [a, b]));
  }
  mixUnit(h, tag, sh[0]);
  mixUnit(h, tag, sh[1]);
}

function mixUnit(h: RowHash, tag: number, x: number): void {
  h.a = Math.imul(Math.imul(h.a ^ tag, 0x01000193) ^ x, 0x01000193);
  h.b = Math.imul((h.b << 5) | (h.b >>> 27), 0x85ebca6b) ^ (x + tag * 0x9e3779b9);
}
