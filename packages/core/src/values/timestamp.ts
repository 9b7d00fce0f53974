import type { JsonValue } from "./json-value.js";
import { javaTrim } from "./java-trim.js";

/** Largest accepted epoch-millisecond timestamp (year 2286, inside ClickHouse DateTime64(3)). */
export const MAX_TIMESTAMP_MS = 9_999_999_999_999;

/**
 * `ts(v)` of events.md §1.2: epoch milliseconds, or `undefined` (absent).
 *
 * Numbers are truncated toward zero; strings must be ASCII digits only (after Java trim) and are
 * parsed exactly; the result must lie in [0, {@link MAX_TIMESTAMP_MS}].
 * @example parseTimestamp("1710000000000") === 1710000000000; parseTimestamp("1.7e12") === undefined
 */
export function parseTimestamp(v: JsonValue | undefined): number | undefined {
  let n: number;
  if (typeof v === "number") {
    n = Math.trunc(v) + 0;
  } else if (typeof v === "string") {
    const digits = digitString(javaTrim(v));
    if (digits === undefined) return undefined;
    n = digits;
  } else {
    return undefined;
  }
  return n >= 0 && n <= MAX_TIMESTAMP_MS ? n : undefined;
}

/**
 * The value of a non-empty ASCII-digit string, or undefined when it is empty, holds another
 * character, or has more than 13 significant digits (always out of range; also keeps the
 * digit-by-digit sum exact, far below 2^53).
 */
function digitString(t: string): number | undefined {
  if (t.length === 0) return undefined;
  let n = 0;
  let significant = 0;
  for (let i = 0; i < t.length; i++) {
    const d = t.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    if (significant > 0 || d !== 0) significant++;
    n = n * 10 + d;
  }
  return significant > 13 ? undefined : n;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** Day number and `YYYY-MM-DD ` text of the last day rendered (rows of a batch share days). */
let lastDay = NaN;
let lastDayText = "";

/**
 * Renders epoch milliseconds as `YYYY-MM-DD HH:MM:SS.mmm` in UTC (ClickHouse DateTime64(3) text),
 * truncating fractions toward zero like `Date` does.
 * @example formatTimestamp(1770062064713) === "2026-02-02 19:54:24.713"
 */
export function formatTimestamp(ms: number): string {
  const t = Math.trunc(ms);
  if (!(Math.abs(t) <= 8.64e15)) return formatWithDate(ms); // NaN, ±Infinity, beyond Date's range
  const day = Math.floor(t / 86_400_000);
  if (day !== lastDay) {
    const d = new Date(day * 86_400_000);
    lastDayText = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)} `;
    lastDay = day;
  }
  let rest = t - day * 86_400_000;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const sec = Math.floor(rest / 1000);
  const milli = rest - sec * 1000;
  return (
    lastDayText +
    (h < 10 ? "0" : "") +
    h +
    (m < 10 ? ":0" : ":") +
    m +
    (sec < 10 ? ":0" : ":") +
    sec +
    (milli < 10 ? ".00" : milli < 100 ? ".0" : ".") +
    milli
  );
}

/** The `Date`-based rendering (also what an invalid time renders as). */
function formatWithDate(ms: number): string {
  const d = new Date(ms);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)} ` +
    `${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}.` +
    pad(d.getUTCMilliseconds(), 3)
  );
}
