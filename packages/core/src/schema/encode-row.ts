import { formatTimestamp } from "../values/timestamp.js";
import type { TableSpec } from "./table-spec.js";

/** A row as ClickHouse JSONEachRow expects it (events.md §9). */
export type EncodedRow = Record<string, string | number | null>;

/**
 * Encodes a row for storage (events.md §9): timestamps as `YYYY-MM-DD hh:mm:ss.SSS` UTC,
 * `bigint` as decimal strings, booleans as 0/1, nulls kept; columns in table order. Strings are
 * stored as UTF-8, so a lone surrogate (which JSON text may carry as a `\ud800` escape) becomes
 * U+FFFD, as any UTF-8 encoder writes it (and as {@link utf8ByteLength} counts it); ClickHouse
 * refuses the escape itself, which would fail the whole batch.
 */
export function encodeRow<Row>(table: TableSpec<string, Row>, row: Row): EncodedRow {
  const out: EncodedRow = {};
  const r = row as Record<string, unknown>;
  for (const [name, type] of table.columns) {
    const v = r[name];
    if (v === null || v === undefined) out[name] = null;
    else if (type === "DateTime64(3)" || type === "Nullable(DateTime64(3))")
      out[name] = formatTimestamp(v as number);
    else if (typeof v === "bigint") out[name] = v.toString();
    else if (typeof v === "boolean") out[name] = v ? 1 : 0;
    else if (typeof v === "string") out[name] = wellFormed(v);
    else out[name] = v as number;
  }
  return out;
}

/** String methods of ES2024, present in every supported runtime (Node 20, current browsers). */
interface Es2024String {
  isWellFormed(): boolean;
  toWellFormed(): string;
}

/** `s` with every lone surrogate replaced by U+FFFD (`s` itself when there is none). */
function wellFormed(s: string): string {
  const t = s as unknown as Es2024String;
  return t.isWellFormed() ? s : t.toWellFormed();
}

/** UTF-8 byte length of a string without allocating (size guard, events.md §9). */
export function utf8ByteLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3; // lone high surrogate → U+FFFD (3 bytes)
    } else n += 3;
  }
  return n;
}

/**
 * A cheap upper bound of `utf8ByteLength(JSON.stringify(encodeRow(table, row)))`: every string
 * counts 6 bytes per UTF-16 unit (the longest escape, `\u001f`), every other value 32 bytes, plus
 * key and punctuation overhead. When the bound is ≤ a size limit the row surely fits, so the
 * exact (serializing) measurement is needed only for rows near the limit.
 */
export function rowSizeUpperBound<Row>(table: TableSpec<string, Row>, row: Row): number {
  const bound = boundOf(table as TableSpec<string, unknown>);
  const r = row as Record<string, unknown>;
  let n = bound.base;
  for (const name of bound.names) {
    const v = r[name];
    if (typeof v === "string") n += v.length * 6 - 30; // replaces the column's 32 by 6·len + 2
  }
  return n;
}

/** Per table: column names and the bound of a row whose every value is a non-string. */
interface SizeBound {
  readonly names: readonly string[];
  readonly base: number;
}

const SIZE_BOUNDS = new WeakMap<TableSpec<string, unknown>, SizeBound>();

function boundOf(table: TableSpec<string, unknown>): SizeBound {
  let bound = SIZE_BOUNDS.get(table);
  if (bound === undefined) {
    const names = table.columns.map(([name]) => name as string);
    let base = 2;
    for (const name of names) base += name.length + 4 + 32;
    bound = { names, base };
    SIZE_BOUNDS.set(table, bound);
  }
  return bound;
}
