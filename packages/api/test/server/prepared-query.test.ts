import { describe, expect, it } from "vitest";
import {
  GPU_METRICS_ENDPOINT,
  SLA_COMPLIANCE_ENDPOINT,
} from "../../src/endpoints/endpoint-spec.js";
import { HttpProblem } from "../../src/http/problem.js";
import { createQueryPreparer } from "../../src/server/prepared-query.js";

const NOW = Date.UTC(2026, 1, 26, 8, 0, 0, 123);
const SLA = SLA_COMPLIANCE_ENDPOINT;

/** A clock that counts its reads. */
function clock(ms = NOW) {
  const c = { ms, reads: 0, now: () => (c.reads++, c.ms) };
  return c;
}

describe("prepared queries", () => {
  it("equivalent query strings get one key and one tail", () => {
    const p = createQueryPreparer();
    const c = clock();
    const a = p.prepare(SLA, "end=2026-02-26T00:00:00Z&region=eu", c.now);
    const b = p.prepare(
      SLA,
      "region=%65u&start=2026-02-25T01:00:00%2B01:00&end=2026-02-26T00:00:00.000Z&limit=50",
      c.now,
    );
    expect(b.key).toBe(a.key);
    expect(b.tail).toBe(a.tail);
    expect(a.tail).toBe(
      ',"semantics_version":"1.0.0","grain":"1h","window":{"start":"2026-02-25T00:00:00Z","end":"2026-02-26T00:00:00Z"}}}',
    );
  });

  it("keys differ across endpoints and across any resolved difference", () => {
    const p = createQueryPreparer();
    const c = clock();
    const q = "end=2026-02-26T00:00:00Z";
    const keys = new Set(
      [
        p.prepare(SLA, q, c.now),
        p.prepare(GPU_METRICS_ENDPOINT, q, c.now),
        p.prepare(SLA, `${q}&granularity=1d`, c.now),
        p.prepare(SLA, `${q}&limit=51`, c.now),
        p.prepare(SLA, `${q}&region=`, c.now),
        p.prepare(SLA, `${q}&gpu_id=`, c.now),
      ].map((x) => x.key),
    );
    expect(keys.size).toBe(6);
  });

  it("remembers a clock-independent query string: the clock is never read and the same object returns", () => {
    const p = createQueryPreparer();
    const c = clock();
    const a = p.prepare(SLA, "end=2026-02-26T00:00:00Z", c.now);
    c.ms += 3_600_000;
    expect(p.prepare(SLA, "end=2026-02-26T00:00:00Z", c.now)).toBe(a);
    expect(c.reads).toBe(0);
  });

  it("resolves a query string without end again on every request (end = request time)", () => {
    const p = createQueryPreparer();
    const c = clock();
    const a = p.prepare(SLA, "limit=5", c.now);
    c.ms += 1;
    const b = p.prepare(SLA, "limit=5", c.now);
    expect([a.query.end, b.query.end]).toEqual([NOW, NOW + 1]);
    expect(b.key).not.toBe(a.key);
    expect(c.reads).toBe(2);
  });

  it("an absent query string and an empty one are the same query", () => {
    const p = createQueryPreparer();
    const c = clock();
    expect(p.prepare(SLA, undefined, c.now).key).toBe(p.prepare(SLA, "", c.now).key);
  });

  it("refuses an invalid query string every time", () => {
    const p = createQueryPreparer();
    const c = clock();
    for (let i = 0; i < 2; i++)
      expect(() => p.prepare(SLA, "end=2026-02-26T00:00:00Z&nope=1", c.now)).toThrow(HttpProblem);
  });

  it("remembers at most maxEntries query strings (least recently used go first)", () => {
    const p = createQueryPreparer(2);
    const c = clock();
    const q = (h: number) => `end=2026-02-26T0${h}:00:00Z`;
    const a = p.prepare(SLA, q(1), c.now);
    const b = p.prepare(SLA, q(2), c.now);
    expect(p.prepare(SLA, q(1), c.now)).toBe(a);
    p.prepare(SLA, q(3), c.now);
    expect(p.prepare(SLA, q(1), c.now)).toBe(a);
    expect(p.prepare(SLA, q(2), c.now)).not.toBe(b);
    expect(p.prepare(SLA, q(2), c.now)).toEqual(b);
  });
});
