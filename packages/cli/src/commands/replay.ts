import {
  createClickHouse,
  envelopeOf,
  migrate,
  parseArchiveLocation,
  readArchive,
  type ArchiveLocation,
} from "@livepeer-analytics/clickhouse";
import { summaryLine } from "../derive-records.js";
import type { InputRecord, RecordInput } from "../io/record-reader.js";
import { UsageError } from "../usage-error.js";
import { s3CredentialsFromEnv } from "./archive.js";
import { deriveIntoDatabase } from "./load.js";
import {
  databaseOptionsFrom,
  DB_OPTION_SPECS,
  DERIVE_OPTION_SPECS,
  deriveOptionsFrom,
  parseCommandArgs,
} from "./command-args.js";

/**
 * `lpa replay SRC [--db PATH | --url URL]`: reads an archive written by `lpa archive` back and
 * re-derives it into a database (migrated first). Each envelope keeps its org, topic, partition and
 * offset; dedup keys and event uids equal the originals, so replaying into an empty database gives
 * the original facts, and replaying twice changes nothing.
 */
export async function replayCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...DERIVE_OPTION_SPECS,
    ...DB_OPTION_SPECS,
  });
  if (positionals.length !== 1) throw new UsageError("replay takes exactly one archive location");
  let loc: ArchiveLocation;
  try {
    loc = parseArchiveLocation(positionals[0] as string, s3CredentialsFromEnv());
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const db = await createClickHouse(databaseOptionsFrom(values));
  try {
    await migrate(db);
    let n = 0;
    async function* records(): AsyncGenerator<InputRecord> {
      for await (const a of readArchive(db, loc)) {
        yield {
          value: envelopeOf(a),
          index: n++,
          source: {
            topic: a.source_topic,
            partition: a.source_partition,
            offset: Number(a.source_offset),
            org: a.org,
          },
        };
      }
    }
    const input: RecordInput = {
      path: positionals[0] as string,
      topic: `archive:${positionals[0] as string}`,
      sizeBytes: null,
      records: records(),
      bytesRead: () => n,
    };
    const r = await deriveIntoDatabase(db, input, deriveOptionsFrom(values), "replay");
    process.stdout.write(`${summaryLine(r.counters)} rows_written=${r.writer.rowsWritten}\n`);
    return 0;
  } finally {
    await db.close();
  }
}
