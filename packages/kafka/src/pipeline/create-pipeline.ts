import { createHash } from "node:crypto";
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
import { SessionCache } from "./session-cache.js";
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
  const writer: BatchWriter = createBatchWriter(db, { ...options.writer, maxDelayMs: Infinity });
  const cache = new SessionCache(options.maxSessions ?? 100_000);
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
      const wait = writer.write(l.table, l.line);
      if (wait instanceof Promise) await wait;
    }
  };
  const flush = async (): Promise<void> => {
    const t0 = performance.now();
    try {
      await writer.flush();
    } catch (err) {
      metrics.writeFailures++;
      throw err;
    }
    observeMs(metrics.writeLatency, performance.now() - t0);
  };

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
    if (written.get(acc) === f.version) return;
    written.set(acc, f.version);
    for (const l of factLines(f, limit, metrics)) facts.push(l);
    metrics.sessionsDerived++;
  };

  /** Accumulator of `id` from storage plus `extra` events. */
  const fromStorage = (
    id: string,
    stored: ReadonlyMap<string, readonly LifecycleEvent[]>,
    extra: readonly LifecycleEvent[] = [],
  ): SessionAccumulator => {
    const acc = emptySession(id);
    for (const ev of stored.get(id) ?? []) addEvent(acc, ev);
    for (const ev of extra) addEvent(acc, ev);
    return acc;
  };

  /**
   * One step: decoded rows and the new fact versions of the sessions it touched, in one write;
   * then the cross-consumer checks, whose (rare) corrections go in a second write.
   */
  async function step(decoded: DecodedBatch): Promise<void> {
    for (const r of decoded.snapshots) index.add(r);
    const touched = [...decoded.sessions.keys()];
    // Take cached accumulators now: storing the batch's sessions below may evict them.
    const held = new Map<string, SessionAccumulator>();
    for (const id of touched) {
      const acc = cache.get(id);
      if (acc !== undefined) held.set(id, acc);
    }
    // Sessions of this consumer's partitions are complete in the cache (it is cleared on every
    // assignment change); a miss is rebuilt from storage.
    const misses = touched.filter((id) => !held.has(id));
    const stored = await loadSessionEvents(db, misses, parserFor, limit);
    metrics.rehydrations += misses.length;
    const facts: TableLine[] = [];
    const accs = new Map<string, SessionAccumulator>();
    for (const id of touched) {
      const events = decoded.sessions.get(id) ?? [];
      let acc = held.get(id);
      if (acc === undefined) acc = fromStorage(id, stored, events);
      else for (const ev of events) addEvent(acc, ev);
      cache.set(acc);
      accs.set(id, acc);
      deriveInto(acc, facts);
    }
    await writeLines(decoded.lines);
    await writeLines(facts);
    await flush();

    // Write-then-read (each consumer stores its rows before reading others'): for a session
    // event E and a snapshot S, or two events of one session, consumed by different consumers,
    // at least one of them reads the other's rows below and re-derives with both.
    const foreign = await refreshSnapshots();
    const counts = await storedEventCounts(db, misses);
    const stale = misses.filter((id) => counts.get(id) !== accs.get(id)?.uids.size);
    const newRows = [...decoded.snapshots, ...foreign];
    const near =
      newRows.length === 0
        ? []
        : await sessionsNearSnapshots(db, linkedAddresses(newRows), newRows);
    const fixes: TableLine[] = [];
    const recheck = [...new Set([...stale, ...near])];
    const known = new Map<string, SessionAccumulator>();
    for (const id of recheck) {
      const acc = stale.includes(id) ? undefined : (accs.get(id) ?? cache.get(id));
      if (acc !== undefined) known.set(id, acc);
    }
    const load = recheck.filter((id) => !known.has(id));
    const reloaded = await loadSessionEvents(db, load, parserFor, limit);
    metrics.rehydrations += load.length;
    for (const id of stale) {
      const acc = fromStorage(id, reloaded);
      cache.set(acc);
      known.set(id, acc);
    }
    for (const id of recheck) {
      // A session not cached here is derived from storage and not cached (another consumer may
      // own it).
      const acc = known.get(id) ?? fromStorage(id, reloaded);
      if (acc.signals.length > 0) deriveInto(acc, fixes);
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
      reseed = true;
    },
    metrics,
    get ready() {
      return ready;
    },
    get cachedSessions() {
      return cache.size;
    },
    close: () => writer.close(),
  };
}
