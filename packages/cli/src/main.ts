import { deriveCommand } from "./commands/derive.js";
import { archiveCommand } from "./commands/archive.js";
import { loadCommand } from "./commands/load.js";
import { consumeCommand } from "./commands/consume.js";
import { produceCommand } from "./commands/produce.js";
import { dlqCommand } from "./commands/dlq.js";
import { queryCommand } from "./commands/query.js";
import { replayCommand } from "./commands/replay.js";
import { migrateCommand } from "./commands/migrate.js";
import { serveCommand } from "./commands/serve.js";
import { simulateCommand } from "./commands/simulate.js";
import { startCommand } from "./commands/start.js";
import { UsageError } from "./usage-error.js";

const HELP = `lpa — Livepeer analytics command line

Usage:
  lpa derive [FILE|-] --out DIR [--org ORG] [--max-record-bytes N] [--pipeline-model-mode MODE]
      Validate, dedup, parse and derive every fact of FILE (JSON Lines, or a .json envelope/array;
      '-' or no FILE reads stdin) and write one <table>.jsonl per output table into DIR.
  lpa load FILE [--db PATH | --url URL] [--org ORG] [--batch-rows N] [--progress]
      Derive FILE and write every row (raw, DLQ, dimensions, facts) into the database through the
      idempotent writer; loading the same file again changes nothing. Default: embedded ./.lpa/db.
  lpa query gpu-metrics|network-demand|sla-compliance [--from T] [--to T] [--granularity G]
            [--limit N] [--all] [--format table|json] [--<grain-key> VALUE]... [--db PATH | --url URL]
      Print the API rows of a serving contract (default: the last 24 hours, 1h grain).
  lpa archive --from T --to T --dest file://DIR|s3://BUCKET/PREFIX [--db PATH | --url URL]
      Write the accepted envelopes with event time in [from, to) as Parquet partitioned by
      date=YYYY-MM-DD/type=TYPE/ (idempotent). S3: LPA_S3_ENDPOINT, AWS_ACCESS_KEY_ID,
      AWS_SECRET_ACCESS_KEY.
  lpa replay file://DIR|s3://BUCKET/PREFIX [--db PATH | --url URL]
      Read an archive back and re-derive it into the database.
  lpa consume --brokers B [--db PATH | --url URL] [--topic NAME[:ORG]]... [--group ID]
            [--from-beginning] [--metrics-port N]
      Run the streaming pipeline: Kafka → validation, dedup, sessions → database, committing
      offsets only after rows are durable. /healthz and /metrics on --metrics-port. SIGTERM drains.
  lpa produce FILE --brokers B --topic T
      Validate FILE's records and send the valid ones keyed by workflow_session_id.
  lpa dlq replay --brokers B --from T --to T [--db PATH | --url URL] [--topic T]
            [--failure-class C]
      Re-publish the original envelopes of the DLQ rows rejected in [from, to) to the events
      topic (default streaming_events), marked __replay; prints replayed=N skipped=N.
  lpa migrate [--db PATH | --url URL]
      Create or upgrade the schema (idempotent) and print what ran.
  lpa serve [--db PATH | --url URL] [--port N] [--host H]
      Serve the HTTP API (/v1/…, /healthz, /openapi.json, /docs) and the dashboard at / from the
      database opened read-only. Default 127.0.0.1:8080 (--port 0 picks a free port).
  lpa start [--db PATH] [--file FILE] [--kafka] [--port N] [--sessions N] [--once]
      The main job (npm start): simulate the last hour into an embedded database (or load FILE),
      serve the API and dashboard, keep producing live sessions. --once checks the API and exits;
      --kafka runs it through a real local Kafka broker (npm run stack).
  lpa simulate [--seed N] [--start ISO] [--out DIR] [--format table|json]
      Simulate one network hour (testkit), run it through core and print the SLA table.
  lpa help
`;

/**
 * CLI entry: runs one command and returns the process exit code (0 ok, 2 usage error,
 * 1 I/O or unexpected error). Rejected events never make it non-zero.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "derive":
        return await deriveCommand(rest);
      case "load":
        return await loadCommand(rest);
      case "query":
        return await queryCommand(rest);
      case "archive":
        return await archiveCommand(rest);
      case "replay":
        return await replayCommand(rest);
      case "consume":
        return await consumeCommand(rest);
      case "produce":
        return await produceCommand(rest);
      case "dlq":
        return await dlqCommand(rest);
      case "migrate":
        return await migrateCommand(rest);
      case "serve":
        return await serveCommand(rest);
      case "start":
        return await startCommand(rest);
      case "simulate":
        return await simulateCommand(rest);
      case undefined:
      case "help":
      case "--help":
      case "-h":
        process.stdout.write(HELP);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command: ${command}`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`lpa: ${err.message}\n\n${HELP}`);
      return 2;
    }
    const e = err as NodeJS.ErrnoException;
    process.stderr.write(`lpa: ${e.code ? `${e.code}: ` : ""}${e.message ?? String(err)}\n`);
    return 1;
  }
}
