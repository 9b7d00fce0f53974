// app.inject helpers for the contract tests.
import type { FastifyInstance } from "fastify";

export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | number | undefined>;
  readonly contentType: string;
  readonly json: Record<string, unknown> & { data?: Array<Record<string, unknown>> };
  readonly text: string;
}

/** `method url` through `app.inject`, the body parsed as JSON when it is JSON. */
export async function call(
  app: FastifyInstance,
  url: string,
  options: { method?: string; headers?: Record<string, string>; payload?: string } = {},
): Promise<Answer> {
  const r = await app.inject({
    method: (options.method ?? "GET") as "GET",
    url,
    ...(options.headers === undefined ? {} : { headers: options.headers }),
    ...(options.payload === undefined ? {} : { payload: options.payload }),
  });
  const contentType = String(r.headers["content-type"] ?? "");
  return {
    status: r.statusCode,
    headers: r.headers,
    contentType,
    json:
      contentType.includes("json") && r.body !== "" ? (JSON.parse(r.body) as Answer["json"]) : {},
    text: r.body,
  };
}

/** Every row of `path?query` following next_cursor with pages of `limit` (at most 10 000 pages). */
export async function allPages(
  app: FastifyInstance,
  path: string,
  query: string,
  limit: number,
): Promise<{ rows: Array<Record<string, unknown>>; pages: number }> {
  const rows: Array<Record<string, unknown>> = [];
  let url = `${path}?${query}${query === "" ? "" : "&"}limit=${limit}`;
  for (let pages = 1; pages <= 10_000; pages++) {
    const a = await call(app, url);
    if (a.status !== 200) throw new Error(`${url}: ${a.status} ${a.text}`);
    rows.push(...(a.json.data ?? []));
    const p = a.json["pagination"] as { next_cursor: string | null; has_more: boolean };
    if (!p.has_more) return { rows, pages };
    url = `${path}?cursor=${p.next_cursor as string}&limit=${limit}`;
  }
  throw new Error("too many pages");
}
