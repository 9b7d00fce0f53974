import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simulateNetworkStream } from "@livepeer-analytics/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lpa } from "./lpa-process.js";

let work: string;
let db: string;
const START_MS = Date.UTC(2026, 1, 25, 20, 0, 0);
const WINDOW = ["--from", "2026-02-25T00:00:00Z", "--to", "2026-02-26T00:00:00Z"];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "lpa-query-"));
  const corpus = join(work, "events.jsonl");
  const config = {
    seed: 9,
    startMs: START_MS,
    durationMs: 3_600_000,
    sessions: 60,
    orchestrators: 4,
    gateways: 2,
  };
  writeFileSync(
    corpus,
    [...simulateNetworkStream(config)].map((e) => JSON.stringify(e)).join("\n"),
  );
  db = join(work, "db");
  expect((await lpa(["load", corpus, "--db", db])).code).toBe(0);
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("lpa query", () => {
  it("prints the API rows as JSON, follows the cursor with --all, and filters", async () => {
    const all = await lpa([
      "query",
      "sla-compliance",
      "--db",
      db,
      ...WINDOW,
      "--format",
      "json",
      "--all",
      "--limit",
      "2",
    ]);
    expect(all.code, all.stderr).toBe(0);
    const rows = all.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.length).toBeGreaterThan(2);
    expect(
      new Set(
        rows.map((r) =>
          JSON.stringify([r["window_start"], r["orchestrator_address"], r["gpu_id"]]),
        ),
      ).size,
    ).toBe(rows.length);
    const orch = rows[0]?.["orchestrator_address"] as string;
    const one = await lpa([
      "query",
      "sla-compliance",
      "--db",
      db,
      ...WINDOW,
      "--format",
      "json",
      "--all",
      "--orchestrator-address",
      ` ${orch.toUpperCase()} `,
    ]);
    const filtered = one.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((r) => r["orchestrator_address"] === orch)).toBe(true);
    expect(filtered).toEqual(rows.filter((r) => r["orchestrator_address"] === orch));
  });

  it("prints a table for each contract", async () => {
    for (const c of ["gpu-metrics", "network-demand", "sla-compliance"]) {
      const r = await lpa(["query", c, "--db", db, ...WINDOW]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.split("\n")[0]).toMatch(/^window_start\s+/);
      expect(r.stdout).toMatch(/2026-02-25T20:00:00Z/);
    }
  });

  it("rejects bad parameters with a usage error", async () => {
    expect((await lpa(["query", "nope", "--db", db])).code).toBe(2);
    expect(
      (
        await lpa([
          "query",
          "gpu-metrics",
          "--db",
          db,
          "--from",
          "2026-02-26T00:00:00Z",
          "--to",
          "2026-02-25T00:00:00Z",
        ])
      ).code,
    ).toBe(2);
    expect(
      (await lpa(["query", "sla-compliance", "--db", db, ...WINDOW, "--granularity", "5m"])).code,
    ).toBe(2);
  });
});
