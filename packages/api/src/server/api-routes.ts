import type { LpaClickHouse } from "@livepeer-analytics/clickhouse";
import type { FastifyInstance } from "fastify";
import type { ServingPage } from "@livepeer-analytics/clickhouse";
import type { EndpointSpec, ServingRow } from "../endpoints/endpoint-spec.js";
import { buildEnvelope } from "../endpoints/response-envelope.js";
import { resolveQuery } from "../params/serving-query.js";
import { runWithDeadline, withDeadline } from "./deadline.js";
import { pingWithin, problemForQueryError, sendProblem } from "./problem-reply.js";
import type { SingleFlight } from "./single-flight.js";

/** What the API routes need from the server options. */
export interface ApiRouteContext {
  readonly db: LpaClickHouse;
  readonly now: () => number;
  readonly requestTimeoutMs: number;
  /** Identical concurrent queries run once (keyed by path and resolved parameters). */
  readonly flights: SingleFlight<ServingPage<ServingRow>>;
}

/** Registers `GET <spec.path>` (serving.md §8): parse, query under a deadline, envelope. */
export function registerEndpoint(
  app: FastifyInstance,
  spec: EndpointSpec,
  ctx: ApiRouteContext,
): void {
  app.get(spec.path, async (request, reply) => {
    const requestMs = ctx.now();
    const url = request.raw.url ?? "";
    const rawQuery = url.includes("?") ? url.slice(url.indexOf("?") + 1) : undefined;
    try {
      const q = resolveQuery(spec, rawQuery, requestMs);
      const key = JSON.stringify([spec.path, q]);
      const page = await runWithDeadline(ctx.requestTimeoutMs, (signal) =>
        ctx.flights.run(key, signal, (shared) =>
          spec.query(withDeadline(ctx.db, shared, ctx.requestTimeoutMs), q),
        ),
      );
      const body = buildEnvelope(spec, q, page, {
        generatedAtMs: ctx.now(),
        requestId: request.id,
      });
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
