import { exceedsSizeLimit } from "../events/size-guard.js";
import {
  FACT_LIFECYCLE_EDGE_COVERAGE,
  FACT_STREAM_STATUS_SAMPLES,
  FACT_STREAM_TRACE_EDGES,
  FACT_WORKFLOW_LATENCY_SAMPLES,
  FACT_WORKFLOW_PARAM_UPDATES,
  FACT_WORKFLOW_SESSION_SEGMENTS,
  FACT_WORKFLOW_SESSIONS,
} from "../schema/fact-tables.js";
import type { TableSpec } from "../schema/table-spec.js";
import type { SessionFacts } from "../sessions/fact-rows.js";

/** A fact row and its table. */
export interface FactLine {
  readonly table: TableSpec<string, never>;
  readonly row: unknown;
}

/**
 * The rows of one derivation (sessions.md §4.5) in table order. An oversize fact row is not
 * written; `onDrop(table)` counts it (`lpa_sink_guard_drops_total{table}`, events.md §9). With
 * `check` false (the caller knows every row fits, see `factRowBound`) rows are not measured.
 * Returns a plain array (the batch yields it row by row; nested generators cost more than the
 * rows they carry).
 */
export function emitFacts(
  facts: SessionFacts,
  limit: number,
  onDrop: (table: string) => void,
  check = true,
): FactLine[] {
  const l = check ? limit : null;
  const out: FactLine[] = [];
  lines(out, FACT_WORKFLOW_SESSIONS, [facts.session], l, onDrop);
  lines(out, FACT_WORKFLOW_SESSION_SEGMENTS, facts.segments, l, onDrop);
  lines(out, FACT_WORKFLOW_PARAM_UPDATES, facts.paramUpdates, l, onDrop);
  lines(out, FACT_LIFECYCLE_EDGE_COVERAGE, facts.coverage, l, onDrop);
  lines(out, FACT_STREAM_STATUS_SAMPLES, facts.statusSamples, l, onDrop);
  lines(out, FACT_STREAM_TRACE_EDGES, facts.traceEdges, l, onDrop);
  lines(out, FACT_WORKFLOW_LATENCY_SAMPLES, [facts.latency], l, onDrop);
  return out;
}

/** Appends the rows of one table; `limit` null = rows known to fit, not measured. */
function lines<Row>(
  out: FactLine[],
  table: TableSpec<string, Row>,
  rows: ReadonlyArray<Row>,
  limit: number | null,
  onDrop: (table: string) => void,
): void {
  const spec = table as TableSpec<string, never>;
  for (const row of rows) {
    if (limit !== null && exceedsSizeLimit(table, row, limit)) onDrop(table.name);
    else out.push({ table: spec, row });
  }
}
