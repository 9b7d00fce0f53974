import {
  rollupsMaintained,
  type LpaClickHouse,
  type ServingPage,
  type ServingSource,
} from "@livepeer-analytics/clickhouse";
import type { FastifyInstance } from "fastify";
import type { EndpointSpec, ResolvedQuery, ServingRow } from "../endpoints/endpoint-spec.js";
import {
  envelopeBytes,
  pageBody,
  paginationText,
  type PageBody,
} from "../endpoints/response-envelope.js";
import { runWithDeadline, withDeadline } from "./deadline.js";
import { pingWithin, problemForQueryError, sendProblem } from "./problem-reply.js";
import type { PageCache } from "./page-cache.js";
import type { PreparedQuery, QueryPreparer } from "./prepared-query.js";
import { isRollupGranularity } from "./rollup-granularity.js";
import type { SingleFlight } from "./single-flight.js";

/** What the API routes need from the server options. */
export interface ApiRouteContext {
  readonly db: LpaClickHouse;
  readonly now: () => number;
  readonly requestTimeoutMs: number;
  /** Resolves query strings (remembering clock-independent ones). */
  readonly queries: QueryPreparer;
  /** Identical concurrent queries run once (keyed by path and resolved parameters). */
  readonly flights: SingleFlight<ServingPage<ServingRow>>;
  /**
   * Rollup-backed answers (their envelope bytes without `meta`) reused until the next rollup
   * refresh; absent = no cache.
   */
  readonly pages?: PageCache<PageBody>;
}

/** The page cache when `q` is answered from the rollups (a granularity they hold), else none. */
function pagesFor(q: ResolvedQuery, ctx: ApiRouteContext): PageCache<PageBody> | undefined {
  return isRollupGranularity(q.granularity) ? ctx.pages : undefined;
}

/**
 * One page's envelope bytes without `meta` ({@link envelopeHead}): from the page cache when the
 * answer comes from the rollups and is cached for the current refresh, else queried (once for
 * identical concurrent requests) under the deadline and cached.
 */
async function pageOf(
  spec: EndpointSpec,
  p: PreparedQuery,
  ctx: ApiRouteContext,
): Promise<PageBody> {
  const pages = pagesFor(p.query, ctx);
  return runWithDeadline(ctx.requestTimeoutMs, async (signal) => {
    const version = pages === undefined ? null : await pages.version();
    const hit = version === null ? undefined : await pages?.get(p.pageKey);
    if (hit !== undefined) return hit;
    const source = await sourceOf(p.query, ctx, version);
    // Rollup pages depend on the window only through its buckets (pageKey); view pages on all of it.
    const flight = `${source}:${source === "rollup" ? p.pageKey : p.key}`;
    const page = await ctx.flights.run(flight, signal, (shared) =>
      spec.query(withDeadline(ctx.db, shared, ctx.requestTimeoutMs), p.query, source),
    );
    const body = pageBody(page);
    if (pages !== undefined && version !== null) pages.set(p.pageKey, version, body);
    return body;
  });
}

/**
 * Where a page is read: the views for granularities the rollups do not hold; else the rollups
 * when they are maintained. With the page cache its polled `version` says so (null = not);
 * without it, `ctx.db` is asked (remembered per database object: the deadline wrapper is a new
 * object per request, so leaving it to the query's `auto` would ask on every request).
 */
async function sourceOf(
  q: ResolvedQuery,
  ctx: ApiRouteContext,
  version: string | null,
): Promise<ServingSource> {
  if (!isRollupGranularity(q.granularity)) return "view";
  const maintained = ctx.pages === undefined ? await rollupsMaintained(ctx.db) : version !== null;
  return maintained ? "rollup" : "view";
}

/** The text after `?` of a request URL, undefined when there is none. */
function queryStringOf(url: string): string | undefined {
  const i = url.indexOf("?");
  return i === -1 ? undefined : url.slice(i + 1);
}

/**
 * Registers `GET <spec.path>` (serving.md §8): parse, query under a deadline, envelope. A cached
 * page is answered without waiting on anything (no deadline timer, no version poll).
 */
export function registerEndpoint(
  app: FastifyInstance,
  spec: EndpointSpec,
  ctx: ApiRouteContext,
): void {
  app.get(spec.path, async (request, reply) => {
    try {
      const p = ctx.queries.prepare(spec, queryStringOf(request.raw.url ?? ""), ctx.now);
      const page = pagesFor(p.query, ctx)?.peek(p.pageKey) ?? (await pageOf(spec, p, ctx));
      const body = envelopeBytes(
        page.data,
        p.tail,
        { generatedAtMs: ctx.now(), requestId: request.id },
        paginationText(spec, p.query, page.next),
      );
      return reply
        .header("cache-control", "no-store")
        .type("application/json; charset=utf-8")
        .send(body);
    } catch (err) {
      const problem = await problemForQueryError(err, ctx.db);
      if (problem.status >= 500) request.log.error({ err }, "query failed");
      return sendProblem(request, reply, problem);
    }
  });
}

/** `GET /healthz`: 200 `{"status":"ok"}` when the database answers, else 503 `{"status":"degraded"}`. */
export function registerHealth(app: FastifyInstance, ctx: ApiRouteContext): void {
  app.get("/healthz", async (_request, reply) => {
    const ok = await pingWithin(ctx.db, Math.min(ctx.requestTimeoutMs, 2000));
    return reply
      .code(ok ? 200 : 503)
      .header("cache-control", "no-store")
      .type("application/json; charset=utf-8")
      .send({ status: ok ? "ok" : "degraded" });
  });
}
