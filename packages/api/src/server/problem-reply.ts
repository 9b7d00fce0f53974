import { QueryParamsError, type LpaClickHouse } from "@livepeer-analytics/clickhouse";
import type { FastifyReply, FastifyRequest } from "fastify";
import { HttpProblem, PROBLEM_CONTENT_TYPE, problemBody } from "../http/problem.js";
import { QueryTimeoutError } from "./deadline.js";

/** The path of a request URL, without its query string. */
export function pathOf(url: string): string {
  const q = url.indexOf("?");
  return q === -1 ? url : url.slice(0, q);
}

/** Sends `p` as `application/problem+json` (serving.md §8.4). */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  p: HttpProblem,
): FastifyReply {
  return reply
    .code(p.status)
    .headers({ ...p.headers, "cache-control": "no-store" })
    .type(PROBLEM_CONTENT_TYPE)
    .send(problemBody(p, pathOf(request.url), request.id));
}

/** How long the availability probe after an unexpected error may take. */
const PROBE_TIMEOUT_MS = 1000;

/**
 * The problem to answer for an error thrown while serving a query: the error itself when it is
 * an {@link HttpProblem}, 400 for invalid parameters, 503 for a timeout or when the database no
 * longer answers `SELECT 1`, else a generic 500 (details go to the log, never to the client).
 */
export async function problemForQueryError(err: unknown, db: LpaClickHouse): Promise<HttpProblem> {
  if (err instanceof HttpProblem) return err;
  if (err instanceof QueryParamsError)
    return new HttpProblem(400, "invalid query parameters", err.invalidParams);
  if (err instanceof QueryTimeoutError)
    return new HttpProblem(503, "the query did not finish in time", undefined, {
      "retry-after": "1",
    });
  if (!(await pingWithin(db, PROBE_TIMEOUT_MS)))
    return new HttpProblem(503, "the database is unavailable", undefined, { "retry-after": "5" });
  return new HttpProblem(500, "internal error");
}

/** True when the database answers `SELECT 1` within `timeoutMs`. */
export async function pingWithin(db: LpaClickHouse, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>(
    (resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)),
  );
  try {
    return await Promise.race([db.ping().catch(() => false), late]);
  } finally {
    clearTimeout(timer);
  }
}
