import { STATUS_CODES } from "node:http";
import { z } from "zod";

/** One rejected query parameter of a 400 problem (serving.md §8.4). */
export interface InvalidParamEntry {
  readonly name: string;
  readonly reason: string;
}

/**
 * An HTTP error answered as RFC 7807 `application/problem+json` (serving.md §8.4). `detail` is
 * written for clients and never carries internals; `invalidParams` only on 400.
 */
export class HttpProblem extends Error {
  override readonly name = "HttpProblem";
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly invalidParams?: readonly InvalidParamEntry[],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(`${status} ${detail}`);
  }
}

/** A 400 for bad query parameters, each listed in `invalid_params`. */
export function badParams(invalidParams: readonly InvalidParamEntry[]): HttpProblem {
  return new HttpProblem(400, "invalid query parameters", invalidParams);
}

/** The problem document's JSON shape (RFC 7807 members of serving.md §8.4). */
export const ProblemSchema = z
  .object({
    type: z.literal("about:blank"),
    title: z.string().meta({ description: "HTTP reason phrase" }),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().meta({ description: "request path" }),
    request_id: z.string(),
    invalid_params: z
      .array(z.object({ name: z.string(), reason: z.string() }))
      .optional()
      .meta({ description: "400 only: every rejected parameter" }),
  })
  .meta({ id: "Problem", description: "RFC 7807 problem details" });

/** A problem document. */
export type Problem = z.infer<typeof ProblemSchema>;

/** Media type of problem documents. */
export const PROBLEM_CONTENT_TYPE = "application/problem+json; charset=utf-8";

/** Builds the problem document of `p` for the request at `instance` (its path). */
export function problemBody(p: HttpProblem, instance: string, requestId: string): Problem {
  return {
    type: "about:blank",
    title: STATUS_CODES[p.status] ?? "Error",
    status: p.status,
    detail: p.detail,
    instance,
    request_id: requestId,
    ...(p.invalidParams === undefined ? {} : { invalid_params: [...p.invalidParams] }),
  };
}
