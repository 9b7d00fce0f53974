import { createClickHouse } from "@livepeer-analytics/clickhouse";
import { replayDlq } from "@livepeer-analytics/kafka";
import { UsageError } from "../usage-error.js";
import { instantOption } from "./archive.js";
import { databaseOptionsFrom, DB_OPTION_SPECS, parseCommandArgs } from "./command-args.js";
import { brokersFrom } from "./consume.js";

/**
 * `lpa dlq replay --brokers B --from T --to T [--db PATH | --url URL] [--topic T]
 * [--failure-class C]`: re-publishes the original envelopes of the DLQ rows rejected in
 * [from, to) to the events topic, marked `__replay` (events.md §2), and prints
 * `replayed=N skipped=N` (skipped: payloads that were not a JSON object).
 */
export async function dlqCommand(args: readonly string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "replay") throw new UsageError("dlq takes a subcommand: replay");
  const { values, positionals } = parseCommandArgs(rest, {
    ...DB_OPTION_SPECS,
    brokers: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    topic: { type: "string" },
    "failure-class": { type: "string" },
  });
  if (positionals.length > 0) throw new UsageError("dlq replay takes no positional argument");
  const brokers = brokersFrom(values["brokers"]);
  const fromMs = instantOption(values["from"], "from");
  const toMs = instantOption(values["to"], "to");
  if (toMs <= fromMs) throw new UsageError("--to must be after --from");
  const topic = values["topic"];
  const failureClass = values["failure-class"];
  const db = await createClickHouse({ ...databaseOptionsFrom(values), readOnly: true });
  try {
    const r = await replayDlq({
      db,
      brokers,
      fromMs,
      toMs,
      ...(typeof topic === "string" && topic !== "" ? { topic } : {}),
      ...(typeof failureClass === "string" && failureClass !== "" ? { failureClass } : {}),
    });
    process.stdout.write(`replayed=${r.replayed} skipped=${r.skipped}\n`);
  } finally {
    await db.close();
  }
  return 0;
}
