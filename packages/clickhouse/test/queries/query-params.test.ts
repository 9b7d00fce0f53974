import type { GpuMetricsRow, NetworkDemandRow, SlaComplianceRow } from "@livepeer-analytics/core";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { GpuMetricsRowSchema, NetworkDemandRowSchema } from "../../src/index.js";
import {
  GpuMetricsParamsSchema,
  NetworkDemandParamsSchema,
  QueryParamsError,
  slaCompliance,
  SlaComplianceParamsSchema,
  SlaComplianceRowSchema,
  type LpaClickHouse,
} from "../../src/index.js";
import { parseParams } from "../../src/queries/query-params.js";

const DAY = 86_400_000;
const start = Date.UTC(2026, 1, 25);

/** A database that must never be reached (parameter errors are raised before any query). */
const noDb = new Proxy({} as LpaClickHouse, {
  get() {
    throw new Error("the database was used");
  },
});

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

describe("row schemas are exactly core's row types (serving.md §8.5–8.7)", () => {
  it("inferred types", () => {
    expectTypeOf<z.output<typeof GpuMetricsRowSchema>>().toEqualTypeOf<Mutable<GpuMetricsRow>>();
    expectTypeOf<z.output<typeof NetworkDemandRowSchema>>().toEqualTypeOf<
      Mutable<NetworkDemandRow>
    >();
    expectTypeOf<z.output<typeof SlaComplianceRowSchema>>().toEqualTypeOf<
      Mutable<SlaComplianceRow>
    >();
  });

  it("quoted 64-bit integers become numbers; extra or missing fields are rejected", () => {
    const row = { window_start: "1772049600000", known_sessions: "4" };
    const shape = SlaComplianceRowSchema.shape;
    expect(shape.window_start.parse(row.window_start)).toBe(1772049600000);
    expect(shape.known_sessions.parse(row.known_sessions)).toBe(4);
    expect(() => shape.known_sessions.parse("4.5")).toThrow();
    expect(() => shape.known_sessions.parse(null)).toThrow();
    expect(() => SlaComplianceRowSchema.parse({})).toThrow();
  });
});

describe("query parameters (serving.md §8.1)", () => {
  it("defaults: granularity 1h, limit 50, no filters, no cursor; Date accepted", () => {
    const p = parseParams(GpuMetricsParamsSchema, { start: new Date(start), end: start + DAY });
    expect(p).toEqual({ start, end: start + DAY, granularity: "1h", limit: 50, filters: {} });
  });

  it("orchestrator_address is trimmed and lowercased; other filters are exact", () => {
    const p = parseParams(SlaComplianceParamsSchema, {
      start,
      end: start + DAY,
      filters: { orchestrator_address: " 0xCaNoN\t", gpu_id: " GPU-A ", region: "" },
    });
    expect(p.filters).toEqual({ orchestrator_address: "0xcanon", gpu_id: " GPU-A ", region: "" });
  });

  it.each([
    ["start after end", { start: start + 1, end: start }, "start"],
    ["start equal to end", { start, end: start }, "start"],
    ["window over 31 days", { start, end: start + 31 * DAY + 1 }, "end"],
    ["limit 0", { start, end: start + DAY, limit: 0 }, "limit"],
    ["limit 1001", { start, end: start + DAY, limit: 1001 }, "limit"],
    ["fractional limit", { start, end: start + DAY, limit: 1.5 }, "limit"],
    ["fractional start", { start: start + 0.5, end: start + DAY }, "start"],
    ["negative start", { start: -1, end: start }, "start"],
    ["invalid Date", { start: new Date(NaN), end: start }, "start"],
    ["1m on SLA", { start, end: start + DAY, granularity: "1m" }, "granularity"],
    ["unknown filter", { start, end: start + DAY, filters: { gateway: "gw" } }, "filters.gateway"],
    ["unknown parameter", { start, end: start + DAY, page: 2 }, "page"],
    ["short cursor", { start, end: start + DAY, cursor: { w: start, k: ["a"] } }, "cursor.k"],
  ])("rejects %s", async (_, params, name) => {
    const err = await slaCompliance(noDb, params as never).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QueryParamsError);
    const names = (err as QueryParamsError).invalidParams.map((p) => p.name);
    expect(names.some((n) => n.startsWith(name))).toBe(true);
    expect((err as QueryParamsError).retryable).toBe(false);
  });

  it("demand accepts 1m/5m and its own filters", () => {
    const p = parseParams(NetworkDemandParamsSchema, {
      start,
      end: start + DAY,
      granularity: "5m",
      filters: { gateway: "gw-1", pipeline: "" },
    });
    expect(p.granularity).toBe("5m");
    expect(p.filters).toEqual({ gateway: "gw-1", pipeline: "" });
  });
});
