import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { FACT_TABLES } from "@livepeer-analytics/core";
import { simulateNetworkStream } from "@livepeer-analytics/testkit";
import { startS3Server, type S3Server } from "@livepeer-analytics/testkit/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dumpTables, lpa, tableCounts } from "./lpa-process.js";

let work: string;
let corpus: string;
let source: string;
/** Started at once in beforeAll so the JVM boots while the source database loads. */
let s3Started: Promise<S3Server> | undefined;
const START_MS = Date.UTC(2026, 1, 25, 22, 0, 0); // spans midnight: two date partitions
const FACTS = FACT_TABLES.map((t) => t.name);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

beforeAll(async () => {
  s3Started = startS3Server();
  s3Started.catch(() => undefined); // awaited (and reported) by the S3 tests' beforeAll
  work = mkdtempSync(join(tmpdir(), "lpa-archive-"));
  corpus = join(work, "network.jsonl");
  const lines: string[] = [];
  const config = {
    seed: 5,
    startMs: START_MS,
    durationMs: 4 * 3_600_000,
    sessions: 150,
    orchestrators: 6,
    gateways: 2,
  };
  for (const env of simulateNetworkStream(config)) lines.push(JSON.stringify(env));
  // An id-less event: its uid is a payload hash, which replay must reproduce exactly.
  lines.push(
    JSON.stringify({
      type: "mystery_type",
      timestamp: "1772100000000",
      gateway: "gw",
      data: { x: 1.0 },
    }),
  );
  writeFileSync(corpus, lines.join("\n") + "\n");
  source = join(work, "db-source");
  const r = await lpa(["load", corpus, "--db", source, "--org", "acme"]);
  expect(r.code, r.stderr).toBe(0);
}, 180_000);
afterAll(async () => {
  // Stops the server also when the S3 tests were filtered out (stop is idempotent).
  await (await s3Started?.catch(() => undefined))?.stop();
  rmSync(work, { recursive: true, force: true });
});

const FROM = "2026-02-25T00:00:00Z";
const TO = "2026-02-27T00:00:00Z";

describe("lpa archive / lpa replay", () => {
  it("writes Parquet partitioned by date and type, idempotently, and replays to the same facts", async () => {
    const dest = join(work, "archive");
    const a1 = await lpa([
      "archive",
      "--db",
      source,
      "--from",
      FROM,
      "--to",
      TO,
      "--dest",
      `file://${dest}`,
    ]);
    expect(a1.code, a1.stderr).toBe(0);
    const files = walk(dest)
      .map((f) => relative(dest, f))
      .sort();
    expect(files.some((f) => f.startsWith("date=2026-02-25/type=ai_stream_status/"))).toBe(true);
    expect(files.some((f) => f.startsWith("date=2026-02-26/"))).toBe(true);
    expect(files.some((f) => f.startsWith("date=2026-02-26/type=mystery_type/"))).toBe(true);
    expect(
      files.every((f) => /^date=\d{4}-\d{2}-\d{2}\/type=[^/]+\/part-\d+-\d+\.parquet$/.test(f)),
    ).toBe(true);
    const a2 = await lpa([
      "archive",
      "--db",
      source,
      "--from",
      FROM,
      "--to",
      TO,
      "--dest",
      `file://${dest}`,
    ]);
    expect(a2.stdout).toBe(a1.stdout);
    expect(
      walk(dest)
        .map((f) => relative(dest, f))
        .sort(),
    ).toEqual(files);

    const replayed = join(work, "db-replayed");
    const r = await lpa(["replay", `file://${dest}`, "--db", replayed]);
    expect(r.code, r.stderr).toBe(0);
    const tables = [...FACTS, "raw_streaming_events", "raw_unknown_events"];
    const [original, copy] = await Promise.all([
      dumpTables(source, tables),
      dumpTables(replayed, tables),
    ]);
    for (const t of FACTS) expect(copy[t], t).toEqual(original[t]);
    // Envelopes keep uid, org, id, type, time and payload (source columns name the original too).
    expect(copy["raw_streaming_events"]).toEqual(original["raw_streaming_events"]);
    expect(copy["raw_unknown_events"]).toEqual(original["raw_unknown_events"]);
  }, 300_000);

  describe("on an S3-compatible server", () => {
    let s3: S3Server;
    beforeAll(async () => {
      s3 = await (s3Started ?? startS3Server());
      await s3.createBucket("lpa-archive");
    }, 300_000);
    afterAll(async () => s3?.stop());

    it("archives to s3://bucket/prefix and replays from it", async () => {
      const env = {
        LPA_S3_ENDPOINT: s3.endpoint,
        AWS_ACCESS_KEY_ID: s3.accessKeyId,
        AWS_SECRET_ACCESS_KEY: s3.secretAccessKey,
      };
      const a = await lpa(
        [
          "archive",
          "--db",
          source,
          "--from",
          FROM,
          "--to",
          TO,
          "--dest",
          "s3://lpa-archive/events/v1",
        ],
        env,
      );
      expect(a.code, a.stderr).toBe(0);
      const keys = await s3.listKeys("lpa-archive", "events/v1/");
      expect(
        keys.some((k) => k.startsWith("events/v1/date=2026-02-25/type=ai_stream_status/")),
      ).toBe(true);
      const replayed = join(work, "db-s3");
      const r = await lpa(["replay", "s3://lpa-archive/events/v1", "--db", replayed], env);
      expect(r.code, r.stderr).toBe(0);
      const [copy, original] = await Promise.all([tableCounts(replayed), tableCounts(source)]);
      expect(copy).toEqual({
        ...original,
        // replay derives from the archive only: the source's DLQ rows are not envelopes
        raw_streaming_events_dlq: { rows: 0, final: 0 },
        raw_streaming_events_quarantine: { rows: 0, final: 0 },
      });
    });
  });
});
