import {
  decodeCursor,
  DEFAULT_LIMIT,
  MAX_WINDOW_MS,
  type CursorPayload,
} from "@livepeer-analytics/clickhouse";
import { MAX_TIMESTAMP_MS, normalizeAddress, type Granularity } from "@livepeer-analytics/core";
import type { EndpointSpec, ResolvedQuery } from "../endpoints/endpoint-spec.js";
import { badParams, type InvalidParamEntry } from "../http/problem.js";
import { querySchema, type ParsedQuery } from "./query-schema.js";

/** Default window length when `start` is absent (serving.md §8.1): 24 hours. */
export const DEFAULT_WINDOW_MS = 24 * 3_600_000;
/** At most this many entries are listed in `invalid_params` (hostile query strings). */
const MAX_REPORTED = 20;
/** Parameter names are echoed in errors cut to this length. */
const MAX_NAME_ECHO = 64;

const echo = (name: string): string =>
  name.length > MAX_NAME_ECHO ? `${name.slice(0, MAX_NAME_ECHO)}…` : name;

/**
 * Resolves the query string of a request to `spec` (serving.md §8.1, §8.3): rejects unknown and
 * repeated parameters, parses each value, applies a cursor (its window and filters, which the
 * request may only repeat identically) or the defaults (`end` = `nowMs`, `start` = `end` − 24 h),
 * and checks the window. `rawQuery` is the text after `?` (undefined when absent). `nowMs` may
 * be a clock, read only when the answer depends on it (no `end` and no cursor), so a caller can
 * tell whether the same query string always resolves the same way.
 * @throws HttpProblem 400 listing every invalid parameter.
 */
export function resolveQuery(
  spec: EndpointSpec,
  rawQuery: string | undefined,
  nowMs: number | (() => number),
): ResolvedQuery {
  const parsed = parseQueryString(spec, rawQuery ?? "");
  const filters = normalizedFilters(spec, parsed);
  const granularity = (parsed.granularity ?? "1h") as Granularity;
  const limit = parsed.limit ?? DEFAULT_LIMIT;
  if (parsed.cursor !== undefined)
    return { ...continueCursor(spec, parsed, filters, parsed.cursor), granularity, limit };
  const end = parsed.end ?? (typeof nowMs === "number" ? nowMs : nowMs());
  const start = parsed.start ?? Math.max(0, end - DEFAULT_WINDOW_MS);
  checkWindow(start, end);
  return { start, end, granularity, limit, filters };
}

/** Known, single-valued parameters parsed with the endpoint's query schema. */
function parseQueryString(spec: EndpointSpec, rawQuery: string): ParsedQuery {
  const schema = querySchema(spec);
  const known = schema.shape;
  const seen = new Map<string, string>();
  const problems: InvalidParamEntry[] = [];
  const repeated = new Set<string>();
  for (const [name, value] of new URLSearchParams(rawQuery)) {
    if (!Object.hasOwn(known, name))
      problems.push({ name: echo(name), reason: "unknown parameter" });
    else if (seen.has(name)) repeated.add(name);
    else seen.set(name, value);
  }
  for (const name of repeated) problems.push({ name, reason: "repeated parameter" });
  const result = schema.safeParse(Object.fromEntries(seen));
  if (!result.success)
    for (const issue of result.error.issues)
      problems.push({ name: String(issue.path[0] ?? "(query)"), reason: issue.message });
  if (problems.length > 0) throw badParams(problems.slice(0, MAX_REPORTED));
  return result.data as ParsedQuery;
}

/** Filters present in the request, in key order; `orchestrator_address` trimmed and lowercased. */
function normalizedFilters(spec: EndpointSpec, parsed: ParsedQuery): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of spec.keys) {
    const v = parsed[k];
    if (typeof v === "string") out[k] = k === "orchestrator_address" ? normalizeAddress(v) : v;
  }
  return out;
}

/** `start < end` and `end − start ≤ 31 days` (serving.md §8.1). */
function checkWindow(start: number, end: number): void {
  if (start >= end) throw badParams([{ name: "start", reason: "must be before end" }]);
  if (end - start > MAX_WINDOW_MS)
    throw badParams([{ name: "end", reason: "window longer than 31 days" }]);
}

const cursorError = (reason: string) => badParams([{ name: "cursor", reason }]);

/**
 * The window, filters and keyset of a cursor request: the cursor must decode, belong to this
 * path and hold one key per grain key; `start`, `end` and filters given alongside must equal
 * the cursor's.
 */
function continueCursor(
  spec: EndpointSpec,
  parsed: ParsedQuery,
  filters: Readonly<Record<string, string>>,
  text: string,
): Pick<ResolvedQuery, "start" | "end" | "filters" | "cursor"> {
  const c = decodeCursor(text);
  if (c === undefined || !wellFormed(spec, c)) throw cursorError("malformed cursor");
  if (c.e !== spec.path) throw cursorError("cursor belongs to another endpoint");
  const mismatched: InvalidParamEntry[] = [];
  if (parsed.start !== undefined && parsed.start !== c.s)
    mismatched.push({ name: "start", reason: "differs from the cursor" });
  if (parsed.end !== undefined && parsed.end !== c.t)
    mismatched.push({ name: "end", reason: "differs from the cursor" });
  for (const k of spec.keys)
    if (filters[k] !== undefined && filters[k] !== c.f[k])
      mismatched.push({ name: k, reason: "differs from the cursor" });
  if (mismatched.length > 0) throw badParams(mismatched);
  return { start: c.s, end: c.t, filters: orderedFilters(spec, c.f), cursor: { w: c.w, k: c.k } };
}

/** A cursor this server could have issued: known filter keys, a valid window, one key each. */
function wellFormed(spec: EndpointSpec, c: CursorPayload): boolean {
  return (
    c.k.length === spec.keys.length &&
    Object.keys(c.f).every((k) => spec.keys.includes(k)) &&
    c.s < c.t &&
    c.t - c.s <= MAX_WINDOW_MS &&
    c.t <= MAX_TIMESTAMP_MS &&
    c.w >= 0
  );
}

function orderedFilters(
  spec: EndpointSpec,
  f: Readonly<Record<string, string>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of spec.keys) if (f[k] !== undefined) out[k] = f[k];
  return out;
}
