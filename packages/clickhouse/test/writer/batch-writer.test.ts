import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBatchDeriver, encodeOutputRow } from "@livepeer-analytics/core";
import {
  batchToken,
  createBatchWriter,
  createClickHouse,
  migrate,
  WriterInsertError,
  type InsertTransport,
  type LpaClickHouse,
} from "../../src/index.js";

let dir: string;
let db: LpaClickHouse;
const noSleep = (): Promise<void> => Promise.resolve();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "lpa-writer-"));
  db = await createClickHouse({ path: dir });
  await migrate(db);
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const unknownRow = (i: number): string =>
  JSON.stringify({
    event_timestamp: "2026-02-25 20:00:00.000",
    raw_event_uid: `uid-${i}`,
    org: "o",
    event_type: "mystery",
    event_version: "1",
    gateway: "gw",
    source_topic: "t",
    source_partition: 0,
    source_offset: i,
    raw_json: "{}",
  });

async function count(table: string): Promise<number> {
  const [r] = await db.query<{ c: string }>(`SELECT count() AS c FROM ${db.database}.${table}`);
  return Number(r?.c);
}

describe("batch writer on the embedded engine", () => {
  it("writes every row, batching by rows, and flush/close are idempotent", async () => {
    const inserts: number[] = [];
    const w = createBatchWriter(db, { maxRows: 100, onInsert: (e) => inserts.push(e.rows) });
    for (let i = 0; i < 250; i++) await w.write("raw_unknown_events", unknownRow(i));
    await w.flush();
    await w.flush();
    await w.close();
    await w.close();
    expect(inserts).toEqual([100, 100, 50]);
    expect(w.stats.rowsWritten).toBe(250);
    expect(await count("raw_unknown_events")).toBe(250);
  });

  it("re-sending the same batches (a re-run) adds no row: content-addressed tokens", async () => {
    const before = await count("raw_unknown_events");
    const w = createBatchWriter(db, { maxRows: 100, maxDelayMs: Infinity });
    for (let i = 0; i < 250; i++) await w.write("raw_unknown_events", unknownRow(i));
    await w.close();
    expect(await count("raw_unknown_events")).toBe(before);
  });

  it("a batch whose acknowledgement was lost is retried without duplicating rows", async () => {
    let calls = 0;
    const lossy: InsertTransport = async (table, body, token) => {
      await db.insertJsonLines(table, body, token);
      if (++calls === 1) throw Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    };
    const w = createBatchWriter(db, { transport: lossy, sleep: noSleep });
    for (let i = 1000; i < 1010; i++) await w.write("raw_unknown_events", unknownRow(i));
    await w.close();
    expect(calls).toBe(2);
    expect(w.stats.retries).toBe(1);
    const [r] = await db.query<{ c: string }>(
      `SELECT count() AS c FROM ${db.database}.raw_unknown_events WHERE source_offset >= 1000`,
    );
    expect(Number(r?.c)).toBe(10);
  });

  it("an engine rejection is typed, not retried, and the rows stay buffered for the next flush", async () => {
    let fail = true;
    const flaky: InsertTransport = (table, body, token) =>
      fail
        ? Promise.reject(Object.assign(new Error("Cannot parse input"), { code: "27" }))
        : db.insertJsonLines(table, body, token);
    const w = createBatchWriter(db, { transport: flaky, sleep: noSleep });
    await w.write("raw_unknown_events", unknownRow(2000));
    const err = await w.flush().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WriterInsertError);
    expect((err as WriterInsertError).kind).toBe("rejected");
    expect((err as WriterInsertError).attempts).toBe(1);
    expect(w.stats.bufferedRows).toBe(1);
    fail = false;
    await w.close();
    expect(w.stats.rowsWritten).toBe(1);
  });

  it("gives up after the configured attempts with a typed error", async () => {
    const down: InsertTransport = () =>
      Promise.reject(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }));
    const w = createBatchWriter(db, { transport: down, sleep: noSleep, retry: { attempts: 3 } });
    await w.write("raw_unknown_events", unknownRow(3000));
    const err = (await w.flush().catch((e: unknown) => e)) as WriterInsertError;
    expect(err.attempts).toBe(3);
    expect(err.kind).toBe("retryable");
    expect(w.stats.retries).toBe(2);
  });

  it("backpressure: a full buffer makes the caller wait until a batch is durable", async () => {
    let release: (() => void) | undefined;
    let inFlight = 0;
    const slow: InsertTransport = async (table, body, token) => {
      inFlight++;
      await new Promise<void>((r) => (release = r));
      await db.insertJsonLines(table, body, token);
      inFlight--;
    };
    const line = unknownRow(4000);
    const w = createBatchWriter(db, {
      transport: slow,
      maxRows: 1,
      maxBufferedBytes: line.length * 3,
    });
    expect(w.write("raw_unknown_events", unknownRow(4000))).toBeUndefined();
    expect(w.write("raw_unknown_events", unknownRow(4001))).toBeUndefined();
    const waiting = w.write("raw_unknown_events", unknownRow(4002));
    expect(waiting).toBeInstanceOf(Promise);
    let settled = false;
    void (waiting as Promise<void>).then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    expect(inFlight).toBe(1);
    const drain = setInterval(() => release?.(), 5);
    await w.close();
    clearInterval(drain);
    expect(settled).toBe(true);
    expect(w.stats.rowsWritten).toBe(3);
  });

  it("cut points depend only on the rows, never on how fast the engine answers", async () => {
    const run = async (delayMs: (i: number) => number): Promise<string[]> => {
      const tokens: string[] = [];
      let n = 0;
      const slow: InsertTransport = async (_table, _body, token) => {
        tokens.push(token);
        await new Promise((r) => setTimeout(r, delayMs(n++)));
      };
      const w = createBatchWriter(db, {
        transport: slow,
        maxRows: 7,
        maxBufferedBytes: 2_000,
        maxDelayMs: Infinity,
      });
      for (let i = 0; i < 200; i++) {
        const wait = w.write(
          i % 3 === 0 ? "raw_unknown_events" : "raw_ai_stream_status",
          unknownRow(i),
        );
        if (wait instanceof Promise) await wait;
      }
      await w.close();
      return tokens;
    };
    const fast = await run(() => 0);
    const jittery = await run((i) => (i * 7919) % 13);
    expect(jittery).toEqual(fast);
  });

  it("refuses an oversize row with a count instead of failing the batch", async () => {
    const small = unknownRow(5000);
    const w = createBatchWriter(db, { maxRowBytes: small.length });
    expect(w.write("raw_unknown_events", small + " ")).toBe("oversize");
    expect(w.write("raw_unknown_events", small)).toBeUndefined();
    await w.close();
    expect(w.stats.oversizeRows).toBe(1);
    expect(w.stats.rowsWritten).toBe(1);
  });

  it("time-based flush sends rows without an explicit flush", async () => {
    const w = createBatchWriter(db, { maxDelayMs: 20 });
    void w.write("raw_unknown_events", unknownRow(6000));
    await new Promise((r) => setTimeout(r, 200));
    expect(w.stats.rowsWritten).toBe(1);
    await w.close();
  });
});

// Last: these add rows that the counting tests above do not expect.
describe("batch writer bytes", () => {
  it("sends each batch as the UTF-8 bytes of its lines, tokened like the same text", async () => {
    const sent: Array<{ body: Uint8Array; token: string }> = [];
    const capture: InsertTransport = async (table, body, token) => {
      sent.push({ body, token });
      await db.insertJsonLines(table, body, token);
    };
    const lines = [unknownRow(9001), unknownRow(9002).replace('"{}"', '"{\\"é\\":\\"😀 ∑\\"}"')];
    const w = createBatchWriter(db, { transport: capture });
    for (const l of lines) await w.write("raw_unknown_events", l);
    await w.close();
    const text = lines.join("\n") + "\n";
    expect(sent).toHaveLength(1);
    expect(Buffer.from(sent[0]?.body ?? []).equals(Buffer.from(text, "utf8"))).toBe(true);
    expect(sent[0]?.token).toBe(batchToken("raw_unknown_events", text));
    const [r] = await db.query<{ j: string }>(
      `SELECT raw_json AS j FROM ${db.database}.raw_unknown_events WHERE raw_event_uid = 'uid-9002'`,
    );
    expect(r?.j).toBe((JSON.parse(lines[1] as string) as { raw_json: string }).raw_json);
  });

  it("stores a record whose strings hold lone surrogates (as U+FFFD) instead of failing the batch", async () => {
    const rec =
      '{"id":"lone\\ud800","type":"stream_trace","timestamp":"1771000000000","gateway":"gw\\udfff",' +
      '"data":{"type":"gateway_receive_stream_request","stream_id":"s\\ud800","request_id":"r1",' +
      '"pipeline_id":"p","timestamp":1771000000000}}';
    const deriver = createBatchDeriver({ topic: "t", processingTimeMs: 1771000000000 });
    const w = createBatchWriter(db, { retry: { attempts: 1 } });
    for (const r of [...deriver.push(rec, 0), ...deriver.finish()])
      await w.write(r.table.name, encodeOutputRow(r));
    await w.close();
    const rows = await db.query<{ uid: string; s: string; g: string }>(
      `SELECT raw_event_uid AS uid, stream_id AS s, gateway AS g
       FROM ${db.database}.raw_stream_trace_events WHERE raw_event_uid LIKE 'lone%'`,
    );
    expect(rows).toEqual([{ uid: "lone\ufffd", s: "s\ufffd", g: "gw\ufffd" }]);
    expect(await count("fact_workflow_sessions")).toBeGreaterThan(0);
  });

  it("a token salt: the same batch is skipped as a re-send within one salt, written again under another", async () => {
    const rows = [unknownRow(9101), unknownRow(9102)];
    const stored = async (): Promise<number> => {
      const [r] = await db.query<{ c: string }>(
        `SELECT count() AS c FROM ${db.database}.raw_unknown_events WHERE raw_event_uid IN ('uid-9101', 'uid-9102')`,
      );
      return Number(r?.c);
    };
    for (const salt of ["process-a", "process-a", "process-b"]) {
      const w = createBatchWriter(db, { tokenSalt: salt });
      for (const l of rows) await w.write("raw_unknown_events", l);
      await w.close();
    }
    expect(await stored()).toBe(4); // process-a once, process-b again (duplicates FINAL collapses)
    expect(batchToken("t", "x", "s")).not.toBe(batchToken("t", "x"));
  });
});
