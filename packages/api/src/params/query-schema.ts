import { DEFAULT_LIMIT, MAX_LIMIT } from "@livepeer-analytics/clickhouse";
import { z } from "zod";
import type { EndpointSpec } from "../endpoints/endpoint-spec.js";
import { parseRfc3339 } from "./rfc3339.js";

/** Longest accepted timestamp text (a 9-digit fraction and an offset fit in 35). */
const MAX_TIMESTAMP_LENGTH = 64;
/** Longest accepted filter value; grain keys are short identifiers and addresses. */
export const MAX_FILTER_LENGTH = 256;
/** Longest accepted cursor (a cursor holds six short keys and the filters). */
export const MAX_CURSOR_LENGTH = 4096;

// C0 controls and DEL: never part of a grain key, and a filter is an exact match.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** `start`/`end` text → epoch ms. */
const timestampParam = (description: string, example: string) =>
  z
    .string()
    .max(MAX_TIMESTAMP_LENGTH, "must be an RFC 3339 timestamp with a UTC offset")
    .transform((s, ctx) => {
      const ms = parseRfc3339(s);
      if (ms !== undefined) return ms;
      ctx.addIssue({ code: "custom", message: "must be an RFC 3339 timestamp with a UTC offset" });
      return z.NEVER;
    })
    .meta({ description, format: "date-time", example });

const limitParam = z
  .string()
  .regex(/^[0-9]{1,4}$/, `must be an integer from 1 to ${MAX_LIMIT}`)
  .transform(Number)
  .pipe(
    z
      .number()
      .int()
      .min(1, `must be an integer from 1 to ${MAX_LIMIT}`)
      .max(MAX_LIMIT, `must be an integer from 1 to ${MAX_LIMIT}`),
  )
  .meta({
    description: `Page size, 1..${MAX_LIMIT} (default ${DEFAULT_LIMIT}).`,
    example: "50",
  });

const cursorParam = z
  .string()
  .max(MAX_CURSOR_LENGTH, "malformed cursor")
  .meta({
    description:
      "Opaque: pagination.next_cursor of the previous page. start, end and filters may then be omitted " +
      "(the cursor's apply) or repeated with identical values; limit may change.",
  });

const filterParam = (key: string) =>
  z
    .string()
    .max(MAX_FILTER_LENGTH, `longer than ${MAX_FILTER_LENGTH} characters`)
    .refine((s) => !CONTROL.test(s), "contains a control character")
    .meta({
      description:
        `Exact match on ${key}; "" matches the empty key.` +
        (key === "orchestrator_address" ? " Trimmed and lowercased first." : ""),
    });

// One schema per endpoint: building a zod object (and its compiled fast path) costs far more
// than parsing with it, so requests reuse it.
const schemas = new WeakMap<EndpointSpec, z.ZodObject>();

/**
 * The query string of one endpoint as a zod schema over the raw (decoded) string values: every
 * parameter of serving.md §8.1 and the endpoint's filters, nothing else (strict). Parsing turns
 * `start`/`end` into epoch ms and `limit` into a number; the OpenAPI document is generated from
 * it (input side). Built once per endpoint object and shared (treat it as immutable).
 */
export function querySchema(spec: EndpointSpec): z.ZodObject {
  let schema = schemas.get(spec);
  if (schema === undefined) schemas.set(spec, (schema = buildQuerySchema(spec)));
  return schema;
}

function buildQuerySchema(spec: EndpointSpec): z.ZodObject {
  const filters: Record<string, z.ZodType> = {};
  for (const k of spec.keys) filters[k] = filterParam(k).optional();
  return z.strictObject({
    start: timestampParam(
      "Window start, RFC 3339 with Z or ±hh:mm (default end − 24 h); rows with window_start ≥ start.",
      "2026-02-25T08:00:00Z",
    ).optional(),
    end: timestampParam(
      "Window end, RFC 3339 (default: request time); rows with window_start < end. " +
        "start < end and end − start ≤ 31 days.",
      "2026-02-26T08:00:00Z",
    ).optional(),
    granularity: z
      .enum(spec.granularities as [string, ...string[]], {
        error: `must be one of ${spec.granularities.join(", ")}`,
      })
      .optional()
      .meta({ description: "Bucket size (default 1h)." }),
    limit: limitParam.optional(),
    cursor: cursorParam.optional(),
    ...filters,
  });
}

/** Parsed query string of one endpoint (before defaults and the cursor are applied). */
export interface ParsedQuery {
  readonly start?: number;
  readonly end?: number;
  readonly granularity?: string;
  readonly limit?: number;
  readonly cursor?: string;
  readonly [filter: string]: string | number | undefined;
}
