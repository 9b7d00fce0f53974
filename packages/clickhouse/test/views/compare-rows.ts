// Row-set comparison for differential tests: same (window_start, keys) set; integer fields
// equal; other numbers within 1e-9 (relative to max(1, |x|)); strings and nulls equal.
import { expect } from "vitest";
import type { z } from "zod";
import { integerField, nullableIntegerField } from "../../src/queries/row-fields.js";

/** Names of a row schema's integer fields (counters, window_start, gpu_memory_total). */
export function integerFieldsOf(schema: z.ZodObject): Set<string> {
  const out = new Set<string>();
  for (const [name, field] of Object.entries(schema.shape))
    if (field === integerField || field === nullableIntegerField) out.add(name);
  return out;
}

type Row = Readonly<Record<string, unknown>>;

function rowId(r: Row, keys: readonly string[]): string {
  return JSON.stringify([r.window_start, ...keys.map((k) => r[k])]);
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Differences of one field, as a message, or undefined when equal. */
function fieldDiff(name: string, a: unknown, b: unknown, exact: boolean): string | undefined {
  if (a === b) return undefined;
  if (!exact && typeof a === "number" && typeof b === "number" && close(a, b)) return undefined;
  return `${name}: sql=${JSON.stringify(a)} core=${JSON.stringify(b)}`;
}

/**
 * Expects `actual` (SQL) and `expected` (core) to hold the same rows: same key set, same
 * fields, integers equal, other numbers within 1e-9. Reports up to 10 differences.
 */
export function expectSameRows(
  actualRows: readonly object[],
  expectedRows: readonly object[],
  keys: readonly string[],
  integers: ReadonlySet<string>,
  label: string,
): void {
  const actual = actualRows as readonly Row[];
  const expected = expectedRows as readonly Row[];
  const exp = new Map(expected.map((r) => [rowId(r, keys), r]));
  const act = new Map(actual.map((r) => [rowId(r, keys), r]));
  const diffs: string[] = [];
  for (const id of exp.keys()) if (!act.has(id)) diffs.push(`missing in SQL: ${id}`);
  for (const id of act.keys()) if (!exp.has(id)) diffs.push(`extra in SQL: ${id}`);
  for (const [id, e] of exp) {
    const a = act.get(id);
    if (a === undefined) continue;
    const names = new Set([...Object.keys(a), ...Object.keys(e)]);
    for (const n of names) {
      const d = fieldDiff(n, a[n], e[n], integers.has(n));
      if (d !== undefined) diffs.push(`${id} ${d}`);
    }
  }
  expect(diffs.slice(0, 10), `${label}: ${diffs.length} differences`).toEqual([]);
  expect(actual.length, label).toBe(expected.length);
}

/** Rows of `expected` with `start ≤ window_start < end`. */
export function inWindow<R extends { readonly window_start: number }>(
  rows: readonly R[],
  start: number,
  end: number,
): R[] {
  return rows.filter((r) => r.window_start >= start && r.window_start < end);
}
