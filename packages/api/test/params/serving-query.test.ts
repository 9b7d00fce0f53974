import { encodeCursor } from "@livepeer-analytics/clickhouse";
import { describe, expect, it } from "vitest";
import {
  GPU_METRICS_ENDPOINT,
  NETWORK_DEMAND_ENDPOINT,
  SLA_COMPLIANCE_ENDPOINT,
} from "../../src/endpoints/endpoint-spec.js";
import { HttpProblem } from "../../src/http/problem.js";
import { resolveQuery } from "../../src/params/serving-query.js";

const NOW = Date.UTC(2026, 1, 26, 8, 0, 0, 123);
const H = 3_600_000;
const SLA = SLA_COMPLIANCE_ENDPOINT;

function rejection(run: () => unknown): HttpProblem {
  try {
    run();
  } catch (e) {
    if (e instanceof HttpProblem) return e;
    throw e;
  }
  throw new Error("expected an HttpProblem");
}

describe("resolveQuery defaults", () => {
  it("end = request time, start = end − 24 h, 1h, limit 50, no filters", () => {
    expect(resolveQuery(SLA, undefined, NOW)).toEqual({
      start: NOW - 24 * H,
      end: NOW,
      granularity: "1h",
      limit: 50,
      filters: {},
    });
  });

  it("start defaults to end − 24 h when only end is given", () => {
    const q = resolveQuery(SLA, "end=2026-02-25T12:00:00Z", NOW);
    expect([q.start, q.end]).toEqual([Date.UTC(2026, 1, 24, 12), Date.UTC(2026, 1, 25, 12)]);
  });

  it("normalizes orchestrator_address and keeps filters in key order", () => {
    const q = resolveQuery(SLA, "region=&orchestrator_address=%20%200xABC%20&gpu_id=G", NOW);
    expect(Object.entries(q.filters)).toEqual([
      ["orchestrator_address", "0xabc"],
      ["gpu_id", "G"],
      ["region", ""],
    ]);
  });
});

describe("resolveQuery rejections", () => {
  it.each<[string, string, string]>([
    ["foo=1", "foo", "unknown parameter"],
    ["gateway=gw", "gateway", "unknown parameter"],
    ["limit=1&limit=2", "limit", "repeated parameter"],
    ["start=yesterday", "start", "must be an RFC 3339 timestamp with a UTC offset"],
    ["limit=0", "limit", "must be an integer from 1 to 1000"],
    ["limit=1001", "limit", "must be an integer from 1 to 1000"],
    ["limit=1e2", "limit", "must be an integer from 1 to 1000"],
    ["limit=-1", "limit", "must be an integer from 1 to 1000"],
    ["granularity=5m", "granularity", "must be one of 1h, 1d"],
    ["start=2026-02-26T00:00:00Z&end=2026-02-25T00:00:00Z", "start", "must be before end"],
    ["start=2026-01-01T00:00:00Z&end=2026-02-02T00:00:00Z", "end", "window longer than 31 days"],
    ["cursor=abc", "cursor", "malformed cursor"],
    ["pipeline=a%00b", "pipeline", "contains a control character"],
  ])("%s → %s: %s", (query, name, reason) => {
    const p = rejection(() => resolveQuery(SLA, query, NOW));
    expect(p.status).toBe(400);
    expect(p.invalidParams).toContainEqual({ name, reason });
  });

  it("accepts a 31-day window exactly", () => {
    const q = resolveQuery(SLA, "start=2026-01-01T00:00:00Z&end=2026-02-01T00:00:00Z", NOW);
    expect(q.end - q.start).toBe(31 * 24 * H);
  });

  it("lists at most 20 problems for a flood of unknown parameters", () => {
    const flood = Array.from({ length: 500 }, (_, i) => `p${i}=1`).join("&");
    expect(rejection(() => resolveQuery(SLA, flood, NOW)).invalidParams).toHaveLength(20);
  });
});

describe("resolveQuery with a cursor", () => {
  const c = {
    v: 1 as const,
    e: "/v1/sla/compliance",
    s: Date.UTC(2026, 1, 25, 8),
    t: Date.UTC(2026, 1, 26, 8),
    f: { orchestrator_address: "0xcanon" },
    w: Date.UTC(2026, 1, 25, 20),
    k: ["0xcanon", "live-video-to-video", "streamdiffusion-sdxl", "GPU-A", ""],
  };
  const cursor = encodeCursor(c);

  it("takes window and filters from the cursor; limit and granularity from the request", () => {
    expect(resolveQuery(SLA, `cursor=${cursor}&limit=1`, NOW)).toEqual({
      start: c.s,
      end: c.t,
      granularity: "1h",
      limit: 1,
      filters: c.f,
      cursor: { w: c.w, k: c.k },
    });
  });

  it("accepts identical start, end and filters (equal instants in another offset)", () => {
    const q = resolveQuery(
      SLA,
      `cursor=${cursor}&start=2026-02-25T09:00:00%2B01:00&end=2026-02-26T08:00:00Z&orchestrator_address=0xCANON`,
      NOW,
    );
    expect(q.cursor).toEqual({ w: c.w, k: c.k });
  });

  it.each<[string, string]>([
    ["end=2026-02-27T00:00:00Z", "end"],
    ["start=2026-02-25T09:00:00Z", "start"],
    ["orchestrator_address=0xother", "orchestrator_address"],
    ["gpu_id=GPU-A", "gpu_id"],
  ])("rejects a different %s", (extra, name) => {
    const p = rejection(() => resolveQuery(SLA, `cursor=${cursor}&${extra}`, NOW));
    expect(p.invalidParams).toEqual([{ name, reason: "differs from the cursor" }]);
  });

  it("rejects a cursor of another endpoint", () => {
    const p = rejection(() => resolveQuery(GPU_METRICS_ENDPOINT, `cursor=${cursor}`, NOW));
    expect(p.invalidParams).toEqual([
      { name: "cursor", reason: "cursor belongs to another endpoint" },
    ]);
  });

  it.each([
    ["wrong key count", { ...c, e: "/v1/network/demand" }, NETWORK_DEMAND_ENDPOINT],
    ["unknown filter key", { ...c, f: { gateway: "x" } }, SLA],
    ["inverted window", { ...c, s: c.t, t: c.s }, SLA],
    ["window over 31 days", { ...c, s: c.t - 32 * 24 * H }, SLA],
  ])("rejects a forged cursor: %s", (_name, forged, spec) => {
    const p = rejection(() => resolveQuery(spec, `cursor=${encodeCursor(forged)}`, NOW));
    expect(p.invalidParams).toEqual([{ name: "cursor", reason: "malformed cursor" }]);
  });
});
