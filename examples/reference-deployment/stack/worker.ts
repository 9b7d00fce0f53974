// The stack's worker process: runs `lpa migrate`, then `lpa consume` and, when given,
// `lpa serve` side by side in one process. The embedded chDB engine binds its data directory to a single process, so the
// consumer (writing) and the API (reading) must share one; with a ClickHouse server they are
// separate processes (examples/reference-deployment/compose.yaml). Both commands stop on
// SIGTERM/SIGINT: the consumer drains, flushes and commits first.
//
//   worker.ts '{"consume":["--brokers",…],"serve":["--db",…]}'
import { main } from "@livepeer-analytics/cli";

interface WorkerConfig {
  /** Database options (`--db PATH`), for the migration both commands need first. */
  readonly db: readonly string[];
  readonly consume: readonly string[];
  readonly serve?: readonly string[];
}

const config = JSON.parse(process.argv[2] ?? "{}") as WorkerConfig;
// The API refuses a database without the serving views; create them before either starts.
const migrated = await main(["migrate", ...config.db]);
if (migrated !== 0) process.exit(migrated);
const commands = [main(["consume", ...config.consume])];
if (config.serve !== undefined) commands.push(main(["serve", ...config.serve]));
const codes = await Promise.all(commands);
process.exitCode = Math.max(...codes);
