import { createClickHouse, migrate, startRollupRefresher } from "@livepeer-analytics/clickhouse";
import { DEFAULT_INPUT_TOPIC, runConsumer, type TopicConfig } from "@livepeer-analytics/kafka";
import { UsageError } from "../usage-error.js";
import { databaseOptionsFrom, DB_OPTION_SPECS, parseCommandArgs } from "./command-args.js";

/** `--topic NAME[:ORG]` values as topic configs (default the events.md §10 input topic). */
export function topicConfigs(values: readonly string[]): TopicConfig[] {
  if (values.length === 0) return [{ name: DEFAULT_INPUT_TOPIC }];
  return values.map((v) => {
    const i = v.indexOf(":");
    const name = i < 0 ? v : v.slice(0, i);
    if (name === "") throw new UsageError(`bad --topic ${v}`);
    return i < 0 ? { name } : { name, org: v.slice(i + 1) };
  });
}

/** Comma-separated `--brokers`, required. */
export function brokersFrom(value: unknown): string[] {
  if (typeof value !== "string" || value === "") throw new UsageError("--brokers is required");
  return value.split(",").filter((b) => b !== "");
}

/**
 * `lpa consume --brokers B [--db PATH | --url URL] [--topic NAME[:ORG]]… [--group ID]
 * [--from-beginning] [--metrics-port N] [--rollup-interval-ms N]`: runs the streaming pipeline
 * until SIGTERM/SIGINT, then drains the batch in flight, flushes, commits and disconnects.
 * Meanwhile it refreshes the API rollups every `--rollup-interval-ms` (default 5 000; 0 = never,
 * when another process refreshes them), and once more after the drain.
 */
export async function consumeCommand(args: readonly string[]): Promise<number> {
  const { values } = parseCommandArgs(args, {
    ...DB_OPTION_SPECS,
    brokers: { type: "string" },
    topic: { type: "string", multiple: true },
    group: { type: "string" },
    "from-beginning": { type: "boolean" },
    "metrics-port": { type: "string" },
    "max-sessions": { type: "string" },
    "rollup-interval-ms": { type: "string" },
  });
  const brokers = brokersFrom(values["brokers"]);
  const topics = topicConfigs((values["topic"] as string[] | undefined) ?? []);
  const portText = values["metrics-port"];
  const metricsPort = typeof portText === "string" ? Number(portText) : undefined;
  if (metricsPort !== undefined && !(Number.isInteger(metricsPort) && metricsPort >= 0))
    throw new UsageError("--metrics-port must be a port number");
  const maxText = values["max-sessions"];
  const rollupText = values["rollup-interval-ms"];
  const rollupMs = typeof rollupText === "string" ? Number(rollupText) : 5_000;
  if (!(Number.isInteger(rollupMs) && rollupMs >= 0))
    throw new UsageError("--rollup-interval-ms must be a non-negative integer");
  const db = await createClickHouse(databaseOptionsFrom(values));
  await migrate(db);
  const running = await runConsumer({
    brokers,
    db,
    topics,
    groupId: typeof values["group"] === "string" ? values["group"] : "lpa",
    fromBeginning: values["from-beginning"] === true,
    ...(metricsPort !== undefined ? { metricsPort } : {}),
    ...(typeof maxText === "string" ? { maxSessions: Number(maxText) } : {}),
  });
  const refresher =
    rollupMs === 0
      ? undefined
      : startRollupRefresher(db, {
          intervalMs: rollupMs,
          onError: (e) =>
            process.stderr.write(`rollup refresh failed (will retry): ${String(e)}\n`),
        });
  process.stderr.write(
    `lpa consume: ${topics.map((t) => t.name).join(",")} → ${db.database}` +
      (running.health ? ` (metrics on :${running.health.port})` : "") +
      "\n",
  );
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  });
  await running.stop();
  if (refresher !== undefined) {
    await refresher.refreshNow().catch(() => undefined);
    await refresher.stop();
  }
  await db.close();
  const m = running.pipeline.metrics;
  process.stdout.write(
    `consumed=${m.consumed} accepted=${m.accepted} rejected=${m.rejected} duplicates=${m.duplicates} unknown=${m.unknown}\n`,
  );
  return 0;
}
