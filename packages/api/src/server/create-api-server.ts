import { rollupVersion, type LpaClickHouse } from "@livepeer-analytics/clickhouse";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { defaultDashboardDir } from "../dashboard/dashboard-assets.js";
import { ENDPOINTS } from "../endpoints/endpoint-spec.js";
import { HttpProblem } from "../http/problem.js";
import { requestIdFrom } from "../http/request-id.js";
import { openApiDocument } from "../openapi/openapi-document.js";
import { registerEndpoint, registerHealth, type ApiRouteContext } from "./api-routes.js";
import { clientErrorHandler } from "./client-error.js";
import { registerPages } from "./page-routes.js";
import { pathOf, sendProblem } from "./problem-reply.js";
import type { PageBody } from "../endpoints/response-envelope.js";
import { createPageCache } from "./page-cache.js";
import { createQueryPreparer } from "./prepared-query.js";
import { createSingleFlight } from "./single-flight.js";

/** Options of {@link createApiServer}. */
export interface ApiServerOptions {
  /** The database to read (open it with `readOnly: true`). */
  readonly db: LpaClickHouse;
  /** Clock, epoch ms (default `Date.now`): the default `end` and `meta.generated_at`. */
  readonly now?: () => number;
  /** Per-request query deadline, ms (default 10 000); past it the request answers 503. */
  readonly requestTimeoutMs?: number;
  /** Fastify logger option (default off). */
  readonly logger?: FastifyServerOptions["logger"];
  /** Directory of the dashboard bundle (`app.js`, `app.css`); default `dist/dashboard`. */
  readonly dashboardDir?: string;
  /**
   * Reuse answers read from the rollups until the next rollup refresh (default true): the
   * refresh version is polled at most every `pollMs` (default 1 000 ms); at most `maxEntries`
   * answers (default 1 000) of at most `maxBytes` in all (default 256 MiB). False disables it.
   */
  readonly pageCache?:
    | boolean
    | { readonly pollMs?: number; readonly maxEntries?: number; readonly maxBytes?: number };
}

/** Default per-request deadline. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

/**
 * The HTTP server of serving.md §8 as a Fastify instance (not yet listening): the three
 * `GET /v1/…` endpoints, `/healthz`, `/openapi.json`, `/docs` and the dashboard at `/`.
 * Every error is an RFC 7807 problem document; every response carries `X-Request-Id`.
 * @example const app = createApiServer({ db }); await app.listen({ port: 8080 });
 */
export function createApiServer(options: ApiServerOptions): FastifyInstance {
  const ctx: ApiRouteContext = {
    db: options.db,
    now: options.now ?? Date.now,
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    queries: createQueryPreparer(),
    flights: createSingleFlight(),
    ...(options.pageCache === false
      ? {}
      : {
          pages: createPageCache<PageBody>({
            readVersion: () => rollupVersion(options.db),
            now: Date.now,
            sizeOf: (page) => page.data.length,
            ...(typeof options.pageCache === "object" ? options.pageCache : {}),
          }),
        }),
  };
  const app = Fastify({
    logger: options.logger ?? false,
    exposeHeadRoutes: false,
    genReqId: (req) => requestIdFrom(req.headers["x-request-id"]),
    clientErrorHandler,
    // Fastify's own early errors (malformed URL, bad content type) become problems too.
    frameworkErrors: (_err, request, reply) => {
      void reply.header("x-request-id", request.id);
      void sendProblem(request, reply, new HttpProblem(400, "malformed request"));
    },
  });
  // GET only: request bodies are never read, so a POST answers 405 whatever its body.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", (_request, payload, done) => {
    payload.resume();
    done(null, undefined);
  });
  app.addHook("onRequest", (request, reply, done) => {
    void reply.header("x-request-id", request.id);
    done();
  });
  for (const spec of ENDPOINTS) registerEndpoint(app, spec, ctx);
  registerHealth(app, ctx);
  const pagePaths = registerPages(
    app,
    openApiDocument(ENDPOINTS),
    options.dashboardDir ?? defaultDashboardDir(),
  );
  const known = new Set<string>([...ENDPOINTS.map((e) => e.path), "/healthz", ...pagePaths]);
  app.setNotFoundHandler((request, reply) => {
    if (known.has(pathOf(request.url)) || pathOf(request.url).startsWith("/dashboard/"))
      return sendProblem(
        request,
        reply,
        new HttpProblem(405, "only GET is supported", undefined, { allow: "GET" }),
      );
    return sendProblem(request, reply, new HttpProblem(404, "no such resource"));
  });
  app.setErrorHandler((err, request, reply) => {
    const status =
      typeof err === "object" && err !== null && "statusCode" in err ? Number(err.statusCode) : 500;
    if (status >= 400 && status < 500)
      return sendProblem(request, reply, new HttpProblem(status, "the request was rejected"));
    request.log.error({ err }, "unexpected error");
    return sendProblem(request, reply, new HttpProblem(500, "internal error"));
  });
  return app;
}
