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

/** Where the next page starts (the last row's keyset), or null on the last page. */
export type NextPosition = { readonly w: number; readonly k: readonly string[] } | null;

/**
 * A page as the API caches it: `{"data":[…]` as UTF-8 (a function of the rows alone) and where
 * the next page starts. The cursor itself names the request's window (serving.md §8.3), so it is
 * rendered per request ({@link paginationText}).
 */
export interface PageBody {
  readonly data: Buffer;
  readonly next: NextPosition;
}

/** The {@link PageBody} of `page`: `window_start` as RFC 3339 seconds. */
export function pageBody(page: ServingPage<ServingRow>): PageBody {
  const data = page.rows.map((r) => ({ ...r, window_start: formatRfc3339Seconds(r.window_start) }));
  const next = page.nextCursor;
  return {
    data: Buffer.from(`{"data":${JSON.stringify(data)}`),
    next: next === null ? null : { w: next.w, k: [...next.k] },
  };
}

/**
 * `,"pagination":{…}` of a response to `q` whose page continues at `next` (serving.md §8.3): the
 * cursor encodes this request's path, window and filters.
 */
export function paginationText(spec: EndpointSpec, q: ResolvedQuery, next: NextPosition): string {
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
  return `,"pagination":${JSON.stringify(pagination)}`;
}

/**
 * The JSON text of a response envelope (serving.md §8.2) without its closing brace and `meta`:
 * `{"data":[…],"pagination":{…}` ({@link pageBody} then {@link paginationText}).
 */
export function envelopeHead(
  spec: EndpointSpec,
  q: ResolvedQuery,
  page: ServingPage<ServingRow>,
): string {
  const body = pageBody(page);
  return body.data.toString("utf8") + paginationText(spec, q, body.next);
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
 * A whole response body (UTF-8 JSON bytes): `head` ({@link envelopeHead}, or a
 * {@link PageBody}'s data followed by its {@link paginationText} as `between`), then `meta` with
 * this response's `generated_at` (ms precision) and `request_id`, then `tail`
 * ({@link envelopeTail} of the same query). One copy of `head`, however large.
 * @example JSON.parse(envelopeBytes(Buffer.from(head), envelopeTail(q), ctx).toString()).meta.grain === q.granularity
 */
export function envelopeBytes(
  head: Buffer,
  tail: string,
  ctx: EnvelopeContext,
  between = "",
): Buffer {
  const meta =
    `${between},"meta":{"generated_at":"${formatRfc3339Millis(ctx.generatedAtMs)}",` +
    `"request_id":${JSON.stringify(ctx.requestId)}${tail}`;
  const out = Buffer.allocUnsafe(head.length + Buffer.byteLength(meta));
  head.copy(out, 0);
  out.write(meta, head.length);
  return out;
}
