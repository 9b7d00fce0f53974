import type { RawNetworkCapabilitiesRow } from "../events/raw-rows.js";
import { FACT_TABLES } from "../schema/fact-tables.js";

/**
 * Longer than every string constant a fact row can hold (semantics version, workflow type,
 * attribution methods, reasons, trace categories, `params_update`, `v1`).
 */
export const FACT_CONSTANT_ALLOWANCE = 128;

/**
 * The longest string a fact row can hold when the strings of its derivation's inputs are at most
 * `maxInputLength` UTF-16 units: fact rows (sessions.md §9–§14) hold only strings of lifecycle
 * signals and of snapshot rows, passed through or trimmed/lowercased (`toLowerCase` at most
 * doubles a length: U+0130), and constants shorter than {@link FACT_CONSTANT_ALLOWANCE}.
 */
export function maxFactStringLength(maxInputLength: number): number {
  return 2 * maxInputLength + FACT_CONSTANT_ALLOWANCE;
}

/**
 * An upper bound of `rowSizeUpperBound(table, row)` over every fact table and every row whose
 * strings are at most `maxStringLength` units long: the table's bound with every column counted
 * as a string of that length (6 bytes per unit + quotes) or as a 32-byte value, whichever is more.
 * When it is within the size limit, no fact row of such inputs can be oversize (events.md §9),
 * so per-row size checks can be skipped.
 */
export function factRowBound(maxStringLength: number): number {
  let bound = 0;
  for (const table of FACT_TABLES) {
    let n = 2;
    for (const [name] of table.columns)
      n += name.length + 4 + Math.max(32, maxStringLength * 6 + 2);
    bound = Math.max(bound, n);
  }
  return bound;
}

/** Length of the longest snapshot-row string that attribution can copy into a fact row. */
export function maxSnapshotStringLength(rows: readonly RawNetworkCapabilitiesRow[]): number {
  let max = 0;
  for (const r of rows) {
    max = Math.max(
      max,
      r.orchestrator_address.length,
      r.local_address.length,
      r.orch_uri.length,
      r.pipeline.length,
      r.model_id.length,
      r.gpu_id?.length ?? 0,
    );
  }
  return max;
}
