import { encodeCursor, type ServingPage } from "@livepeer-analytics/clickhouse";
import { SEMANTICS_VERSION } from "@livepeer-analytics/core";
import { z } from "zod";
import { formatRfc3339, formatRfc3339Millis, formatRfc3339Seconds } from "../params/rfc3339.js";
import type { EndpointSpec, ResolvedQuery, ServingRow } from "./endpoint-spec.js";

/** `pagination` of the envelope (serving.md §8.2, §8.3). */
export const PaginationSchema = z
  .object({
    next_cursor: z.string().nullable().meta({ description: "Opaque; null on the last page." }),
    has_more: z.boolean(),
  })
  .meta({ id: "Pagination" });

/** `meta` of the envelope (serving.md §8.2). */
export const MetaSchema = z
  .object({
    generated_at: z.string().meta({ format: "date-time", example: "2026-02-26T08:00:00.123Z" }),
    request_id: z.string().meta({ description: "X-Request-Id of the request, else a UUID v4." }),
    semantics_version: z.string().meta({ example: SEMANTICS_VERSION }),
    grain: z.string().meta({ description: "The granularity of the rows.", example: "1h" }),
    window: z.object({
      start: z.string().meta({ format: "date-time" }),
      end: z.string().meta({ format: "date-time" }),
    }),
  })
  .meta({ id: "Meta" });

/** The row of an endpoint as the API sends it: `window_start` as RFC 3339 UTC text. */
export function apiRowSchema(spec: EndpointSpec): z.ZodObject {
  return spec.rowSchema
    .extend({
      window_start: z.string().meta({
        format: "date-time",
        description: "Bucket start, RFC 3339 UTC.",
        example: "2026-02-25T20:00:00Z",
      }),
    })
    .meta({ id: spec.rowName });
}

/** The response envelope of an endpoint (serving.md §8.2). */
export function envelopeSchema(spec: EndpointSpec): z.ZodObject {
  return z.object({
    data: z.array(apiRowSchema(spec)),
    pagination: PaginationSchema,
    meta: MetaSchema,
  });
}

/** Request-level facts the envelope reports. */
export interface EnvelopeContext {
  readonly generatedAtMs: number;
  readonly requestId: string;
}

/**
 * The JSON text of a response envelope (serving.md §8.2) without its closing brace and `meta`:
 * `{"data":[…],"pagination":{…}` — a function of the page alone, so it can be reused for every
 * request served from the same page. `window_start` as RFC 3339 seconds.
 */
export function envelopeHead(
  spec: EndpointSpec,
  q: ResolvedQuery,
  page: ServingPage<ServingRow>,
): string {
  const next = page.nextCursor;
  const data = page.rows.map((r) => ({ ...r, window_start: formatRfc3339Seconds(r.window_start) }));
  const pagination = {
    next_cursor:
      next === null
        ? null
        : encodeCursor({
            v: 1,
            e: spec.path,
            s: q.start,
            t: q.end,
            f: q.filters,
            w: next.w,
            k: [...next.k],
          }),
    has_more: next !== null,
  };
  return `{"data":${JSON.stringify(data)},"pagination":${JSON.stringify(pagination)}`;
}

/**
 * The members of `meta` fixed by the query (serving.md §8.2): everything after `request_id`.
 * Shared by every response to the same resolved query.
 */
export function fixedMeta(q: ResolvedQuery) {
  return {
    semantics_version: SEMANTICS_VERSION,
    grain: q.granularity,
    window: { start: formatRfc3339(q.start), end: formatRfc3339(q.end) },
  };
}

/**
 * The text that closes every response body to `q`: {@link fixedMeta}'s members, then the
 * closing braces of `meta` and of the envelope (`,"semantics_version":…,"window":{…}}}`).
 */
export function envelopeTail(q: ResolvedQuery): string {
  return `,${JSON.stringify(fixedMeta(q)).slice(1)}}`;
}

/**
 * A whole response body (UTF-8 JSON bytes): `head` ({@link envelopeHead}), then `meta` with
 * this response's `generated_at` (ms precision) and `request_id`, then `tail`
 * ({@link envelopeTail} of the same query). One copy of `head`, however large.
 * @example JSON.parse(envelopeBytes(Buffer.from(head), envelopeTail(q), ctx).toString()).meta.grain === q.granularity
 */
export function envelopeBytes(head: Buffer, tail: string, ctx: EnvelopeContext): Buffer {
  const meta =
    `,"meta":{"generated_at":"${formatRfc3339Millis(ctx.generatedAtMs)}",` +
    `"request_id":${JSON.stringify(ctx.requestId)}${tail}`;
  const out = Buffer.allocUnsafe(head.length + Buffer.byteLength(meta));
  head.copy(out, 0);
  out.write(meta, head.length);
  return out;
}
