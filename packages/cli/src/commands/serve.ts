import { createApiServer } from "@livepeer-analytics/api";
import { createClickHouse, type LpaClickHouse } from "@livepeer-analytics/clickhouse";
import { UsageError } from "../usage-error.js";
import { databaseOptionsFrom, DB_OPTION_SPECS, parseCommandArgs } from "./command-args.js";

/** Default port of `lpa serve`. */
export const DEFAULT_SERVE_PORT = 8080;

function portFrom(text: unknown): number {
  if (text === undefined) return DEFAULT_SERVE_PORT;
  const port = Number(text);
  if (typeof text !== "string" || !/^\d+$/.test(text) || port > 65_535)
    throw new UsageError("--port must be a port number (0 picks a free one)");
  return port;
}

/** Refuses to serve a database without the serving views (never migrated or loaded). */
async function assertServable(db: LpaClickHouse): Promise<void> {
  const rows = await db.query<{ n: string }>(
    "SELECT count() AS n FROM system.tables WHERE database = {db:String} AND name LIKE 'v\\_api\\_%'",
    { params: { db: db.database } },
  );
  if (Number(rows[0]?.n ?? 0) === 0)
    throw new Error(
      `database ${db.database} has no serving views: run lpa load or lpa migrate first`,
    );
}

/**
 * `lpa serve [--db PATH | --url URL] [--port N] [--host H]`: opens the database read-only and
 * serves the HTTP API, `/docs` and the dashboard until SIGINT/SIGTERM. Prints the URL.
 */
export async function serveCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...DB_OPTION_SPECS,
    port: { type: "string" },
    host: { type: "string" },
  });
  if (positionals.length > 0) throw new UsageError("serve takes no positional argument");
  const port = portFrom(values["port"]);
  const host = typeof values["host"] === "string" ? values["host"] : "127.0.0.1";
  const db = await createClickHouse({ ...databaseOptionsFrom(values), readOnly: true });
  try {
    await assertServable(db);
    const app = createApiServer({ db, logger: { level: "warn" } });
    const url = await app.listen({ port, host });
    process.stdout.write(`lpa serve: ${url}/ (API docs ${url}/docs)\n`);
    await new Promise<void>((resolve) => {
      process.once("SIGTERM", resolve);
      process.once("SIGINT", resolve);
    });
    await app.close();
    return 0;
  } finally {
    await db.close();
  }
}
