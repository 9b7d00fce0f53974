// `npm run stack`: the reference deployment without Docker, on this machine. Starts a real Kafka
// broker (services/kafka/kafka.sh through testkit), runs `lpa consume` into an embedded
// database — with `lpa serve` beside it when the CLI has that command — produces one simulated
// network hour with `lpa produce`, waits until the consumer has committed all of it, and prints
// the URLs. Ctrl-C stops everything. `--smoke` exits instead, after checking that every
// simulated session's facts are in the database (CI).
//
//   npm run stack [-- --smoke] [--dir DIR] [--seed N] [--sessions N] [--partitions N]
//                 [--api-port N] [--metrics-port N]
import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { startKafkaBroker, freePorts } from "@livepeer-analytics/testkit/services";
import { createTopic, groupProgress } from "@livepeer-analytics/kafka";
import {
  httpOk,
  runLpa,
  scrape,
  spawnWorker,
  stopChild,
  waitFor,
  type Child,
} from "./processes.js";
import { serveSupport, type ServeSupport } from "./serve-support.js";
import { countStored, writeSimulatedHour, type SimulatedFile } from "./simulated-hour.js";

const TOPIC = "streaming_events";
const GROUP = "lpa-stack";
const HOUR_MS = 3_600_000;

interface StackOptions {
  readonly smoke: boolean;
  readonly dir: string;
  readonly seed: number;
  readonly sessions: number;
  readonly partitions: number;
  readonly apiPort: number | undefined;
  readonly metricsPort: number | undefined;
}

function options(argv: readonly string[]): StackOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      smoke: { type: "boolean", default: false },
      dir: { type: "string", default: ".lpa/stack" },
      seed: { type: "string", default: "1" },
      sessions: { type: "string" },
      partitions: { type: "string", default: "3" },
      "api-port": { type: "string" },
      "metrics-port": { type: "string" },
    },
  });
  const int = (name: string, v: string | undefined): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${name} must be an integer ≥ 0`);
    return n;
  };
  return {
    smoke: values.smoke,
    dir: resolve(values.dir),
    seed: int("seed", values.seed) ?? 1,
    sessions: int("sessions", values.sessions) ?? (values.smoke ? 40 : 300),
    partitions: Math.max(1, int("partitions", values.partitions) ?? 3),
    apiPort: int("api-port", values["api-port"]),
    metricsPort: int("metrics-port", values["metrics-port"]),
  };
}

const log = (line: string): void => void process.stdout.write(`stack: ${line}\n`);

/** The worker's two command lines. */
function workerConfig(
  brokers: string[],
  db: string,
  metricsPort: number,
  serve: ServeSupport | undefined,
  apiPort: number,
): { db: string[]; consume: string[]; serve?: string[] } {
  const consume = ["--brokers", brokers.join(","), "--db", db, "--topic", TOPIC];
  consume.push("--group", GROUP, "--from-beginning", "--metrics-port", `${metricsPort}`);
  if (serve === undefined) return { db: ["--db", db], consume };
  const args = ["--db", db];
  if (serve.port) args.push("--port", `${apiPort}`);
  if (serve.host) args.push("--host", "127.0.0.1");
  return { db: ["--db", db], consume, serve: args };
}

/** Produces the file, waits until the group committed it all; returns the consumer metrics. */
async function produceAndWait(
  brokers: string[],
  file: SimulatedFile,
  metricsUrl: string,
  worker: Child,
): Promise<Map<string, number>> {
  const produced = await runLpa([
    "produce",
    file.path,
    "--brokers",
    brokers.join(","),
    "--topic",
    TOPIC,
  ]);
  if (produced.code !== 0) throw new Error(`lpa produce failed:\n${produced.output}`);
  log(`lpa produce: ${produced.output.trim().split("\n").at(-1)}`);
  await waitFor(
    "consumer caught up",
    async () => {
      const p = await groupProgress(brokers, GROUP, TOPIC);
      return p.end > 0 && p.committed >= p.end ? p : undefined;
    },
    300_000,
    worker.exited,
  );
  return scrape(`${metricsUrl}/metrics`);
}

/** GET an API page of the simulated hour; returns the row count. */
async function apiRows(apiUrl: string, path: string, startMs: number): Promise<number> {
  const q = new URLSearchParams({
    start: new Date(startMs - HOUR_MS).toISOString(),
    end: new Date(startMs + 3 * HOUR_MS).toISOString(),
    limit: "1000",
  });
  const r = await fetch(`${apiUrl}${path}?${q.toString()}`, {
    signal: AbortSignal.timeout(30_000),
  });
  if (!r.ok) throw new Error(`GET ${path}: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { data: unknown[] }).data.length;
}

async function run(o: StackOptions): Promise<number> {
  rmSync(o.dir, { recursive: true, force: true });
  mkdirSync(o.dir, { recursive: true });
  const db = resolve(o.dir, "db");
  const serve = await serveSupport();
  log(
    serve ? "lpa serve found: the API runs beside the consumer" : "no lpa serve yet: consumer only",
  );
  const [freeMetrics = 0, freeApi = 0] = await freePorts(2);
  const metricsPort = o.metricsPort ?? (o.smoke ? freeMetrics : 9464);
  const apiPort = o.apiPort ?? (o.smoke ? freeApi : 8080);
  log("starting the Kafka broker (services/kafka/kafka.sh) …");
  const broker = await startKafkaBroker();
  let worker: Child | undefined;
  try {
    await createTopic(broker.brokers, TOPIC, o.partitions);
    worker = spawnWorker(workerConfig(broker.brokers, db, metricsPort, serve, apiPort));
    const metricsUrl = `http://127.0.0.1:${metricsPort}`;
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    await waitFor(
      "consumer /healthz",
      () => httpOk(`${metricsUrl}/healthz`),
      120_000,
      worker.exited,
    );
    if (serve)
      await waitFor("API /healthz", () => httpOk(`${apiUrl}/healthz`), 60_000, worker.exited);
    const startMs = Math.floor(Date.now() / HOUR_MS) * HOUR_MS - HOUR_MS;
    const file = writeSimulatedHour(o.dir, o.seed, o.sessions, startMs);
    log(
      `simulated hour from ${new Date(startMs).toISOString()}: ${file.events} events, ${file.sessions} sessions`,
    );
    const m = await produceAndWait(broker.brokers, file, metricsUrl, worker);
    log(
      `consumed=${m.get("lpa_events_input_total")} accepted=${m.get("lpa_events_accepted_total")} ` +
        `rejected=${m.get("lpa_events_rejected_total")} duplicates=${m.get("lpa_events_quarantined_total")} ` +
        `sessions_derived=${m.get("lpa_sessions_derived_total")}`,
    );
    const slaRows = serve ? await apiRows(apiUrl, "/v1/sla/compliance", startMs) : undefined;
    if (slaRows !== undefined)
      log(`GET /v1/sla/compliance: ${slaRows} rows for the simulated hour`);
    log(
      `Kafka           ${broker.brokers.join(",")}  (topic ${TOPIC}, ${o.partitions} partitions)`,
    );
    log(`consumer        ${metricsUrl}/healthz  ${metricsUrl}/metrics`);
    if (serve)
      log(`API, dashboard  ${apiUrl}/  ${apiUrl}/v1/sla/compliance  ${apiUrl}/openapi.json`);
    log(`database        ${db} (embedded)`);
    if (o.smoke) return await smokeCheck(worker, db, file, slaRows);
    log("running — Ctrl-C stops the worker and the broker");
    await new Promise<void>((r) => {
      process.once("SIGINT", () => r());
      process.once("SIGTERM", () => r());
    });
    return 0;
  } finally {
    if (worker) await stopChild(worker);
    await broker.stop();
    log("stopped");
  }
}

/** After a graceful stop, every simulated session's facts must be in the database. */
async function smokeCheck(
  worker: Child,
  db: string,
  file: SimulatedFile,
  slaRows: number | undefined,
): Promise<number> {
  const code = await stopChild(worker);
  if (code !== 0) throw new Error(`worker exited with ${code}`);
  const stored = await countStored(db);
  log(
    `stored: ${stored.sessions} sessions, ${stored.rawEvents} raw events, ${stored.statusSamples} status samples`,
  );
  const ok =
    stored.sessions === file.sessions &&
    stored.rawEvents > 0 &&
    stored.statusSamples > 0 &&
    (slaRows === undefined || slaRows > 0);
  log(ok ? "smoke ok" : `smoke FAILED: expected ${file.sessions} sessions`);
  return ok ? 0 : 1;
}

process.exitCode = await run(options(process.argv.slice(2))).catch((e: Error) => {
  process.stderr.write(`stack: ${e.message}\n`);
  return 1;
});
