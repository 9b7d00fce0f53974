// Hostile query strings against the real engine: every one is answered 4xx problem+json (or,
// for a merely odd filter value, 200 with no rows) — never 5xx, never an engine message — and
// the data is untouched afterwards.
import { encodeCursor } from "@livepeer-analytics/clickhouse";
import type { FastifyInstance } from "fastify";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiServer } from "../src/server/create-api-server.js";
import { call } from "./support/api-client.js";
import { DAY_END, openKnownDb, type KnownDb } from "./support/known-dataset.js";

let known: KnownDb;
let app: FastifyInstance;
let before: number;

const countSessions = async (): Promise<number> =>
  Number(
    (
      await known.db.query<{ n: string }>(
        `SELECT count() AS n FROM ${known.db.database}.fact_workflow_sessions`,
      )
    )[0]?.n,
  );

beforeAll(async () => {
  known = await openKnownDb();
  app = createApiServer({ db: known.db, now: () => DAY_END });
  before = await countSessions();
}, 120_000);
afterAll(async () => {
  await app.close();
  await known.close();
});

const enc = encodeURIComponent;
const SQL = "'; DROP TABLE livepeer_analytics.fact_workflow_sessions; --";
const b64 = (s: string): string => Buffer.from(s, "utf8").toString("base64url");
const cursor = (over: Record<string, unknown>): string =>
  encodeCursor({
    v: 1,
    e: "/v1/sla/compliance",
    s: Date.UTC(2026, 1, 25, 8),
    t: Date.UTC(2026, 1, 26, 8),
    f: {},
    w: Date.UTC(2026, 1, 25, 20),
    k: ["a", "b", "c", "d", ""],
    ...over,
  });

/** Query strings on /v1/sla/compliance answered 400, with the parameter named in the answer. */
const BAD: ReadonlyArray<readonly [label: string, query: string, param: string]> = [
  ["SQL in start", `start=${enc(SQL)}`, "start"],
  ["SQL in end", `end=2026-02-26T00:00:00Z${enc("' OR 1=1 --")}`, "end"],
  ["SQL in limit", `limit=${enc("1; DROP TABLE x")}`, "limit"],
  ["SQL in granularity", `granularity=${enc("1h' OR '1'='1")}`, "granularity"],
  ["SQL as a parameter name", `${enc(SQL)}=1`, SQL],
  ["NUL in granularity", "granularity=1h%00", "granularity"],
  ["NUL in a filter", "pipeline=live%00video", "pipeline"],
  ["newline in a filter", "model_id=a%0Ab", "model_id"],
  ["huge limit", "limit=99999999999999999999", "limit"],
  ["negative limit", "limit=-5", "limit"],
  ["float limit", "limit=10.5", "limit"],
  ["empty limit", "limit=", "limit"],
  ["empty start", "start=", "start"],
  ["year-long window", "start=2025-01-01T00:00:00Z&end=2026-01-01T00:00:00Z", "end"],
  ["window since 1970", "start=1970-01-01T00:00:00Z&end=2026-01-01T00:00:00Z", "end"],
  ["far future end", "end=9999-12-31T23:59:59Z", "end"],
  ["pre-1970 start", "start=1969-12-31T00:00:00Z&end=1970-01-01T12:00:00Z", "start"],
  ["epoch-number start", "start=1772006400000", "start"],
  ["unicode digits", `start=${enc("２０２６-02-25T08:00:00Z")}`, "start"],
  ["emoji parameter name", `${enc("💥")}=1`, "💥"],
  ["repeated filter", "gpu_id=a&gpu_id=a", "gpu_id"],
  ["array-style parameter", "pipeline[]=x", "pipeline[]"],
  ["300-char filter", `pipeline=${"p".repeat(300)}`, "pipeline"],
  ["10k-char filter", `orchestrator_address=${"0".repeat(10_000)}`, "orchestrator_address"],
  ["10k-char parameter name", `${"n".repeat(10_000)}=1`, `${"n".repeat(64)}…`],
  ["garbage cursor", "cursor=%3Cscript%3E", "cursor"],
  ["padded cursor", `cursor=${cursor({})}%3D`, "cursor"],
  ["base64 non-JSON cursor", `cursor=${b64("not json")}`, "cursor"],
  ["base64 array cursor", `cursor=${b64("[1,2,3]")}`, "cursor"],
  ["cursor version 2", `cursor=${b64(JSON.stringify({ v: 2 }))}`, "cursor"],
  [
    "cursor with extra member",
    `cursor=${b64(JSON.stringify({ v: 1, e: "/v1/sla/compliance", s: 0, t: 1, f: {}, w: 0, k: ["", "", "", "", ""], x: 1 }))}`,
    "cursor",
  ],
  ["cursor of 5000 chars", `cursor=${"A".repeat(5000)}`, "cursor"],
  ["cursor for another path", `cursor=${cursor({ e: "/v1/gpu/metrics" })}`, "cursor"],
  ["cursor with a 1-year window", `cursor=${cursor({ s: Date.UTC(2025, 0, 1) })}`, "cursor"],
  ["cursor with a negative w", `cursor=${cursor({ w: -1 })}`, "cursor"],
  ["cursor with fractional w", `cursor=${cursor({ w: 1.5 })}`, "cursor"],
  ["cursor with 3 keys", `cursor=${cursor({ k: ["a", "b", "c"] })}`, "cursor"],
  ["cursor with SQL filter key", `cursor=${cursor({ f: { [SQL]: "x" } })}`, "cursor"],
  [
    "cursor and a different filter",
    `cursor=${cursor({ f: { pipeline: "a" } })}&pipeline=b`,
    "pipeline",
  ],
];

describe("hostile query strings → 400 problem+json", () => {
  it.each(BAD)("%s", async (_label, query, param) => {
    const a = await call(app, `/v1/sla/compliance?${query}`);
    expect(a.status, a.text).toBe(400);
    expect(a.contentType).toBe("application/problem+json; charset=utf-8");
    const names = (a.json["invalid_params"] as Array<{ name: string }>).map((p) => p.name);
    expect(names).toContain(param);
    expect(a.text).not.toMatch(/DB::|Code: \d+|Exception|stack|\bat \//);
  });
});

/** Odd but valid filter values and cursors: exact matches on bound parameters, so 200. */
const ODD_BUT_VALID: ReadonlyArray<readonly [label: string, query: string]> = [
  ["SQL in a filter", `pipeline=${enc(SQL)}`],
  ["SQL in orchestrator_address", `orchestrator_address=${enc("0x' OR ''='")}`],
  ["backslashes and quotes", `model_id=${enc("\\'\"\\\\`")}`],
  ["ClickHouse parameter syntax", `gpu_id=${enc("{start:DateTime64(3)}")}`],
  ["emoji filter", `region=${enc("💥🚀")}`],
  ["right-to-left text", `region=${enc("\u202Eevil")}`],
  ["lone surrogate escape", "region=%ED%A0%80"],
  ["invalid percent escape", "region=%E0%A4%A"],
  ["256-char filter", `pipeline=${"p".repeat(256)}`],
  ["cursor with SQL keys", `cursor=${cursor({ k: [SQL, SQL, "\\", "'", "💥"] })}`],
  ["cursor with SQL filter value", `cursor=${cursor({ f: { pipeline: SQL } })}`],
];

describe("odd but valid values → 200, no rows", () => {
  it.each(ODD_BUT_VALID)("%s", async (_label, query) => {
    const a = await call(app, `/v1/sla/compliance?${query}`);
    expect(a.status, a.text).toBe(200);
    if (!query.startsWith("cursor")) expect(a.json.data).toEqual([]);
  });

  it("leaves the data untouched", async () => {
    expect(await countSessions()).toBe(before);
    expect(before).toBeGreaterThan(0);
  });
});

describe("over real HTTP", () => {
  let base: string;
  beforeAll(async () => {
    base = await app.listen({ port: 0, host: "127.0.0.1" });
  });

  const get = (path: string): Promise<{ status: number; type: string; body: string }> =>
    new Promise((resolve, reject) => {
      const req = request(`${base}${path}`, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), body }),
        );
      });
      req.on("error", reject);
      req.end();
    });

  it("a 20 kB URL → 431 problem+json", async () => {
    const r = await get(`/v1/sla/compliance?pipeline=${"p".repeat(20_000)}`);
    expect(r.status).toBe(431);
    expect(r.type).toBe("application/problem+json; charset=utf-8");
    expect(JSON.parse(r.body)).toMatchObject({ status: 431, type: "about:blank" });
  });

  it("a 10 kB filter value → 400 problem+json", async () => {
    const r = await get(`/v1/sla/compliance?pipeline=${"p".repeat(10_000)}`);
    expect(r.status).toBe(400);
    expect(r.type).toBe("application/problem+json; charset=utf-8");
  });
});
