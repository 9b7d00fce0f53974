import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simulateNetworkStream, listSampleFiles } from "@livepeer-analytics/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lpa, spawnLpa, tableCounts } from "./lpa-process.js";

let work: string;
let corpus: string;

const START_MS = Date.UTC(2026, 1, 25, 20, 0, 0);

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "lpa-load-"));
  corpus = join(work, "network.jsonl");
  const lines: string[] = [];
  const config = {
    seed: 7,
    startMs: START_MS,
    durationMs: 2 * 3_600_000,
    sessions: 400,
    orchestrators: 8,
    gateways: 3,
  };
  for (const env of simulateNetworkStream(config)) lines.push(JSON.stringify(env));
  lines.splice(100, 0, "{not json", '{"type":"ai_stream_status"}'); // two rejections
  writeFileSync(corpus, lines.join("\n") + "\n");
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Lines per table that `lpa derive` writes for `file`. */
async function deriveCounts(file: string): Promise<Record<string, number>> {
  const out = mkdtempSync(join(work, "derive-"));
  const r = await lpa(["derive", file, "--out", out]);
  expect(r.code).toBe(0);
  const counts: Record<string, number> = {};
  for (const f of readdirSync(out)) {
    const text = readFileSync(join(out, f), "utf8");
    counts[f.replace(/\.jsonl$/, "")] = text === "" ? 0 : text.trimEnd().split("\n").length;
  }
  return counts;
}

function finalCounts(c: Record<string, { final: number }>): Record<string, number> {
  return Object.fromEntries(Object.entries(c).map(([t, v]) => [t, v.final]));
}

interface CleanLoad {
  readonly db: string;
  readonly stdout: string;
  readonly counts: Record<string, { rows: number; final: number }>;
}

let clean: Promise<CleanLoad> | undefined;

/**
 * One clean `lpa load` of the corpus and its counts right after it, shared by the tests that
 * start from a clean load (the first caller runs it; the counts are taken before any test loads
 * into that database again, so each test sees the same state whatever runs first).
 */
function cleanLoad(): Promise<CleanLoad> {
  clean ??= (async () => {
    const db = join(work, "db-clean");
    const r = await lpa(["load", corpus, "--db", db]);
    expect(r.code, r.stderr).toBe(0);
    return { db, stdout: r.stdout, counts: await tableCounts(db) };
  })();
  return clean;
}

describe("lpa load (embedded chDB)", () => {
  it("stores exactly what lpa derive outputs, table by table", async () => {
    const [loaded, expected] = await Promise.all([cleanLoad(), deriveCounts(corpus)]);
    expect(loaded.stdout).toMatch(/rejected=2 /);
    const stored = finalCounts(loaded.counts);
    for (const [table, n] of Object.entries(expected)) expect(stored[table], table).toBe(n);
    expect(stored["raw_streaming_events_dlq"]).toBe(2);
  }, 240_000);

  it("loading the same file twice changes no count, even without FINAL", async () => {
    const { db, counts: once } = await cleanLoad();
    expect((await lpa(["load", corpus, "--db", db])).code).toBe(0);
    const twice = await tableCounts(db);
    for (const [table, c] of Object.entries(once)) {
      expect(twice[table]?.final, table).toBe(c.final);
      // DLQ rows carry the processing instant, so a second run's DLQ batch differs and only
      // the ReplacingMergeTree key collapses it; every other table is byte-identical.
      if (table !== "raw_streaming_events_dlq") expect(twice[table]?.rows, table).toBe(c.rows);
    }
  }, 240_000);

  it("a load killed half way and run again ends with the same counts as one clean load", async () => {
    const expected = finalCounts((await cleanLoad()).counts);
    const db = join(work, "db-killed");
    const partial: number[] = [];
    for (const percent of [25, 65]) {
      // Small batches so rows reach the engine early; kill when the progress bar passes `percent`.
      const child = await spawnLpa([
        "load",
        corpus,
        "--db",
        db,
        "--progress",
        "--batch-rows",
        "1000",
      ]);
      await new Promise<void>((resolve) => {
        child.stderr?.on("data", (chunk: Buffer) => {
          const shown = [...chunk.toString().matchAll(/ (\d+\.\d)% /g)].map((m) => Number(m[1]));
          if (shown.some((p) => p >= percent)) resolve();
        });
        child.once("exit", () => resolve());
      });
      child.kill("SIGKILL");
      const signal = await new Promise<NodeJS.Signals | null>((r) =>
        child.exitCode !== null || child.signalCode !== null
          ? r(child.signalCode)
          : child.once("exit", (_code, sig) => r(sig)),
      );
      expect(signal, "the load was still running when killed").toBe("SIGKILL");
      partial.push((await tableCounts(db))["raw_streaming_events"]?.final ?? 0);
    }
    // The kills landed mid-load: some but not all envelopes were stored.
    expect(partial.some((n) => n > 0 && n < (expected["raw_streaming_events"] ?? 0))).toBe(true);
    expect((await lpa(["load", corpus, "--db", db])).code).toBe(0);
    expect(finalCounts(await tableCounts(db))).toEqual(expected);
  }, 240_000);

  it("loads every sample file with the DLQ rows lpa derive gives it", async () => {
    for (const file of listSampleFiles()) {
      const db = mkdtempSync(join(work, "db-sample-"));
      const loadAndCount = async (): Promise<Record<string, number>> => {
        const r = await lpa(["load", file, "--db", db]);
        expect(r.code, `${file}: ${r.stderr}`).toBe(0);
        return finalCounts(await tableCounts(db));
      };
      // Two processes at once: derive does not touch the database the load writes.
      const [stored, expected] = await Promise.all([loadAndCount(), deriveCounts(file)]);
      expect(stored["raw_streaming_events_dlq"], file).toBe(expected["raw_streaming_events_dlq"]);
      expect(stored["raw_streaming_events"], file).toBe(expected["raw_streaming_events"]);
      expect(stored["fact_workflow_sessions"], file).toBe(expected["fact_workflow_sessions"]);
    }
  }, 300_000);

  it("migrate is idempotent and usage errors exit 2", async () => {
    const db = join(work, "db-migrate");
    const first = await lpa(["migrate", "--db", db]);
    expect(first.stdout).toMatch(/^applied 0001_tables/);
    const second = await lpa(["migrate", "--db", db]);
    expect(second.stdout).toMatch(/^schema up to date/);
    expect((await lpa(["load"])).code).toBe(2);
    expect((await lpa(["load", corpus, "--db", db, "--url", "http://x"])).code).toBe(2);
  }, 120_000);
});
