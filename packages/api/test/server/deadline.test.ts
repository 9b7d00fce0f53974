import type { LpaClickHouse } from "@livepeer-analytics/clickhouse";
import { describe, expect, it } from "vitest";
import { QueryTimeoutError, runWithDeadline, withDeadline } from "../../src/server/deadline.js";
import { stubDb } from "../support/stub-db.js";

/** A database recording the options of `query` and the parameters of `client.query`. */
function recordingDb() {
  const seen: { query: unknown[]; client: unknown[] } = { query: [], client: [] };
  const client = {
    name: "the client",
    query: (params: unknown) => (seen.client.push(params), Promise.resolve({})),
  };
  const db: LpaClickHouse = {
    ...stubDb({}),
    client: client as unknown as LpaClickHouse["client"],
    query: <T>(_sql: string, o?: unknown) => (seen.query.push(o), Promise.resolve([] as T[])),
  };
  return { db, seen };
}

describe("withDeadline", () => {
  it("binds the signal and max_execution_time (whole seconds) to db.query and db.client.query", async () => {
    const { db, seen } = recordingDb();
    const signal = new AbortController().signal;
    const bound = withDeadline(db, signal, 2_500);
    await bound.query("SELECT 1", { params: { a: 1 }, settings: { readonly: "2" } });
    await bound.client.query({ query: "SELECT 2", format: "JSONCompact", query_params: { b: 2 } });
    expect(seen.query).toEqual([
      { params: { a: 1 }, signal, settings: { max_execution_time: 3, readonly: "2" } },
    ]);
    expect(seen.client).toEqual([
      {
        query: "SELECT 2",
        format: "JSONCompact",
        query_params: { b: 2 },
        abort_signal: signal,
        clickhouse_settings: { max_execution_time: 3 },
      },
    ]);
    expect((bound.client as unknown as { name: string }).name).toBe("the client");
  });

  it("keeps a caller's own max_execution_time and never goes below 1 s", async () => {
    const { db, seen } = recordingDb();
    const bound = withDeadline(db, new AbortController().signal, 10);
    await bound.client.query({ query: "x", clickhouse_settings: { max_execution_time: 7 } });
    await bound.query("y");
    expect(seen.client[0]).toMatchObject({ clickhouse_settings: { max_execution_time: 7 } });
    expect(seen.query[0]).toMatchObject({ settings: { max_execution_time: 1 } });
  });
});

describe("runWithDeadline", () => {
  it("rejects at the deadline and aborts the work's signal", async () => {
    let signal: AbortSignal | undefined;
    const run = runWithDeadline(20, (s) => ((signal = s), new Promise<never>(() => undefined)));
    await expect(run).rejects.toBeInstanceOf(QueryTimeoutError);
    expect(signal?.aborted).toBe(true);
  });
});
