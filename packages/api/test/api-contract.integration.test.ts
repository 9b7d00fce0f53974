// The HTTP contract of serving.md §8 on a real embedded database holding the known dataset.
import { compareUtf8 } from "@livepeer-analytics/core";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ENDPOINTS,
  SLA_COMPLIANCE_ENDPOINT,
  type EndpointSpec,
} from "../src/endpoints/endpoint-spec.js";
import { apiRowSchema } from "../src/endpoints/response-envelope.js";
import { createApiServer } from "../src/server/create-api-server.js";
import { allPages, call } from "./support/api-client.js";
import { DAY_END, DAY_START, openKnownDb, type KnownDb } from "./support/known-dataset.js";

const NOW = DAY_END + 123;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const SECOND_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const DAY = "start=2026-02-25T08:00:00Z&end=2026-02-26T08:00:00Z";

let known: KnownDb;
let app: FastifyInstance;

beforeAll(async () => {
  known = await openKnownDb();
  app = createApiServer({ db: known.db, now: () => NOW });
}, 120_000);
afterAll(async () => {
  await app.close();
  await known.close();
});

type Row = Record<string, unknown>;

/** Rows are in API order: window_start descending, then keys ascending in UTF-8 byte order. */
function expectApiOrder(rows: readonly Row[], keys: readonly string[]): void {
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1] as Row;
    const b = rows[i] as Row;
    const byTime =
      Date.parse(b["window_start"] as string) - Date.parse(a["window_start"] as string);
    if (byTime !== 0) {
      expect(byTime).toBeLessThan(0);
      continue;
    }
    const tuple = keys.map((k) => compareUtf8(a[k] as string, b[k] as string)).find((c) => c !== 0);
    expect(tuple, `rows ${i - 1} and ${i} out of key order`).toBeLessThan(0);
  }
}

describe.each(ENDPOINTS.map((e) => [e.path, e] as const))("GET %s", (path, spec: EndpointSpec) => {
  it("defaults: end = request time, start = end − 24 h, 1h grain, limit 50", async () => {
    const total = (await call(app, `${path}?${DAY}&limit=1000`)).json.data?.length ?? 0;
    const a = await call(app, path);
    expect(a.status).toBe(200);
    expect(a.contentType).toBe("application/json; charset=utf-8");
    const meta = a.json["meta"] as Row;
    expect(meta).toEqual({
      generated_at: "2026-02-26T08:00:00.123Z",
      request_id: a.headers["x-request-id"],
      semantics_version: "1.0.0",
      grain: "1h",
      window: { start: "2026-02-25T08:00:00.123Z", end: "2026-02-26T08:00:00.123Z" },
    });
    expect(meta["request_id"]).toMatch(UUID_V4);
    expect(a.json.data?.length).toBe(Math.min(50, total));
    expect(a.json["pagination"]).toMatchObject({ has_more: total > 50 });
  });

  it("rows carry exactly the fields of serving.md with their types, in API order", async () => {
    const a = await call(app, `${path}?${DAY}&limit=1000`);
    const rows = a.json.data ?? [];
    expect(rows.length).toBeGreaterThan(50);
    const schema = apiRowSchema(spec).strict();
    for (const r of rows) {
      schema.parse(r);
      expect(r["window_start"]).toMatch(SECOND_Z);
      const t = Date.parse(r["window_start"] as string);
      expect(t >= DAY_START && t < DAY_END).toBe(true);
      for (const k of spec.keys) expect(typeof r[k]).toBe("string");
    }
    expectApiOrder(rows, spec.keys);
    expect(a.json["pagination"]).toEqual({ next_cursor: null, has_more: false });
  });

  it("pages of 13 following next_cursor return exactly the rows of one big page", async () => {
    const one = await call(app, `${path}?${DAY}&limit=1000`);
    const paged = await allPages(app, path, DAY, 13);
    expect(paged.pages).toBe(Math.ceil((one.json.data?.length ?? 0) / 13));
    expect(paged.rows).toEqual(one.json.data);
  });

  it("filters on every grain key select exactly the matching rows", async () => {
    const all = (await call(app, `${path}?${DAY}&limit=1000`)).json.data ?? [];
    const sample = all[Math.floor(all.length / 2)] as Row;
    for (const k of spec.keys) {
      const v = sample[k] as string;
      const a = await call(app, `${path}?${DAY}&limit=1000&${k}=${encodeURIComponent(v)}`);
      expect(a.status).toBe(200);
      expect(a.json.data).toEqual(all.filter((r) => r[k] === v));
    }
  });

  it.each(spec.granularities)("granularity %s buckets window_start", async (g) => {
    const size = { "1m": 60_000, "5m": 300_000, "1h": 3_600_000, "1d": 86_400_000 }[g];
    const start = g === "1d" ? "2026-02-25T00:00:00Z" : "2026-02-25T18:00:00Z";
    const a = await call(
      app,
      `${path}?start=${start}&end=2026-02-26T00:00:00Z&granularity=${g}&limit=1000`,
    );
    expect(a.status).toBe(200);
    expect((a.json["meta"] as Row)["grain"]).toBe(g);
    const rows = a.json.data ?? [];
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(Date.parse(r["window_start"] as string) % size).toBe(0);
  });
});

describe("orchestrator_address filter", () => {
  it("is trimmed and lowercased before matching", async () => {
    const rows = (await call(app, `/v1/sla/compliance?${DAY}&limit=1000`)).json.data ?? [];
    const addr = (rows[0] as Row)["orchestrator_address"] as string;
    const exact = await call(
      app,
      `/v1/sla/compliance?${DAY}&limit=1000&orchestrator_address=${addr}`,
    );
    const messy = await call(
      app,
      `/v1/sla/compliance?${DAY}&limit=1000&orchestrator_address=%20${addr.toUpperCase()}%20`,
    );
    expect(messy.json.data).toEqual(exact.json.data);
    expect(exact.json.data?.length).toBeGreaterThan(0);
  });

  it('"" matches the empty key', async () => {
    const a = await call(app, `/v1/sla/compliance?${DAY}&limit=1000&region=`);
    expect(a.json.data?.length).toBeGreaterThan(0);
    for (const r of a.json.data ?? []) expect(r["region"]).toBe("");
  });
});

describe("equivalent query strings", () => {
  it("differing only in parameter order or spelling answer the same bytes", async () => {
    const path = SLA_COMPLIANCE_ENDPOINT.path;
    const first = (await call(app, `${path}?${DAY}&limit=1`)).json.data ?? [];
    const addr = (first[0] as Row)["orchestrator_address"] as string;
    const urls = [
      `${path}?${DAY}&orchestrator_address=${addr}&limit=7`,
      `${path}?limit=7&orchestrator_address=%20${addr.toUpperCase()}%20&end=2026-02-26T09:00:00%2B01:00&start=2026-02-25T08:00:00.000Z`,
    ];
    const headers = { "x-request-id": "same-id" };
    const [a, b] = await Promise.all(urls.map((u) => call(app, u, { headers })));
    expect(a?.status).toBe(200);
    expect(a?.json.data?.length).toBeGreaterThan(0);
    expect(b?.text).toBe(a?.text);
  });
});

describe("serving.md §9 X5: pagination", () => {
  it("limit=1 pages through rows of one hour, and a changed end is refused", async () => {
    const first = await call(app, `/v1/sla/compliance?${DAY}&limit=1`);
    const all = (await call(app, `/v1/sla/compliance?${DAY}&limit=2`)).json.data ?? [];
    expect(first.json.data).toEqual(all.slice(0, 1));
    const p1 = first.json["pagination"] as { next_cursor: string; has_more: boolean };
    expect(p1.has_more).toBe(true);
    expect(p1.next_cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const second = await call(app, `/v1/sla/compliance?cursor=${p1.next_cursor}&limit=1`);
    expect(second.status).toBe(200);
    expect(second.json.data).toEqual(all.slice(1, 2));
    expect((second.json["meta"] as Row)["window"]).toEqual({
      start: "2026-02-25T08:00:00Z",
      end: "2026-02-26T08:00:00Z",
    });
    const changed = await call(
      app,
      `/v1/sla/compliance?cursor=${p1.next_cursor}&limit=1&end=2026-02-27T00:00:00Z`,
    );
    expect(changed.status).toBe(400);
    expect(changed.json["invalid_params"]).toEqual([
      { name: "end", reason: "differs from the cursor" },
    ]);
  });

  it("the cursor is the base64url JSON of serving.md §8.3", async () => {
    const a = await call(app, `/v1/sla/compliance?${DAY}&limit=1&region=`);
    const cursor = (a.json["pagination"] as { next_cursor: string }).next_cursor;
    const last = (a.json.data ?? [])[0] as Row;
    expect(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"))).toEqual({
      v: 1,
      e: "/v1/sla/compliance",
      s: DAY_START,
      t: DAY_END,
      f: { region: "" },
      w: Date.parse(last["window_start"] as string),
      k: SLA_COMPLIANCE_ENDPOINT.keys.map((k) => last[k]),
    });
  });

  it("the last page has has_more false and next_cursor null", async () => {
    const a = await call(
      app,
      "/v1/sla/compliance?start=2000-01-01T00:00:00Z&end=2000-01-02T00:00:00Z",
    );
    expect(a.json.data).toEqual([]);
    expect(a.json["pagination"]).toEqual({ next_cursor: null, has_more: false });
  });
});

describe("X-Request-Id", () => {
  it("echoes a valid request id in meta and the response header", async () => {
    const a = await call(app, "/v1/gpu/metrics?limit=1", {
      headers: { "x-request-id": "req-42 abc" },
    });
    expect(a.headers["x-request-id"]).toBe("req-42 abc");
    expect((a.json["meta"] as Row)["request_id"]).toBe("req-42 abc");
  });

  it.each([["x".repeat(129)], ["\u00e9t\u00e9"]])(
    "replaces an invalid one (%#) by a UUID v4",
    async (id) => {
      const a = await call(app, "/v1/gpu/metrics?limit=1", { headers: { "x-request-id": id } });
      expect(a.headers["x-request-id"]).toMatch(UUID_V4);
    },
  );

  it("is on problem responses too", async () => {
    const a = await call(app, "/nope", { headers: { "x-request-id": "r-404" } });
    expect(a.headers["x-request-id"]).toBe("r-404");
    expect(a.json["request_id"]).toBe("r-404");
  });
});

describe("/healthz", () => {
  it('answers 200 {"status":"ok"} when ClickHouse answers', async () => {
    const a = await call(app, "/healthz");
    expect([a.status, a.json]).toEqual([200, { status: "ok" }]);
  });
});

describe("a real query past the request deadline", () => {
  it("answers 503 problem+json", async () => {
    const hurried = createApiServer({ db: known.db, now: () => NOW, requestTimeoutMs: 1 });
    const a = await call(hurried, `/v1/gpu/metrics?${DAY}&granularity=1m&limit=1000`);
    await hurried.close();
    expect(a.status).toBe(503);
    expect(a.contentType).toBe("application/problem+json; charset=utf-8");
    expect(a.json["detail"]).toBe("the query did not finish in time");
  });
});
