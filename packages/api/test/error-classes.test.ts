// Every error class of serving.md §8.4 as RFC 7807 problem+json, on a stand-in database where
// the engine cannot be made to fail on demand (500, unavailable, hung query).
import { describe, expect, it } from "vitest";
import { createApiServer } from "../src/server/create-api-server.js";
import { call, type Answer } from "./support/api-client.js";
import { stubDb } from "./support/stub-db.js";

const NOW = Date.UTC(2026, 1, 26, 8);
const PROBLEM_KEYS = ["detail", "instance", "request_id", "status", "title", "type"];

function expectProblem(a: Answer, status: number, title: string, path: string): void {
  expect(a.status).toBe(status);
  expect(a.contentType).toBe("application/problem+json; charset=utf-8");
  expect(a.json).toMatchObject({ type: "about:blank", title, status, instance: path });
  expect(a.json["request_id"]).toBe(a.headers["x-request-id"]);
  const keys = Object.keys(a.json).sort();
  expect(keys).toEqual(status === 400 ? [...PROBLEM_KEYS, "invalid_params"].sort() : PROBLEM_KEYS);
}

describe("400", () => {
  const app = createApiServer({ db: stubDb({}), now: () => NOW });

  it("matches the example of serving.md §8.4", async () => {
    const a = await call(app, "/v1/sla/compliance?start=yesterday", {
      headers: { "x-request-id": "r1" },
    });
    expect(a.json).toEqual({
      type: "about:blank",
      title: "Bad Request",
      status: 400,
      detail: "invalid query parameters",
      instance: "/v1/sla/compliance",
      request_id: "r1",
      invalid_params: [
        { name: "start", reason: "must be an RFC 3339 timestamp with a UTC offset" },
      ],
    });
    expectProblem(a, 400, "Bad Request", "/v1/sla/compliance");
  });
});

describe("404 and 405", () => {
  const app = createApiServer({ db: stubDb({}), now: () => NOW });

  it.each([
    "/v1",
    "/v1/unknown",
    "/v1/gpu/metrics/",
    "/V1/GPU/METRICS",
    "/v2/gpu/metrics",
    "/dashboard/../index.ts",
    "/%F0%9F%92%A5",
  ])("GET %s → 404", async (path) => {
    const a = await call(app, path);
    expect(a.status).toBe(404);
    expect(a.contentType).toBe("application/problem+json; charset=utf-8");
  });

  it.each(["POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"])(
    "%s on an endpoint → 405 with Allow: GET",
    async (method) => {
      const a = await call(app, "/v1/gpu/metrics?limit=1", {
        method,
        headers: { "content-type": "application/json" },
        ...(method === "HEAD" || method === "OPTIONS" ? {} : { payload: "{not json" }),
      });
      expect(a.status).toBe(405);
      expect(a.headers["allow"]).toBe("GET");
      if (method !== "HEAD") expectProblem(a, 405, "Method Not Allowed", "/v1/gpu/metrics");
    },
  );

  it.each(["/healthz", "/openapi.json", "/docs", "/"])("POST %s → 405", async (path) => {
    expect((await call(app, path, { method: "POST", payload: "x" })).status).toBe(405);
  });
});

describe("500", () => {
  it("hides the internal error behind a generic detail", async () => {
    const app = createApiServer({
      db: stubDb({
        query: () => Promise.reject(new Error("Code: 47. secret_table_name at /srv/x")),
      }),
      now: () => NOW,
    });
    const a = await call(app, "/v1/network/demand");
    expectProblem(a, 500, "Internal Server Error", "/v1/network/demand");
    expect(a.json["detail"]).toBe("internal error");
    expect(a.text).not.toMatch(/secret|Code: 47|srv/);
  });

  it("covers rows the row schema rejects (never sent half-validated)", async () => {
    const app = createApiServer({
      db: stubDb({ query: () => Promise.resolve([{ window_start: "x" }]) }),
      now: () => NOW,
    });
    expect((await call(app, "/v1/gpu/metrics")).status).toBe(500);
  });
});

describe("503", () => {
  it("when the query does not finish before the request deadline", async () => {
    const app = createApiServer({
      db: stubDb({ query: () => new Promise(() => undefined) }),
      now: () => NOW,
      requestTimeoutMs: 50,
    });
    const t0 = performance.now();
    const a = await call(app, "/v1/sla/compliance");
    expect(performance.now() - t0).toBeLessThan(2000);
    expectProblem(a, 503, "Service Unavailable", "/v1/sla/compliance");
    expect(a.json["detail"]).toBe("the query did not finish in time");
  });

  it("when the database does not answer", async () => {
    const app = createApiServer({
      db: stubDb({
        query: () =>
          Promise.reject(
            Object.assign(new Error("connect ECONNREFUSED 10.0.0.5:8123"), {
              code: "ECONNREFUSED",
            }),
          ),
        ping: () => Promise.resolve(false),
      }),
      now: () => NOW,
    });
    const a = await call(app, "/v1/gpu/metrics");
    expectProblem(a, 503, "Service Unavailable", "/v1/gpu/metrics");
    expect(a.text).not.toContain("10.0.0.5");
  });

  it('/healthz answers 503 {"status":"degraded"} when ping fails or hangs', async () => {
    for (const ping of [
      () => Promise.resolve(false),
      () => new Promise<boolean>(() => undefined),
    ]) {
      const app = createApiServer({ db: stubDb({ ping }), now: () => NOW, requestTimeoutMs: 100 });
      const a = await call(app, "/healthz");
      expect([a.status, a.json]).toEqual([503, { status: "degraded" }]);
    }
  });
});
