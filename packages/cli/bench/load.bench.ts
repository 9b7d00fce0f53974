/**
 * `lpa load` throughput on the embedded engine against `lpa derive` of the same file (derivation
 * plus JSON Lines files, no database), same run. Prints events/s of both and
 * `load ratio <load ÷ derive>`. LPA_BENCH_LOAD_EVENTS sets the corpus size (default 1 000 000,
 * the figure issue 3 asks for).
 */
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simulateNetworkStream } from "@livepeer-analytics/testkit";
import { deriveFile } from "../src/commands/derive.js";
import { loadFile } from "../src/commands/load.js";

const EVENTS = Number(process.env.LPA_BENCH_LOAD_EVENTS ?? 1_000_000);
const START_MS = Date.UTC(2026, 1, 25, 0, 0, 0);
const fmt = (n: number): string => Math.round(n).toLocaleString("en-US");

async function writeCorpus(path: string): Promise<number> {
  const out = createWriteStream(path);
  let n = 0;
  // About 112 events per simulated session.
  const sessions = Math.max(10, Math.round(EVENTS / 112));
  const config = {
    seed: 11,
    startMs: START_MS,
    durationMs: 24 * 3_600_000,
    sessions,
    orchestrators: 40,
    gateways: 8,
  };
  for (const env of simulateNetworkStream(config)) {
    if (!out.write(JSON.stringify(env) + "\n"))
      await new Promise<void>((r) => out.once("drain", () => r()));
    n++;
  }
  await new Promise<void>((r, j) => out.end((e?: Error | null) => (e ? j(e) : r())));
  return n;
}

const dir = mkdtempSync(join(tmpdir(), "lpa-bench-load-"));
const file = join(dir, "events.jsonl");
const n = await writeCorpus(file);
console.log(`load corpus: ${fmt(n)} events`);

let t0 = performance.now();
await deriveFile({ input: file, outDir: join(dir, "derived"), progress: false });
const deriveMs = performance.now() - t0;

t0 = performance.now();
const r = await loadFile({ input: file, database: { path: join(dir, "db") }, progress: false });
const loadMs = performance.now() - t0;

const deriveRate = n / (deriveMs / 1000);
const loadRate = n / (loadMs / 1000);
console.log(
  `lpa derive (JSON Lines out):  ${fmt(deriveRate)} events/s (${deriveMs.toFixed(0)} ms)`,
);
console.log(
  `lpa load (embedded chDB):     ${fmt(loadRate)} events/s (${loadMs.toFixed(0)} ms, ${fmt(r.writer.rowsWritten)} rows)`,
);
console.log(`load ratio ${(loadRate / deriveRate).toFixed(3)}`);
rmSync(dir, { recursive: true, force: true });
