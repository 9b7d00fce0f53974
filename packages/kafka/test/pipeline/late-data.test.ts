import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createClickHouse, migrate } from "@livepeer-analytics/clickhouse";
import { describe, expect, it } from "vitest";
import { createPipeline } from "../../src/index.js";
import { compareWithDerive, corpus, deriveLines, tempDir } from "../support/kafka-harness.js";

/** Deterministic shuffle: late events, capability snapshots after their sessions. */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe("pipeline without a broker: late data and evicted sessions", () => {
  it("out-of-order input, small batches, a 2-session cache: current facts equal lpa derive", async () => {
    const lines = shuffled(corpus(20, 13), 8);
    const path = tempDir("lpa-kafka-late-");
    const db = await createClickHouse({ path });
    await migrate(db);
    const p = createPipeline({ db, topics: [{ name: "t" }], maxSessions: 2 });
    await p.start();
    for (let i = 0; i < lines.length; i += 25) {
      await p.processBatch({
        records: lines.slice(i, i + 25).map((l, k) => ({
          topic: "t",
          partition: i % 2,
          offset: i + k,
          timestamp: 1,
          value: Buffer.from(l),
        })),
        highWatermarks: new Map(),
      });
    }
    await p.close();
    expect(p.metrics.rehydrations).toBeGreaterThan(0);
    expect(p.metrics.consumed).toBe(lines.length);

    const dir = await deriveLines(lines);
    const derived = readFileSync(join(dir, "fact_workflow_sessions.jsonl"), "utf8")
      .split("\n")
      .filter((l) => l !== "")
      .map((l) => JSON.parse(l) as { workflow_session_id: string; version: string | number });
    const expected = Object.fromEntries(
      derived.map((r) => [r.workflow_session_id, String(r.version)]),
    );
    const rows = await db.query<{ id: string; v: string }>(
      `SELECT workflow_session_id AS id, toString(max(version)) AS v
       FROM ${db.database}.fact_workflow_sessions GROUP BY id`,
    );
    await db.close();
    expect(Object.fromEntries(rows.map((r) => [r.id, r.v]))).toEqual(expected);
    // Every current fact row (latest per session, or per keyed row) equals lpa derive's.
    const cmp = await compareWithDerive(path, dir);
    for (const t of Object.keys(cmp.expected)) expect(cmp.actual[t], t).toEqual(cmp.expected[t]);
  }, 120_000);
});
