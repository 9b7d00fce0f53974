import type { FastifyInstance } from "fastify";
import { loadDashboardAssets } from "../dashboard/dashboard-assets.js";
import { dashboardPage } from "../dashboard/dashboard-page.js";
import { HttpProblem } from "../http/problem.js";
import { DOCS_SCRIPT, docsPage } from "../openapi/docs-page.js";
import { sendProblem } from "./problem-reply.js";

// Pages load only same-origin resources; styles may be inline (uPlot sets element styles).
const PAGE_CSP =
  "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

const HTML = "text/html; charset=utf-8";

/** Paths served besides the API endpoints (for 405 versus 404). */
export const PAGE_PATHS = ["/", "/docs", "/docs/try.js", "/openapi.json"] as const;

/**
 * Registers `/openapi.json`, `/docs` (+ its script), `/` (dashboard page) and
 * `/dashboard/<file>` (the bundle in `dashboardDir`).
 */
export function registerPages(
  app: FastifyInstance,
  openApi: Record<string, unknown>,
  dashboardDir: string,
): readonly string[] {
  const openApiJson = JSON.stringify(openApi);
  const docsHtml = docsPage(openApi);
  const assets = loadDashboardAssets(dashboardDir);
  const indexHtml = dashboardPage(assets.has("app.js"));
  app.get("/openapi.json", (_req, reply) =>
    reply.type("application/json; charset=utf-8").send(openApiJson),
  );
  app.get("/docs", (_req, reply) =>
    reply.type(HTML).header("content-security-policy", PAGE_CSP).send(docsHtml),
  );
  app.get("/docs/try.js", (_req, reply) =>
    reply.type("text/javascript; charset=utf-8").send(DOCS_SCRIPT),
  );
  app.get("/", (_req, reply) =>
    reply.type(HTML).header("content-security-policy", PAGE_CSP).send(indexHtml),
  );
  const assetPaths: string[] = [];
  for (const [name, asset] of assets) {
    const path = `/dashboard/${name}`;
    assetPaths.push(path);
    app.get(path, (_req, reply) =>
      reply.type(asset.contentType).header("cache-control", "no-cache").send(asset.body),
    );
  }
  app.get("/dashboard/*", (request, reply) =>
    sendProblem(request, reply, new HttpProblem(404, "not found")),
  );
  return [...PAGE_PATHS, ...assetPaths];
}
