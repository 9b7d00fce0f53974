import { MAX_TIMESTAMP_MS } from "@livepeer-analytics/core";

// date "T" time, optional fraction, then "Z" or ±hh:mm. A space before the offset digits is a
// "+" that reached us unencoded (a query string decodes "+" as a space).
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+\- ])(\d{2}):(\d{2}))$/;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * Parses an RFC 3339 timestamp with a UTC offset (`Z` or `±hh:mm`, fractional seconds allowed,
 * truncated to milliseconds) into epoch ms, or undefined when the text is not one, names an
 * impossible date or time (leap seconds included), or lies outside [1970, MAX_TIMESTAMP_MS].
 * @example parseRfc3339("2026-02-25T21:00:00+01:00") === Date.UTC(2026, 1, 25, 20)
 */
export function parseRfc3339(text: string): number | undefined {
  const m = RFC3339.exec(text);
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1) return undefined;
  if (day > DAYS_IN_MONTH[month - 1]! || (month === 2 && day === 29 && !isLeap(year)))
    return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = Number((m[7] ?? "").padEnd(3, "0").slice(0, 3));
  const local = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC maps years 0..99 to 1900..1999; those are out of range anyway.
  if (year < 100) return undefined;
  const offset =
    m[8] !== undefined ? 0 : offsetMs(m[9] as string, m[10] as string, m[11] as string);
  if (offset === undefined) return undefined;
  const t = local - offset;
  return t >= 0 && t <= MAX_TIMESTAMP_MS ? t : undefined;
}

function offsetMs(sign: string, hh: string, mm: string): number | undefined {
  const h = Number(hh);
  const min = Number(mm);
  if (h > 23 || min > 59) return undefined;
  return (sign === "-" ? -1 : 1) * (h * 60 + min) * 60_000;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/**
 * Formats epoch ms as RFC 3339 UTC with `Z`: seconds precision when the milliseconds are 0
 * (`2026-02-25T20:00:00Z`), else with milliseconds (`2026-02-26T08:00:00.123Z`).
 */
export function formatRfc3339(ms: number): string {
  return ms % 1000 === 0 ? formatRfc3339Seconds(ms) : formatRfc3339Millis(ms);
}

/** Epoch ms as RFC 3339 UTC with seconds precision, e.g. `2026-02-25T20:00:00Z`. */
export function formatRfc3339Seconds(ms: number): string {
  return `${formatRfc3339Millis(ms).slice(0, 19)}Z`;
}

/** Epoch ms as RFC 3339 UTC with milliseconds, e.g. `2026-02-26T08:00:00.123Z`. */
export function formatRfc3339Millis(ms: number): string {
  const d = new Date(ms);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}T` +
    `${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}.` +
    `${pad(d.getUTCMilliseconds(), 3)}Z`
  );
}
