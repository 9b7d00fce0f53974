import { createClickHouse, migrate } from "@livepeer-analytics/clickhouse";
import { UsageError } from "../usage-error.js";
import { databaseOptionsFrom, DB_OPTION_SPECS, parseCommandArgs } from "./command-args.js";

/** `lpa migrate [--db PATH | --url URL]`: creates or upgrades the schema; idempotent. */
export async function migrateCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, DB_OPTION_SPECS);
  if (positionals.length > 0) throw new UsageError("migrate takes no positional argument");
  const db = await createClickHouse(databaseOptionsFrom(values));
  try {
    const r = await migrate(db);
    const line =
      r.applied.length === 0
        ? `schema up to date (${r.alreadyApplied.length} migrations)`
        : `applied ${r.applied.join(", ")}`;
    process.stdout.write(`${line}\n`);
    return 0;
  } finally {
    await db.close();
  }
}
