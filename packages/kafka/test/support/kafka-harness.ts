import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Kafka, logLevel } from "kafkajs";
import { simulateNetworkStream } from "@livepeer-analytics/testkit";
import { deriveFile } from "../../../cli/src/commands/derive.js";
import { groupProgress } from "../../src/index.js";
import { compiledChild } from "./compiled-child.js";

const run = promisify(execFile);

/** A fresh temp directory. */
export const tempDir = (prefix: string): string => mkdtempSync(join(tmpdir(), prefix));

/** Simulated envelopes (JSON text, one per record) of a small network. */
export function corpus(sessions: number, seed = 7): string[] {
  const lines: string[] = [];
  const config = {
    seed,
    startMs: Date.UTC(2026, 1, 25, 20, 0, 0),
    durationMs: 3_600_000,
    sessions,
    orchestrators: 6,
    gateways: 3,
  };
  for (const env of simulateNetworkStream(config)) lines.push(JSON.stringify(env));
  return lines;
}

/** `lpa derive` of `lines` into a temp directory; returns the directory. */
export async function deriveLines(lines: readonly string[]): Promise<string> {
  const dir = tempDir("lpa-kafka-derive-");
  const file = join(dir, "input.jsonl");
  writeFileSync(file, lines.join("\n") + "\n");
  await deriveFile({ input: file, outDir: join(dir, "out"), processingTimeMs: Date.now() });
  return join(dir, "out");
}

/**
 * Copies the committed offsets of group `from` on `topic` to the empty group `to`. A consumer
 * restarted under `to` resumes exactly where one of `from` would, without waiting for the
 * broker to expire a SIGKILLed member of `from` (its session timeout, 6 s at least). The copy is
 * committed by a short-lived member of `to` that consumes nothing (kafkajs' `admin.setOffsets`
 * waits out a 5 s fetch).
 */
export async function carryOffsets(
  brokers: string[],
  from: string,
  to: string,
  topic: string,
): Promise<void> {
  const kafka = new Kafka({ brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  let offsets: Array<{ topic: string; partition: number; offset: string }>;
  try {
    const [c] = await admin.fetchOffsets({ groupId: from, topics: [topic] });
    offsets = (c?.partitions ?? [])
      .filter((p) => Number(p.offset) >= 0)
      .map((p) => ({ topic, partition: p.partition, offset: p.offset }));
  } finally {
    await admin.disconnect();
  }
  if (offsets.length === 0) return;
  const member = kafka.consumer({ groupId: to, maxWaitTimeInMs: 50 });
  await member.connect();
  try {
    await member.subscribe({ topics: [topic], fromBeginning: true });
    await member.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: () => Promise.resolve(),
    });
    member.pause([{ topic }]);
    await member.commitOffsets(offsets);
  } finally {
    await member.disconnect();
  }
}

/** Waits until `group` committed the end of `topic`. */
export async function waitCaughtUp(
  brokers: string[],
  group: string,
  topic: string,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const p = await groupProgress(brokers, group, topic);
    if (p.end > 0 && p.committed >= p.end) return;
    if (Date.now() > deadline) throw new Error(`not caught up: ${JSON.stringify(p)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A consumer child process. */
export interface ConsumerChild {
  readonly child: ChildProcess;
  /** Resolves with the metrics port once consuming. */
  readonly ready: Promise<number>;
  readonly exited: Promise<number | null>;
  stderr(): string;
}

const spawned = new Set<ChildProcess>();

/** SIGKILLs every consumer child still running (test cleanup after a failure). */
export function killConsumers(): void {
  for (const c of spawned) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  spawned.clear();
}

/** Starts `consumer-child.ts` (compiled once, see compiled-child.ts) with `config`. */
export async function spawnConsumer(config: Record<string, unknown>): Promise<ConsumerChild> {
  const entry = await compiledChild("consumer-child");
  const child = spawn("node", [entry, JSON.stringify(config)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  spawned.add(child);
  let err = "";
  child.stderr.on("data", (b: Buffer) => (err += b.toString()));
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  const ready = new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (b: Buffer) => {
      out += b.toString();
      const m = /READY (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    void exited.then((code) => reject(new Error(`consumer exited ${code}: ${err}`)));
  });
  ready.catch(() => undefined);
  return { child, ready, exited, stderr: () => err };
}

/** Stops a child gracefully (SIGTERM) and waits for it. */
export async function stopConsumer(c: ConsumerChild): Promise<number | null> {
  if (c.child.exitCode === null) c.child.kill("SIGTERM");
  return c.exited;
}

/** Result of {@link compareWithDerive}. */
export interface Comparison {
  readonly actual: Record<string, string[]>;
  readonly expected: Record<string, string[]>;
  readonly raw: Record<string, { db: number; derived: number }>;
}

/** Current facts of the embedded database vs `lpa derive` (read in a child process). */
export async function compareWithDerive(dbPath: string, deriveDir: string): Promise<Comparison> {
  const r = await run("node", [await compiledChild("compare-child"), dbPath, deriveDir], {
    maxBuffer: 512 * 1024 * 1024,
  });
  return JSON.parse(r.stdout) as Comparison;
}

/** GET `/metrics` of a child as name → value (label sets kept in the name). */
export async function scrape(port: number): Promise<Map<string, number>> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const out = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line.startsWith("#") || line === "") continue;
    const i = line.lastIndexOf(" ");
    out.set(line.slice(0, i), Number(line.slice(i + 1)));
  }
  return out;
}
