import { spawn } from "node:child_process";
import { join } from "node:path";
import { createApiServer } from "@livepeer-analytics/api";
import { createClickHouse, migrate } from "@livepeer-analytics/clickhouse";
import {
  findRepoRoot,
  networkLayout,
  simulateNetworkStream,
  type NetworkConfig,
} from "@livepeer-analytics/testkit";
import { summaryLine } from "../derive-records.js";
import { openRecordInput, type InputRecord, type RecordInput } from "../io/record-reader.js";
import { UsageError } from "../usage-error.js";
import { parseCommandArgs, positiveInteger } from "./command-args.js";
import { deriveIntoDatabase } from "./load.js";

const HOUR_MS = 3_600_000;

/** A simulated network as a record input (progress counts events). */
function simulatedInput(config: NetworkConfig, label: string): RecordInput {
  const envelopes = [...simulateNetworkStream(config)];
  let read = 0;
  async function* records(): AsyncGenerator<InputRecord> {
    for (const [index, value] of envelopes.entries()) {
      read = index + 1;
      yield { value, index };
      if (index % 2000 === 1999) await new Promise<void>((r) => setImmediate(r));
    }
  }
  return {
    path: label,
    topic: label,
    sizeBytes: envelopes.length,
    records: records(),
    bytesRead: () => read,
  };
}

/** `--kafka`: the no-Docker stack (real broker, consumer, API), from the repository. */
function runStack(args: readonly string[]): Promise<number> {
  const root = findRepoRoot();
  const script = join(root, "examples/reference-deployment/stack/stack.ts");
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=@livepeer-analytics/source", script, ...args],
    { stdio: "inherit", cwd: root },
  );
  return new Promise((resolve) => child.once("exit", (code) => resolve(code ?? 1)));
}

/**
 * `npm start` / `lpa start`: the main job on the embedded default. Opens (and migrates) an
 * embedded database, runs a simulated network hour — the hour before now — through the full
 * derivation pipeline into it with a progress bar (or `--file FILE` instead), serves the API and
 * the dashboard, prints the URL, and keeps producing live simulated sessions every
 * `--live-interval-ms` until Ctrl-C. `--once` checks the API answers and exits (CI). `--kafka`
 * runs the same job through a real local Kafka broker (`npm run stack`).
 */
export async function startCommand(args: readonly string[], now = Date.now()): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    db: { type: "string" },
    file: { type: "string" },
    kafka: { type: "boolean" },
    port: { type: "string" },
    host: { type: "string" },
    seed: { type: "string" },
    sessions: { type: "string" },
    "live-interval-ms": { type: "string" },
    once: { type: "boolean" },
  });
  if (positionals.length > 0) throw new UsageError("start takes no positional argument");
  if (values["kafka"] === true) return runStack(values["once"] === true ? ["--smoke"] : []);
  const seed = positiveInteger(values, "seed") ?? 42;
  const sessions = positiveInteger(values, "sessions") ?? 300;
  const liveMs = positiveInteger(values, "live-interval-ms") ?? 10_000;
  const port = values["port"] === undefined ? 8080 : Number(values["port"]);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new UsageError("--port must be a port number");
  const host = typeof values["host"] === "string" ? values["host"] : "127.0.0.1";
  const path = typeof values["db"] === "string" ? values["db"] : "./.lpa/db";

  const db = await createClickHouse({ path });
  const reader = await createClickHouse({ path, readOnly: true });
  try {
    await migrate(db);
    const startMs = Math.floor(now / HOUR_MS) * HOUR_MS - HOUR_MS;
    const hour: NetworkConfig = {
      seed,
      startMs,
      durationMs: HOUR_MS,
      sessions,
      orchestrators: 12,
      gateways: 4,
    };
    const input =
      typeof values["file"] === "string"
        ? await openRecordInput(values["file"])
        : simulatedInput(hour, `simulated:seed-${seed}`);
    process.stdout.write(`lpa start: loading ${input.path} into ${path}\n`);
    const counters = (await deriveIntoDatabase(db, input, { progress: true }, "load")).counters;
    process.stdout.write(`${summaryLine(counters)}\n`);

    const app = createApiServer({ db: reader, logger: { level: "warn" } });
    const url = await app.listen({ port: values["once"] === true ? 0 : port, host });
    process.stdout.write(
      `dashboard ${url}/  ·  API docs ${url}/docs  ·  ${url}/v1/sla/compliance\n`,
    );
    if (values["once"] === true) {
      const res = await fetch(`${url}/v1/sla/compliance?limit=1`);
      const body = (await res.json()) as { data?: unknown[] };
      await app.close();
      process.stdout.write(`API check: HTTP ${res.status}, ${body.data?.length ?? 0} row(s)\n`);
      return res.status === 200 ? 0 : 1;
    }
    const layout = networkLayout(hour);
    let tick = 0;
    let live: Promise<unknown> = Promise.resolve();
    const timer = setInterval(() => {
      tick++;
      const t = Date.now();
      const slice: NetworkConfig = {
        seed: seed * 1000 + tick,
        startMs: t - 120_000,
        durationMs: 60_000,
        sessions: 4,
        orchestrators: layout.orchestrators,
        gateways: layout.gateways,
      };
      live = live
        .then(() =>
          deriveIntoDatabase(
            db,
            simulatedInput(slice, `live:${tick}`),
            { progress: false },
            "live",
          ),
        )
        .then((r) =>
          process.stdout.write(`live ${new Date(t).toISOString()}: ${summaryLine(r.counters)}\n`),
        )
        .catch((e: unknown) => process.stderr.write(`live batch failed: ${String(e)}\n`));
    }, liveMs);
    await new Promise<void>((resolve) => {
      process.once("SIGTERM", resolve);
      process.once("SIGINT", resolve);
    });
    clearInterval(timer);
    await live;
    await app.close();
    return 0;
  } finally {
    await reader.close();
    await db.close();
  }
}
