/**
 * UTF-8 byte order, the order in which ClickHouse sorts `String` values (serving.md §8.1).
 */

// Maps a UTF-16 code unit so that comparing mapped units equals comparing code points
// (= comparing UTF-8 bytes): surrogates (astral chars) sort above U+E000..U+FFFF.
function fix(c: number): number {
  if (c >= 0xe000) return c - 0x800;
  if (c >= 0xd800) return c + 0x2000;
  return c;
}

/**
 * Compares two strings by the bytes of their UTF-8 encodings (equivalently by code points).
 *
 * Differs from `<` on strings only when one side has an astral character (surrogate pair)
 * and the other a BMP character ≥ U+E000 at the first difference.
 * @returns negative, 0 or positive.
 * @example compareUtf8("\uffff", "\u{10000}") < 0 // whereas "\uffff" > "\u{10000}" in UTF-16
 */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return fix(x) - fix(y);
  }
  return a.length - b.length;
}

/**
 * Lexicographic comparison of two key tuples of equal length with {@link compareUtf8}.
 * @example compareKeyTuples(["a", "b"], ["a", "c"]) < 0
 */
export function compareKeyTuples(a: ReadonlyArray<string>, b: ReadonlyArray<string>): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareUtf8(a[i] as string, b[i] as string);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}
