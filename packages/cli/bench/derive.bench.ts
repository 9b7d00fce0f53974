/**
 * `npm run bench`: derivation throughput against a JSON.parse baseline measured in the same run
 * on the same generated corpus. Last line: `ratio <derive ev/s ÷ JSON.parse ev/s>` (goal ≥ 0.5).
 */
import { createBatchDeriver } from "@livepeer-analytics/core";
import { simulateNetworkStream } from "@livepeer-analytics/testkit";
import { nodeSha256 } from "../src/commands/derive.js";

const SESSIONS = Number(process.env.LPA_BENCH_SESSIONS ?? 1500);
const ROUNDS = Number(process.env.LPA_BENCH_ROUNDS ?? 3);
const START_MS = Date.UTC(2026, 1, 25, 20, 0, 0);

function corpus(): string[] {
  const lines: string[] = [];
  const config = {
    seed: 42,
    startMs: START_MS,
    durationMs: 6 * 3_600_000,
    sessions: SESSIONS,
    orchestrators: 24,
    gateways: 6,
  };
  for (const env of simulateNetworkStream(config)) lines.push(JSON.stringify(env));
  return lines;
}

function timeBest(rounds: number, run: () => number): { ms: number; checksum: number } {
  let best = Infinity;
  let checksum = 0;
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    checksum = run();
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, checksum };
}

function jsonParseOnly(lines: readonly string[]): number {
  let n = 0;
  for (const l of lines) if ((JSON.parse(l) as { type?: unknown }).type !== undefined) n++;
  return n;
}

function deriveAll(lines: readonly string[]): number {
  const d = createBatchDeriver({
    topic: "file:bench.jsonl",
    processingTimeMs: START_MS,
    sha256: nodeSha256,
  });
  let rows = 0;
  for (let i = 0; i < lines.length; i++) rows += d.push(lines[i] as string, i).length;
  for (const out of d.finish()) if (out.table.name !== "") rows++;
  if (d.counters.accepted + d.counters.unknown !== lines.length)
    throw new Error(`unexpected rejections: ${JSON.stringify(d.counters)}`);
  return rows;
}

const fmt = (n: number): string => Math.round(n).toLocaleString("en-US");

const lines = corpus();
const bytes = lines.reduce((s, l) => s + l.length, 0);
console.log(
  `corpus: ${fmt(lines.length)} events, ${(bytes / 1e6).toFixed(1)} MB, ${SESSIONS} sessions (seed 42)`,
);
// Warm up both paths once so the JIT treats them alike.
jsonParseOnly(lines.slice(0, 20_000));
deriveAll(lines.slice(0, 20_000));

const parse = timeBest(ROUNDS, () => jsonParseOnly(lines));
const derive = timeBest(ROUNDS, () => deriveAll(lines));
const parseRate = lines.length / (parse.ms / 1000);
const deriveRate = lines.length / (derive.ms / 1000);
console.log(
  `JSON.parse only:                  ${fmt(parseRate)} events/s (${parse.ms.toFixed(0)} ms)`,
);
console.log(
  `parse + validate + derive (all):  ${fmt(deriveRate)} events/s (${derive.ms.toFixed(0)} ms, ${fmt(derive.checksum)} output rows)`,
);
console.log(`heap used: ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
console.log(`ratio ${(deriveRate / parseRate).toFixed(3)}`);
