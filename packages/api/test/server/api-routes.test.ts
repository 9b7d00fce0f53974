// The /v1 route over a counting stand-in endpoint: which requests share one cached page.
import { decodeCursor, type LpaClickHouse } from "@livepeer-analytics/clickhouse";
import Fastify, { type FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import type { EndpointSpec, ServingRow } from "../../src/endpoints/endpoint-spec.js";
import type { PageBody } from "../../src/endpoints/response-envelope.js";
import { registerEndpoint } from "../../src/server/api-routes.js";
import { createPageCache } from "../../src/server/page-cache.js";
import { createQueryPreparer } from "../../src/server/prepared-query.js";
import { createSingleFlight } from "../../src/server/single-flight.js";
import { stubDb } from "../support/stub-db.js";

const NOW = Date.UTC(2026, 1, 26, 8, 0, 0, 123);
const HOUR = 3_600_000;

/** A server with one endpoint whose query counts its runs and stamps the run number in its row. */
function setup(pageCache = true, db: LpaClickHouse = stubDb({})) {
  const state = { now: NOW, version: "1" as string | null, runs: 0, sources: [] as unknown[] };
  const spec: EndpointSpec = {
    path: "/v1/test",
    summary: "test",
    description: "test",
    keys: ["orchestrator_address", "pipeline"],
    granularities: ["1m", "1h", "1d"],
    rowSchema: z.object({ window_start: z.number() }),
    rowName: "TestRow",
    query: (_db, q, source) => {
      state.runs++;
      state.sources.push(source);
      // Rows depend on the window only through its last whole bucket, like a rollup page.
      const last = Math.ceil(q.end / HOUR) * HOUR - HOUR;
      const row = { window_start: last, run: state.runs, ...q.filters };
      const nextCursor = q.limit === 1 ? { w: last, k: ["0xab", "p"] } : null;
      return Promise.resolve({ rows: [row as ServingRow], nextCursor });
    },
  };
  const app: FastifyInstance = Fastify({ genReqId: () => "req-1" });
  registerEndpoint(app, spec, {
    db,
    now: () => state.now,
    requestTimeoutMs: 1_000,
    queries: createQueryPreparer(),
    flights: createSingleFlight(),
    ...(pageCache
      ? {
          pages: createPageCache<PageBody>({
            readVersion: () => Promise.resolve(state.version),
            now: () => state.now,
          }),
        }
      : {}),
  });
  const get = async (query: string) => {
    const r = await app.inject({ method: "GET", url: `/v1/test?${query}` });
    expect(r.statusCode, r.body).toBe(200);
    return r.body;
  };
  return { state, app, get };
}

let current: FastifyInstance | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

describe("GET /v1/… page cache", () => {
  it("query strings differing only in parameter order or equivalent spellings share one page and body", async () => {
    const s = setup();
    current = s.app;
    const spellings = [
      "end=2026-02-26T00:00:00Z&pipeline=p&orchestrator_address=0xAB",
      "orchestrator_address=0xab&pipeline=p&end=2026-02-26T00:00:00Z",
      "pipeline=%70&end=2026-02-26T01:00:00%2B01:00&orchestrator_address=%200xAb%20&granularity=1h",
      "limit=50&start=2026-02-25T00:00:00.000Z&end=2026-02-25T19:00:00-05:00&orchestrator_address=0xab&pipeline=p",
    ];
    const bodies = [];
    for (const q of spellings) bodies.push(await s.get(q));
    expect(s.state.runs).toBe(1);
    for (const b of bodies) expect(b).toBe(bodies[0]);
    const parsed = JSON.parse(bodies[0] as string) as Record<string, unknown>;
    expect(parsed["data"]).toEqual([
      {
        window_start: "2026-02-25T23:00:00Z",
        run: 1,
        orchestrator_address: "0xab",
        pipeline: "p",
      },
    ]);
    expect(parsed["meta"]).toEqual({
      generated_at: "2026-02-26T08:00:00.123Z",
      request_id: "req-1",
      semantics_version: "1.0.0",
      grain: "1h",
      window: { start: "2026-02-25T00:00:00Z", end: "2026-02-26T00:00:00Z" },
    });
  });

  it("different queries get different pages", async () => {
    const s = setup();
    current = s.app;
    await s.get("end=2026-02-26T00:00:00Z");
    await s.get("end=2026-02-26T00:00:00Z&limit=49");
    await s.get("end=2026-02-26T00:00:00Z&granularity=1d");
    await s.get("end=2026-02-26T00:00:00Z&pipeline=");
    await s.get("end=2026-02-26T01:00:00Z");
    expect(s.state.runs).toBe(5);
  });

  it("a new rollup version invalidates every cached page once it is polled", async () => {
    const s = setup();
    current = s.app;
    const q = "end=2026-02-26T00:00:00Z";
    const run = async () => (JSON.parse(await s.get(q)) as { data: Array<{ run: number }> }).data;
    const first = await s.get(q);
    s.state.version = "2";
    s.state.now += 999; // not polled yet: the page of version 1 is still served
    expect(await s.get(q)).toBe(first.replace("08:00:00.123Z", "08:00:01.122Z"));
    s.state.now += 1; // poll due: this request starts it and is answered from version 1
    expect((await run())[0]?.run).toBe(1);
    expect(s.state.runs).toBe(1);
    expect((await run())[0]?.run).toBe(2); // the poll has answered: version 2 is read
    expect((await run())[0]?.run).toBe(2);
    expect(s.state.runs).toBe(2);
  });

  it("after the cache sat idle past one version read, a request waits for the version", async () => {
    const s = setup();
    current = s.app;
    const q = "end=2026-02-26T00:00:00Z";
    await s.get(q);
    s.state.version = "2";
    s.state.now += 2_000;
    expect((JSON.parse(await s.get(q)) as { data: Array<{ run: number }> }).data[0]?.run).toBe(2);
  });

  it("rolling windows over the same buckets share a page; meta and cursor name each request's window", async () => {
    const s = setup();
    current = s.app;
    type Body = {
      data: Array<{ run: number }>;
      pagination: { next_cursor: string | null };
      meta: { window: { start: string; end: string } };
    };
    const a = JSON.parse(await s.get("limit=1")) as Body;
    s.state.now += 60_000; // same hour: [08:01 yesterday, 08:01) holds the same hourly buckets
    const b = JSON.parse(await s.get("limit=1")) as Body;
    expect([a.meta.window.end, b.meta.window.end]).toEqual([
      "2026-02-26T08:00:00.123Z",
      "2026-02-26T08:01:00.123Z",
    ]);
    expect(s.state.runs).toBe(1);
    expect(b.data).toEqual(a.data);
    const cursors = [a, b].map((x) => decodeCursor(x.pagination.next_cursor ?? ""));
    expect(cursors.map((c) => c?.t)).toEqual([NOW, NOW + 60_000]);
    expect(cursors.map((c) => c?.s)).toEqual([NOW - 24 * HOUR, NOW + 60_000 - 24 * HOUR]);
    // The next page of b, asked with b's own cursor, is its page (not a's).
    await s.get(`limit=1&cursor=${b.pagination.next_cursor ?? ""}`);
    expect(s.state.runs).toBe(2);
    s.state.now += HOUR; // another hour: other buckets
    await s.get("limit=1");
    expect(s.state.runs).toBe(3);
  });

  it("granularities outside the rollups are not cached", async () => {
    const s = setup();
    current = s.app;
    await s.get("end=2026-02-26T00:00:00Z&granularity=1m");
    await s.get("end=2026-02-26T00:00:00Z&granularity=1m");
    expect(s.state.runs).toBe(2);
  });

  it("without the page cache every request queries, from the rollups once they are maintained (asked once)", async () => {
    let asked = 0;
    // Answers "maintained" to rollupsMaintained's probe (a refresh logged, every column there).
    const db = stubDb({ query: () => (asked++, Promise.resolve([{ n: "1", c: "999" }])) });
    const s = setup(false, db);
    current = s.app;
    await s.get("end=2026-02-26T00:00:00Z");
    await s.get("end=2026-02-26T00:00:00Z");
    await s.get("end=2026-02-26T00:00:00Z&granularity=1m");
    expect(s.state.runs).toBe(3);
    expect(s.state.sources).toEqual(["rollup", "rollup", "view"]);
    expect(asked).toBe(1);
  });

  it("reads the views while the rollups are not maintained (no version)", async () => {
    const s = setup();
    current = s.app;
    s.state.version = null;
    await s.get("end=2026-02-26T00:00:00Z");
    await s.get("end=2026-02-26T00:00:00Z");
    expect(s.state.sources).toEqual(["view", "view"]);
  });

  it("an invalid query string is refused every time, a valid one after it is unaffected", async () => {
    const s = setup();
    current = s.app;
    for (let i = 0; i < 2; i++) {
      const r = await s.app.inject({ method: "GET", url: "/v1/test?end=yesterday" });
      expect(r.statusCode).toBe(400);
    }
    await s.get("end=2026-02-26T00:00:00Z");
    expect(s.state.runs).toBe(1);
  });
});
