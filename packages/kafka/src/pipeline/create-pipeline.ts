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
import { decodeBatch, factLines, type RejectedMessage, type TableLine } from "./batch-rows.js";
import { createDedupWindow, loadDedupSeed, type DedupWindow } from "./dedup-window.js";
import { SessionCache } from "./session-cache.js";
import { loadSessionEvents, loadSnapshots, sessionsNearSnapshots } from "./stored-events.js";

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

  const refreshSnapshots = async (): Promise<void> => {
    const t = now();
    const rows = await loadSnapshots(
      db,
      lastRefreshMs === null ? null : lastRefreshMs - REFRESH_OVERLAP_MS,
    );
    index.addAll(rows);
    lastRefreshMs = t;
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
      await writeLines(decoded.lines);
      await flush();

      for (const r of decoded.snapshots) index.add(r);
      await refreshSnapshots();
      const near =
        decoded.snapshots.length === 0
          ? []
          : await sessionsNearSnapshots(db, linkedAddresses(decoded.snapshots), decoded.snapshots);
      const touched = [...decoded.sessions.keys()];
      const touchedSet = new Set(touched);
      // Take cached accumulators now: storing the batch's sessions below may evict them.
      const held = new Map<string, SessionAccumulator>();
      for (const id of touched) {
        const acc = cache.get(id);
        if (acc !== undefined) held.set(id, acc);
      }
      const misses = touched.filter((id) => !held.has(id));
      const others = near.filter((id) => !touchedSet.has(id));
      // Sessions of this consumer's partitions are complete in the cache (it is cleared on every
      // assignment change); others are read from storage.
      for (const id of others) {
        const acc = cache.get(id);
        if (acc !== undefined) held.set(id, acc);
      }
      const load = [...misses, ...others.filter((id) => !held.has(id))];
      const stored = await loadSessionEvents(db, load, parserFor, limit);
      metrics.rehydrations += load.length;

      const facts: TableLine[] = [];
      const deriveInto = (acc: SessionAccumulator): void => {
        const f = finishSession(acc, index, derive);
        // Same version = same inputs = same rows as already written by this process: omit
        // (sessions.md §4.5 allows omitting unchanged rows).
        if (written.get(acc) === f.version) return;
        written.set(acc, f.version);
        facts.push(...factLines(f, limit, metrics));
        metrics.sessionsDerived++;
      };
      for (const id of touched) {
        let acc = held.get(id);
        if (acc === undefined) {
          acc = emptySession(id);
          for (const ev of stored.get(id) ?? []) addEvent(acc, ev);
        }
        for (const ev of decoded.sessions.get(id) ?? []) addEvent(acc, ev);
        cache.set(acc);
        deriveInto(acc);
      }
      for (const id of others) {
        let acc = held.get(id);
        if (acc === undefined) {
          // Not cached here: derive from storage and do not cache (another consumer may own it).
          acc = emptySession(id);
          for (const ev of stored.get(id) ?? []) addEvent(acc, ev);
        }
        if (acc.signals.length > 0) deriveInto(acc);
      }
      await writeLines(facts);
      await flush();
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
    close: () => writer.close(),
  };
}
