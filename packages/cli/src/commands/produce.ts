import { createEventProducer } from "@livepeer-analytics/kafka";
import { openRecordInput } from "../io/record-reader.js";
import { UsageError } from "../usage-error.js";
import { parseCommandArgs } from "./command-args.js";
import { brokersFrom } from "./consume.js";

/**
 * `lpa produce FILE --brokers B --topic T`: validates every record of FILE with core and sends
 * the valid ones keyed by `workflow_session_id`; prints `sent=N rejected=N` (rejections with
 * their reasons on stderr).
 */
export async function produceCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    brokers: { type: "string" },
    topic: { type: "string" },
    org: { type: "string" },
  });
  if (positionals.length !== 1) throw new UsageError("produce takes exactly one input file (or -)");
  const brokers = brokersFrom(values["brokers"]);
  const topic = values["topic"];
  if (typeof topic !== "string" || topic === "") throw new UsageError("--topic is required");
  const input = await openRecordInput(positionals[0] as string);
  const producer = await createEventProducer({
    brokers,
    topic,
    ...(typeof values["org"] === "string" ? { org: values["org"] } : {}),
  });
  try {
    const texts: string[] = [];
    for await (const rec of input.records) {
      texts.push(typeof rec.value === "string" ? rec.value : JSON.stringify(rec.value));
    }
    const result = await producer.send(texts);
    for (const r of result.rejected) {
      process.stderr.write(`record ${r.index}: ${r.rejection.reason}: ${r.rejection.details}\n`);
    }
    process.stdout.write(`sent=${result.sent} rejected=${result.rejected.length}\n`);
  } finally {
    await producer.close();
  }
  return 0;
}
