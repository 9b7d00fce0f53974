import { parseArgs, type ParseArgsConfig } from "node:util";
import type { ClickHouseOptions } from "@livepeer-analytics/clickhouse";
import type { DeriveRecordsOptions } from "../derive-records.js";
import { UsageError } from "../usage-error.js";

type OptionSpecs = NonNullable<ParseArgsConfig["options"]>;
type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** Parses a command's arguments; any parse failure is a {@link UsageError} (exit 2). */
export function parseCommandArgs(
  args: readonly string[],
  options: OptionSpecs,
): { values: Values; positionals: string[] } {
  try {
    return parseArgs({ args: [...args], allowPositionals: true, options });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** Options of core's derivation shared by `derive`, `load` and `replay`. */
export const DERIVE_OPTION_SPECS = {
  org: { type: "string" },
  "max-record-bytes": { type: "string" },
  "pipeline-model-mode": { type: "string" },
  progress: { type: "boolean" },
} as const satisfies OptionSpecs;

/** Options selecting the database: embedded path or server URL (env fallbacks). */
export const DB_OPTION_SPECS = {
  db: { type: "string" },
  url: { type: "string" },
  database: { type: "string" },
  user: { type: "string" },
  password: { type: "string" },
} as const satisfies OptionSpecs;

const str = (v: Values[string]): string | undefined => (typeof v === "string" ? v : undefined);

/** A positive safe integer option, or a usage error naming it. */
export function positiveInteger(values: Values, name: string): number | undefined {
  const raw = str(values[name]);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n <= 0)
    throw new UsageError(`--${name} must be a positive integer`);
  return n;
}

/** Derivation options from parsed values. */
export function deriveOptionsFrom(values: Values): DeriveRecordsOptions {
  const maxRecordBytes = positiveInteger(values, "max-record-bytes");
  const org = str(values["org"]);
  const mode = str(values["pipeline-model-mode"]);
  const progress = values["progress"];
  return {
    ...(org !== undefined ? { org } : {}),
    ...(maxRecordBytes !== undefined ? { maxRecordBytes } : {}),
    ...(mode !== undefined ? { pipelineModelMode: mode } : {}),
    ...(typeof progress === "boolean" ? { progress } : {}),
  };
}

/**
 * Database options: `--url` (or `LPA_CLICKHOUSE_URL`) selects a server, else `--db PATH` (or
 * `LPA_DB_PATH`, default `./.lpa/db`) an embedded database. Credentials from `--user`/`--password`
 * or `LPA_CLICKHOUSE_USER`/`LPA_CLICKHOUSE_PASSWORD`.
 */
export function databaseOptionsFrom(
  values: Values,
  env: NodeJS.ProcessEnv = process.env,
): ClickHouseOptions {
  const url = str(values["url"]) ?? env["LPA_CLICKHOUSE_URL"];
  const path = str(values["db"]) ?? env["LPA_DB_PATH"];
  if (url !== undefined && str(values["db"]) !== undefined)
    throw new UsageError("give either --db PATH or --url URL, not both");
  const database = str(values["database"]) ?? env["LPA_CLICKHOUSE_DATABASE"];
  const username = str(values["user"]) ?? env["LPA_CLICKHOUSE_USER"];
  const password = str(values["password"]) ?? env["LPA_CLICKHOUSE_PASSWORD"];
  return {
    ...(url !== undefined ? { url } : path !== undefined ? { path } : {}),
    ...(database !== undefined ? { database } : {}),
    ...(username !== undefined ? { username } : {}),
    ...(password !== undefined ? { password } : {}),
  };
}
