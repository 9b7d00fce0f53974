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
 * What this process last wrote per source event of one session: the keyed rows of that event,
 * as derived. Empty = nothing known (write all).
 */
export type EmittedContent = Map<string, readonly FactLine[]>;

/**
 * The fact lines of a derivation to write (sessions.md §4.5), omitting the keyed rows of every
 * source event whose rows are unchanged (ignoring `version`) since `emitted` recorded them;
 * updates `emitted`. Unchanged rows are compared column by column and never encoded. Oversize
 * rows are dropped and counted as in core. `emitted` must only describe rows this process wrote
 * durably or is writing in the same step (on a failed step the pipeline drops its accumulators,
 * and their records with them).
 */
export function factLinesSince(
  facts: SessionFacts,
  emitted: EmittedContent,
  limit: number,
  metrics: PipelineMetrics,
): TableLine[] {
  const out: TableLine[] = [];
  const byEvent = new Map<string, FactLine[]>();
  const drop = (table: string): void => bump(metrics.sinkGuardDrops, table);
  for (const f of emitFacts(facts, limit, drop)) {
    const uid = (f.row as { source_event_uid?: unknown }).source_event_uid;
    if (!KEYED_TABLES.has(f.table.name) || typeof uid !== "string") {
      out.push({ table: f.table.name, line: encodeOutputRow(f) });
      continue;
    }
    const rows = byEvent.get(uid);
    if (rows === undefined) byEvent.set(uid, [f]);
    else rows.push(f);
  }
  for (const [uid, rows] of byEvent) {
    const before = emitted.get(uid);
    if (before !== undefined && sameRows(before, rows)) continue;
    emitted.set(uid, rows);
    for (const f of rows) out.push({ table: f.table.name, line: encodeOutputRow(f) });
  }
  return out;
}

/** True when both lists hold the same tables' rows with equal columns, `version` aside. */
function sameRows(a: readonly FactLine[], b: readonly FactLine[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as FactLine;
    const y = b[i] as FactLine;
    if (x.table !== y.table) return false;
    const rx = x.row as Record<string, unknown>;
    const ry = y.row as Record<string, unknown>;
    for (const [name] of x.table.columns)
      if (name !== "version" && !Object.is(rx[name], ry[name])) return false;
  }
  return true;
}
