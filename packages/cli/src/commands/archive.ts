import {
  archiveRange,
  createClickHouse,
  parseArchiveLocation,
  type S3Credentials,
  type ArchiveLocation,
} from "@livepeer-analytics/clickhouse";
import { UsageError } from "../usage-error.js";
import { databaseOptionsFrom, DB_OPTION_SPECS, parseCommandArgs } from "./command-args.js";

/** S3 settings from the environment (`LPA_S3_ENDPOINT`, `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`). */
export function s3CredentialsFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): S3Credentials | undefined {
  const endpoint = env["LPA_S3_ENDPOINT"];
  const accessKeyId = env["AWS_ACCESS_KEY_ID"];
  const secretAccessKey = env["AWS_SECRET_ACCESS_KEY"];
  if (endpoint === undefined || accessKeyId === undefined || secretAccessKey === undefined)
    return undefined;
  return { endpoint, accessKeyId, secretAccessKey };
}

/** An RFC 3339 instant (or epoch ms) option as epoch ms, or a usage error naming it. */
export function instantOption(value: unknown, name: string): number {
  if (typeof value !== "string") throw new UsageError(`--${name} is required`);
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(ms)) throw new UsageError(`--${name} must be an RFC 3339 time or epoch ms`);
  return ms;
}

/** `lpa archive --from T --to T --dest file://DIR|s3://bucket/prefix [--db PATH | --url URL]`. */
export async function archiveCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...DB_OPTION_SPECS,
    from: { type: "string" },
    to: { type: "string" },
    dest: { type: "string" },
  });
  if (positionals.length > 0) throw new UsageError("archive takes no positional argument");
  const from = instantOption(values["from"], "from");
  const to = instantOption(values["to"], "to");
  if (!(from < to)) throw new UsageError("--from must be before --to");
  if (typeof values["dest"] !== "string") throw new UsageError("--dest is required");
  let loc: ArchiveLocation;
  try {
    loc = parseArchiveLocation(values["dest"], s3CredentialsFromEnv());
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const db = await createClickHouse(databaseOptionsFrom(values));
  try {
    const parts = await archiveRange(db, loc, from, to);
    for (const p of parts) process.stdout.write(`${p.path}\t${p.rows}\n`);
    const rows = parts.reduce((s, p) => s + p.rows, 0);
    process.stdout.write(`archived ${rows} envelopes in ${parts.length} files\n`);
    return 0;
  } finally {
    await db.close();
  }
}
