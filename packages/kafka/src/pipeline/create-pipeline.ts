import { createHash, randomUUID } from "node:crypto";
import {
  createBatchWriter,
  type BatchWriter,
  type BatchWriterOptions,
  type LpaClickHouse,
} from "@livepeer-analytics/clickhouse";
import {
  addEvent,
  createRecordParser,
  emptySession,
  finishSession,
  MAX_RECORD_BYTES,
  normalizeAddress,
  SnapshotIndex,
  type LifecycleEvent,
  type RawNetworkCapabilitiesRow,
  type RecordParser,
  type SessionAccumulator,
} from "@livepeer-analytics/core";
import type { RecordBatch } from "../consumer/consumer-port.js";
import {
  createPipelineMetrics,
  observeMs,
  type PipelineMetrics,
} from "../health/pipeline-metrics.js";
import {
  decodeBatch,
  factLines,
  type DecodedBatch,
  type RejectedMessage,
  type TableLine,
} from "./batch-rows.js";
import { createDedupWindow, loadDedupSeed, type DedupWindow } from "./dedup-window.js";
import { factLinesSince, type EmittedContent } from "./fact-emission.js";
import { SessionCache } from "./session-cache.js";
import { WarmSessions } from "./warm-sessions.js";
import { StringPool } from "./string-pool.js";
import {
  loadSessionEvents,
  loadSnapshots,
  sessionsNearSnapshots,
  storedEventCounts,
} from "./stored-events.js";

/** An input topic and the org label of its records (events.md §2). */
export interface TopicConfig {
  readonly name: string;
  readonly org?: string;
}

/** Options of {@link createPipeline}. */
export interface PipelineOptions {
  readonly db: LpaClickHouse;
  readonly topics: readonly TopicConfig[];
  /** Writer options (e.g. a fault-injecting `transport`); `maxDelayMs` is forced to Infinity. */
  readonly writer?: BatchWriterOptions;
  /** Bound of the session cache (default 100 000 sessions). */
  readonly maxSessions?: number;
  /**
   * Most recently derived sessions that keep their last derivation (facts and machine states) to
   * resume from (default 2 048): faster re-derivation for more memory per warm session.
   */
  readonly maxWarmSessions?: number;
  /** Row size limit (events.md §9; default 1 000 000). */
  readonly maxRecordBytes?: number;
  readonly pipelineModelMode?: string;
  /** Publishes DLQ / quarantine envelopes (e.g. to their Kafka topics) before the batch commits. */
  readonly publishRejected?: (messages: readonly RejectedMessage[]) => Promise<void>;
  /** Processing clock (default Date.now). */
  readonly now?: () => number;
}

/** The streaming pipeline: feed it batches, commit after each resolves. */
export interface Pipeline {
  /** Rebuilds the dedup window and the snapshot set from storage. Call once before batches. */
  start(): Promise<void>;
  /**
   * Processes one batch end to end; resolves once every row of it (raw, DLQ, quarantine,
   * dimensions, the new fact versions of every session it touched) is durable. Only then may
   * the caller commit the batch's offsets. A rejection means "re-deliver".
   */
  processBatch(batch: RecordBatch): Promise<void>;
  /** Partition assignment changed: forget cached sessions (other consumers may extend them). */
  onRevoke(): void;
  readonly metrics: PipelineMetrics;
  /** True once {@link start} finished. */
  readonly ready: boolean;
  /** Sessions held in the session cache now. */
  readonly cachedSessions: number;
  /** Flushes and closes the writer. */
  close(): Promise<void>;
}

const nodeSha256 = (s: string): string => createHash("sha256").update(s, "utf8").digest("hex");

/** Overlap of snapshot refreshes (ms of ingestion time), covering clock skew and in-flight writes. */
const REFRESH_OVERLAP_MS = 30_000;

/**
 * Creates the streaming pipeline (issue 4): decode → parseEvent → dedup → typed / DLQ /
 * quarantine / unknown rows → write (flush 1) → refresh the shared snapshot set → re-derive every
 * session the batch touched (cache, or rehydrated from storage on a miss) and every stored session
 * a new snapshot row may re-attribute → write fact versions (flush 2).
 *
 * Cross-consumer visibility: raw rows are durable before snapshots are refreshed and before
 * sessions near new snapshots are looked up, so for a session event E and a snapshot S consumed
 * by different consumers, at least one of them derives the session with both.
 */
export function createPipeline(options: PipelineOptions): Pipeline {
  const { db } = options;
  const now = options.now ?? Date.now;
  const limit = options.maxRecordBytes ?? MAX_RECORD_BYTES;
  const derive = {
    ...(options.pipelineModelMode ? { pipelineModelMode: options.pipelineModelMode } : {}),
  };
  const metrics = createPipelineMetrics();
  // One writer per table: every table's insert of a step is in flight at once, and the engine
  // stores them on its own threads while this thread derives the step's sessions.
  const writers = new Map<string, BatchWriter>();
  // Retries within this process skip batches already stored; after a crash the re-delivered
  // batches are written again (see BatchWriterOptions.tokenSalt: the engine may remember the
  // token of a batch the crash kept it from storing).
  const tokenSalt = randomUUID();
  const writerOf = (table: string): BatchWriter => {
    let w = writers.get(table);
    if (w === undefined)
      writers.set(
        table,
        (w = createBatchWriter(db, { ...options.writer, maxDelayMs: Infinity, tokenSalt })),
      );
    return w;
  };
  const cache = new SessionCache(options.maxSessions ?? 100_000);
  const strings = new StringPool();
  const orgOfTopic = new Map(options.topics.map((t) => [t.name, t.org ?? "unknown"]));
  const parsers = new Map<string, RecordParser>();
  const parserFor = (org: string): RecordParser => {
    let p = parsers.get(org);
    if (!p) parsers.set(org, (p = createRecordParser({ org, sha256: nodeSha256 })));
    return p;
  };
  const parserOfTopic = (topic: string): RecordParser =>
    parserFor(orgOfTopic.get(topic) ?? "unknown");
  const index = new SnapshotIndex();
  /** Version last written per cached accumulator (skip re-writing identical derivations). */
  const written = new WeakMap<SessionAccumulator, bigint>();
  const warm = new WarmSessions(options.maxWarmSessions ?? 2048);
  /** Keyed fact rows last written per cached accumulator (omit unchanged ones, §4.5). */
  const emitted = new WeakMap<SessionAccumulator, EmittedContent>();
  let dedup: DedupWindow = createDedupWindow(nodeSha256);
  let lastRefreshMs: number | null = null;
  let ready = false;
  /** Set on partition changes: the window must learn keys other consumers accepted. */
  let reseed = false;

  /** Reads snapshot rows stored since the last refresh; returns those new to the index. */
  const refreshSnapshots = async (): Promise<RawNetworkCapabilitiesRow[]> => {
    const t = now();
    const rows = await loadSnapshots(
      db,
      lastRefreshMs === null ? null : lastRefreshMs - REFRESH_OVERLAP_MS,
    );
    lastRefreshMs = t;
    return rows.filter((r) => index.add(r));
  };

  const writeLines = async (lines: readonly TableLine[]): Promise<void> => {
    for (const l of lines) {
      const wait = writerOf(l.table).write(l.table, l.line);
      if (wait instanceof Promise) await wait;
    }
  };
  /** Starts sending every buffered row; resolves once all of them are durable. */
  const sendAll = (): Promise<unknown> => Promise.all([...writers.values()].map((w) => w.flush()));
  /** Waits for `sends` (started at `t0`), counting a failure or the write latency. */
  const durable = async (t0: number, sends: readonly Promise<unknown>[]): Promise<void> => {
    try {
      await Promise.all(sends);
    } catch (err) {
      metrics.writeFailures++;
      throw err;
    }
    observeMs(metrics.writeLatency, performance.now() - t0);
  };
  const flush = (): Promise<void> => durable(performance.now(), [sendAll()]);

  /** Addresses of `rows` plus those linked to them through known snapshots (§4.4 closure). */
  const linkedAddresses = (rows: readonly RawNetworkCapabilitiesRow[]): Set<string> => {
    const seen = new Set<string>();
    const stack = rows.flatMap((r) => [
      normalizeAddress(r.local_address),
      normalizeAddress(r.orchestrator_address),
    ]);
    while (stack.length > 0 && seen.size < 10_000) {
      const a = stack.pop() as string;
      if (a === "" || seen.has(a)) continue;
      seen.add(a);
      for (const c of index.bucket(a)) stack.push(c.hot, c.canonical);
    }
    return seen;
  };

  /** Facts of `acc` unless this process already wrote the same version (sessions.md §4.5). */
  const deriveInto = (acc: SessionAccumulator, facts: TableLine[]): void => {
    const f = finishSession(acc, index, derive);
    warm.touch(acc);
    if (written.get(acc) === f.version) return;
    written.set(acc, f.version);
    let sent = emitted.get(acc);
    if (sent === undefined) emitted.set(acc, (sent = new Map<string, number>()));
    for (const l of factLinesSince(f, sent, limit, metrics)) facts.push(l);
    metrics.sessionsDerived++;
  };

  /** Accumulator of `id` from storage plus `extra` events. */
  const fromStorage = (
    id: string,
    stored: ReadonlyMap<string, readonly LifecycleEvent[]>,
    extra: readonly LifecycleEvent[] = [],
  ): SessionAccumulator => {
    const acc = emptySession(id);
    for (const ev of stored.get(id) ?? []) addEvent(acc, strings.internEvent(ev));
    for (const ev of extra) addEvent(acc, strings.internEvent(ev));
    return acc;
  };

  /**
   * Facts of a session this consumer does not cache (another consumer may own it), derived from
   * storage: all rows, unless this step already wrote the same version (`versions`).
   */
  const deriveUncached = (
    acc: SessionAccumulator,
    facts: TableLine[],
    versions: Map<string, bigint>,
  ): void => {
    if (acc.signals.length === 0) return;
    const f = finishSession(acc, index, derive);
    if (versions.get(acc.workflowSessionId) === f.version) return;
    versions.set(acc.workflowSessionId, f.version);
    for (const l of factLines(f, limit, metrics)) facts.push(l);
    metrics.sessionsDerived++;
  };

  /**
   * One step. The write: the batch's rows (sent first, stored by the engine while sessions are
   * derived), and the new fact versions of the sessions it touched and of the stored sessions its
   * snapshot rows may re-attribute. After the write
   * (write-then-read: for a session event E and a snapshot S, or two events of one session,
   * consumed by different consumers, at least one of them reads the other's rows): the snapshot
   * refresh, stored event counts of rehydrated sessions and sessions near new snapshots; their
   * (rare) corrections go in a second write.
   */
  async function step(decoded: DecodedBatch): Promise<void> {
    for (const r of decoded.snapshots) index.add(r);
    const touched = [...decoded.sessions.keys()];
    const own = decoded.snapshots;
    const nearOwn =
      own.length === 0 ? [] : await sessionsNearSnapshots(db, linkedAddresses(own), own);
    // Take cached accumulators now: storing the batch's sessions below may evict them. Sessions of
    // this consumer's partitions are complete in the cache (it is cleared on every assignment
    // change); a miss is rebuilt from storage.
    const accs = new Map<string, SessionAccumulator>();
    for (const id of new Set([...touched, ...nearOwn])) {
      const acc = cache.get(id);
      if (acc !== undefined) accs.set(id, acc);
    }
    const misses = touched.filter((id) => !accs.has(id));
    const uncached = nearOwn.filter((id) => !accs.has(id) && !decoded.sessions.has(id));
    const stored = await loadSessionEvents(db, [...misses, ...uncached], parserFor, limit);
    metrics.rehydrations += misses.length + uncached.length;
    // The batch's own rows go now (after the reads: the engine runs one statement at a time) and
    // are stored on the engine's threads while this thread derives the sessions.
    const t0 = performance.now();
    await writeLines(decoded.lines);
    const rowsDurable = sendAll();
    rowsDurable.catch(() => undefined); // awaited below, with the facts
    // Let the inserts reach the engine's threads before this thread is busy deriving.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const facts: TableLine[] = [];
    for (const id of touched) {
      const events = decoded.sessions.get(id) ?? [];
      let acc = accs.get(id);
      if (acc === undefined) accs.set(id, (acc = fromStorage(id, stored, events)));
      else for (const ev of events) addEvent(acc, strings.internEvent(ev));
      cache.set(acc);
      deriveInto(acc, facts);
    }
    const versions = new Map<string, bigint>();
    for (const id of nearOwn) {
      if (decoded.sessions.has(id)) continue;
      const acc = accs.get(id);
      if (acc !== undefined) deriveInto(acc, facts);
      else deriveUncached(fromStorage(id, stored), facts, versions);
    }
    await writeLines(facts);
    await durable(t0, [rowsDurable, sendAll()]);

    const foreign = await refreshSnapshots();
    const counts = await storedEventCounts(db, misses);
    const stale = new Set(misses.filter((id) => counts.get(id) !== accs.get(id)?.uids.size));
    const newRows = [...own, ...foreign];
    const near =
      newRows.length === 0
        ? []
        : await sessionsNearSnapshots(db, linkedAddresses(newRows), newRows);
    // A session derived above from this consumer's complete accumulator, with no snapshot row
    // added since, would derive the same facts again: only stale, storage-derived and (after
    // foreign rows) every near session are derived again.
    const recheck = [...new Set([...stale, ...near])].filter(
      (id) => stale.has(id) || foreign.length > 0 || !accs.has(id),
    );
    const known = new Map<string, SessionAccumulator>();
    for (const id of recheck) {
      const acc = stale.has(id) ? undefined : (accs.get(id) ?? cache.get(id));
      if (acc === undefined) continue;
      known.set(id, acc);
      // Another consumer may write these sessions' rows for its new snapshots: write them all
      // from now on, so no omitted row can hide behind one of its versions.
      if (foreign.length > 0) emitted.delete(acc);
    }
    const load = recheck.filter((id) => !known.has(id));
    const reloaded = await loadSessionEvents(db, load, parserFor, limit);
    metrics.rehydrations += load.length;
    const fixes: TableLine[] = [];
    for (const id of recheck) {
      let acc = known.get(id);
      if (acc === undefined && stale.has(id)) cache.set((acc = fromStorage(id, reloaded)));
      if (acc !== undefined) deriveInto(acc, fixes);
      else deriveUncached(fromStorage(id, reloaded), fixes, versions);
    }
    if (fixes.length > 0) {
      await writeLines(fixes);
      await flush();
    }
  }

  async function processBatch(batch: RecordBatch): Promise<void> {
    const t0 = performance.now();
    const nowMs = now();
    try {
      if (reseed) {
        reseed = false;
        dedup = createDedupWindow(nodeSha256, await loadDedupSeed(db));
      }
      const decoded = decodeBatch(batch.records, {
        parserFor: parserOfTopic,
        dedup,
        nowMs,
        limit,
        metrics,
      });
      if (options.publishRejected && decoded.rejected.length > 0) {
        await options.publishRejected(decoded.rejected);
      }
      await step(decoded);
    } catch (err) {
      // Cached sessions may now hold events whose rows were not written: start clean.
      cache.clear();
      warm.clear();
      strings.clear();
      reseed = true;
      throw err;
    }
    metrics.batches++;
    for (const [tp, hw] of batch.highWatermarks) {
      let last = -1;
      for (const r of batch.records)
        if (`${r.topic}/${r.partition}` === tp) last = Math.max(last, r.offset);
      metrics.lag.set(tp, Math.max(0, hw - (last + 1)));
    }
    observeMs(metrics.batchLatency, performance.now() - t0);
  }

  return {
    async start() {
      const seed = await loadDedupSeed(db);
      dedup = createDedupWindow(nodeSha256, seed);
      await refreshSnapshots();
      ready = true;
    },
    processBatch,
    onRevoke: () => {
      cache.clear();
      warm.clear();
      strings.clear();
      reseed = true;
    },
    metrics,
    get ready() {
      return ready;
    },
    get cachedSessions() {
      return cache.size;
    },
    close: async () => {
      await Promise.all([...writers.values()].map((w) => w.close()));
    },
  };
}
