/**
 * Java `String.trim` semantics: strips leading and trailing UTF-16 code units ≤ U+0020.
 *
 * Unlike `String.prototype.trim`, U+00A0 and other Unicode spaces are kept (events.md §1.3).
 * @example javaTrim("\t a \u00a0") === "a \u00a0"
 */
export function javaTrim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 0x20) start++;
  while (end > start && s.charCodeAt(end - 1) <= 0x20) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/** True for null/undefined or a string made only of code units ≤ U+0020 (sessions.md §1). */
export function isBlank(s: string | null | undefined): s is null | undefined | "" {
  if (s == null) return true;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x20) return false;
  return true;
}

/**
 * First non-blank argument, returned unchanged (not trimmed); `""` when all are blank.
 * @example fnb(" ", null, "x", "y") === "x"
 */
export function fnb(...values: ReadonlyArray<string | null | undefined>): string {
  for (const v of values) if (!isBlank(v)) return v;
  return "";
}

/** Two-argument {@link fnb} without rest-array allocation, for hot paths. */
export function fnb2(a: string | null | undefined, b: string | null | undefined): string {
  if (!isBlank(a)) return a;
  if (!isBlank(b)) return b;
  return "";
}

/** Three-argument {@link fnb} without rest-array allocation, for hot paths. */
export function fnb3(
  a: string | null | undefined,
  b: string | null | undefined,
  c: string | null | undefined,
): string {
  if (!isBlank(a)) return a;
  return fnb2(b, c);
}

/** null when blank, else the value unchanged. @example blankToNull(" ") === null */
export function blankToNull(s: string | null | undefined): string | null {
  return isBlank(s) ? null : s;
}

/**
 * Case-insensitive equality after Java trim and locale-independent lowercasing (`ci` of
 * sessions.md §1). @example ci(" Error", "error") === true
 */
export function ci(a: string | null | undefined, b: string | null | undefined): boolean {
  return javaTrim(a ?? "").toLowerCase() === javaTrim(b ?? "").toLowerCase();
}

/**
 * `ci(a, lower)` for a `lower` that is already trimmed, lowercase ASCII (a constant such as
 * `"loading"`), without copying `a`. A trimmed `a` of another length never matches: lowercasing
 * keeps the length except U+0130 (→ `"i\u0307"`, not ASCII). ASCII letters are folded in place;
 * any other non-ASCII unit falls back to {@link ci} (`"\u212A"` lowercases to `"k"`).
 * @example ciAscii(" Loading ", "loading") === true
 */
export function ciAscii(a: string | null | undefined, lower: string): boolean {
  const s = a ?? "";
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 0x20) start++;
  while (end > start && s.charCodeAt(end - 1) <= 0x20) end--;
  if (end - start !== lower.length) return false;
  for (let i = start; i < end; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0x80) return ci(s, lower);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c !== lower.charCodeAt(i - start)) return false;
  }
  return true;
}

/**
 * Orchestrator address normalization (D4): blank → `""`, else Java-trimmed and lowercased.
 * @example normalizeAddress(" 0xAbC123 ") === "0xabc123"
 */
export function normalizeAddress(s: string | null | undefined): string {
  // One-entry memo: callers normalize the same address over and over (every signal of a
  // session, every machine step), and toLowerCase always copies.
  if (s === lastAddress) return lastNormalized;
  const normalized = isBlank(s) ? "" : javaTrim(s).toLowerCase();
  lastAddress = s;
  lastNormalized = normalized;
  return normalized;
}

let lastAddress: string | null | undefined = "";
let lastNormalized = "";

/** Ordinal comparison by UTF-16 code units (never locale-aware), for sorts and tie-breaks. */
export function compareOrdinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
