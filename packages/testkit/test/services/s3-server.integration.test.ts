import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { s3Fetch, startS3Server, type S3Server } from "../../src/services/index.js";

// A fresh machine downloads S3Proxy's jar with Maven first (CI fetches it up front).
const START_TIMEOUT_MS = 5 * 60_000 + 60_000;
const BUCKET = "lpa-test";

let s3: S3Server | undefined;

beforeAll(async () => {
  s3 = await startS3Server();
}, START_TIMEOUT_MS);

afterAll(async () => {
  await s3?.stop();
}, 30_000);

function server(): S3Server {
  if (s3 === undefined) throw new Error("S3 server did not start");
  return s3;
}

describe("startS3Server", () => {
  it("creates a bucket, takes signed PUTs, lists and serves the objects", async () => {
    const s = server();
    await s.createBucket(BUCKET);
    const put = await s3Fetch(s, {
      method: "PUT",
      bucket: BUCKET,
      key: "facts/2026/part 1.jsonl",
      headers: { "content-type": "application/x-ndjson" },
      body: '{"n":1}\n',
    });
    expect(put.status).toBe(200);
    await s.putObject(BUCKET, "facts/2026/part-2.jsonl", '{"n":2}\n');
    await s.putObject(BUCKET, "readme.txt", "hello");

    expect(await s.listKeys(BUCKET)).toEqual([
      "facts/2026/part 1.jsonl",
      "facts/2026/part-2.jsonl",
      "readme.txt",
    ]);
    expect(await s.listKeys(BUCKET, "facts/")).toHaveLength(2);
    expect(await s.listKeys(BUCKET, "nothing/")).toEqual([]);

    const got = await s3Fetch(s, { method: "GET", bucket: BUCKET, key: "facts/2026/part 1.jsonl" });
    expect(await got.text()).toBe('{"n":1}\n');
  });

  it("rejects requests signed with the wrong secret", async () => {
    const s = server();
    const response = await s3Fetch({ ...s, secretAccessKey: "wrong" }, { method: "GET" });
    await response.body?.cancel();
    expect(response.status).toBe(403);
  });

  it("reports a missing bucket as an error", async () => {
    await expect(server().listKeys("no-such-bucket")).rejects.toThrow(/404/);
  });

  // Runs last: stops the shared server (afterAll's stop is then a no-op).
  it("stops idempotently and frees the port", async () => {
    const s = server();
    await Promise.all([s.stop(), s.stop()]);
    await expect(fetch(s.endpoint)).rejects.toThrow();
  });
});
