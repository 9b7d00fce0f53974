import { emitFacts, encodeOutputRow, type SessionFacts } from "@livepeer-analytics/core";
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
 * source event whose rows are unchanged since `emitted` recorded them; updates `emitted`.
 * Oversize rows are dropped and counted as in core. `emitted` must only describe rows this
 * process wrote durably or is writing in the same step (on a failed step the pipeline drops its
 * accumulators, and their records with them).
 */
export function factLinesSince(
  facts: SessionFacts,
  emitted: EmittedContent,
  limit: number,
  metrics: PipelineMetrics,
): TableLine[] {
  const out: TableLine[] = [];
  const byEvent = new Map<string, { hash: [number, number]; lines: TableLine[] }>();
  const drop = (table: string): void => bump(metrics.sinkGuardDrops, table);
  for (const f of emitFacts(facts, limit, drop)) {
    const table = f.table.name;
    const line: TableLine = { table, line: encodeOutputRow(f) };
    const uid = (f.row as { source_event_uid?: unknown }).source_event_uid;
    if (!KEYED_TABLES.has(table) || typeof uid !== "string") {
      out.push(line);
      continue;
    }
    let e = byEvent.get(uid);
    if (e === undefined) byEvent.set(uid, (e = { hash: [0x811c9dc5, 0x9e3779b9], lines: [] }));
    e.lines.push(line);
    hashWithoutVersion(e.hash, table, line.line);
  }
  for (const [uid, e] of byEvent) {
    const h = (e.hash[0] >>> 0) * 2 ** 21 + (e.hash[1] >>> 11);
    if (emitted.get(uid) === h) continue;
    emitted.set(uid, h);
    for (const l of e.lines) out.push(l);
  }
  return out;
}

/** Mixes `table` and the JSON line minus its `"version":<value>` member into `h`. */
function hashWithoutVersion(h: [number, number], table: string, line: string): void {
  // A JSON string value cannot hold `"version":` unescaped, so the first match is the column.
  const i = line.indexOf('"version":');
  let j = i < 0 ? line.length : i + 10;
  if (i >= 0) {
    if (line.charCodeAt(j) === 34) j = line.indexOf('"', j + 1) + 1;
    else while (j < line.length && line.charCodeAt(j) !== 44 && line.charCodeAt(j) !== 125) j++;
  }
  mix(h, table, 0, table.length);
  mix(h, line, 0, i < 0 ? line.length : i);
  mix(h, line, j, line.length);
}

/** FNV-1a (32-bit) and a multiply-rotate hash of `s[from, to)` into `h`. */
function mix(h: [number, number], s: string, from: number, to: number): void {
  let a = h[0];
  let b = h[1];
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul((b << 5) | (b >>> 27), 0x85ebca6b) ^ c;
  }
  h[0] = a ^ 0x1f; // separates consecutive parts
  h[1] = b;
}
