/**
 * SQL twins of core's string rules used by the serving keys (sessions.md §1, §7.5).
 */

// A string is blank when every UTF-16 unit is ≤ U+0020 (Java `trim`); those are exactly the
// single bytes 0x00–0x20 in UTF-8 (multi-byte sequences use bytes ≥ 0x80), so a byte-level
// pattern is equivalent. In the SQL literal `\x00` and `\x20` are unescaped to raw bytes.
const BLANK = String.raw`'^[\x00-\x20]*$'`;
const EDGES = String.raw`'^[\x00-\x20]+|[\x00-\x20]+$'`;

/** `isBlank(s)` for a non-null String expression: 1 when empty or only bytes ≤ 0x20. */
export function isBlankSql(s: string): string {
  return `match(${s}, ${BLANK})`;
}

/** Java `String.trim` of a non-null String expression: strips bytes ≤ 0x20 at both ends. */
export function javaTrimSql(s: string): string {
  return `replaceRegexpAll(${s}, ${EDGES}, '')`;
}

/**
 * `canonicalPipeline(p, m)` (sessions.md §7.5): `''` when `p` is blank, or when both are
 * non-blank and equal after Java trim and lowercasing (a model label posing as pipeline);
 * otherwise `p` unchanged. `m` may be Nullable (null counts as blank).
 * Lowercasing is `lowerUTF8` (ICU), JavaScript's `toLowerCase` in core: equal on every
 * label seen in practice (ASCII), see the report for exotic scripts.
 * @example canonicalPipelineSql("pipeline", "model_id")
 */
export function canonicalPipelineSql(p: string, m: string): string {
  const mm = `ifNull(${m}, '')`;
  const same = `lowerUTF8(${javaTrimSql(p)}) = lowerUTF8(${javaTrimSql(mm)})`;
  return `multiIf(${isBlankSql(p)}, '', NOT ${isBlankSql(mm)} AND ${same}, '', ${p})`;
}
