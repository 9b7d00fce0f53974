import {
  DEDUP_WINDOW_MS,
  checkDedup,
  restoreDedupState,
  type AcceptedEnvelope,
  type DedupOutcome,
  type DedupState,
  type Sha256Hex,
} from "@livepeer-analytics/core";
import type { LpaClickHouse } from "@livepeer-analytics/clickhouse";

/**
 * The streaming dedup window (events.md §6.2) over core's dedup state, plus where each key was
 * first accepted (`topic/partition/offset`). A record re-delivered from that same position
 * (crash before commit, failed write) is the first copy again, not a duplicate: re-processing
 * it rewrites identical rows, so redelivery changes nothing.
 */
export interface DedupWindow {
  check(envelope: AcceptedEnvelope, nowMs: number): DedupOutcome;
  readonly size: number;
}

interface FirstSeen {
  readonly pos: string;
  readonly firstMs: number;
}

const FIRST: DedupOutcome = { kind: "first" };

const posOf = (e: AcceptedEnvelope): string =>
  `${e.source.topic}/${e.source.partition}/${e.source.offset}`;

/** A window seeded with `seed` ([key, firstMs, position]) rows. */
export function createDedupWindow(
  sha256: Sha256Hex,
  seed: ReadonlyArray<readonly [string, number, string]> = [],
  windowMs = DEDUP_WINDOW_MS,
): DedupWindow {
  const state: DedupState = restoreDedupState(
    { version: 1, windowMs, entries: seed.map(([k, t]) => [k, t, null] as const) },
    { windowMs, sha256, contentCheck: "digest64" },
  );
  const seen = new Map<string, FirstSeen>(seed.map(([k, t, p]) => [k, { pos: p, firstMs: t }]));
  let lastPrune = 0;
  const prune = (nowMs: number): void => {
    if (nowMs - lastPrune < 60_000) return;
    lastPrune = nowMs;
    for (const [k, v] of seen) if (nowMs - v.firstMs > windowMs) seen.delete(k);
  };
  return {
    check(envelope, nowMs) {
      prune(nowMs);
      const prior = seen.get(envelope.dedupKey);
      const pos = posOf(envelope);
      if (prior !== undefined && prior.pos === pos && nowMs - prior.firstMs <= windowMs)
        return FIRST;
      const outcome = checkDedup(state, envelope, nowMs);
      if (outcome.kind === "first") seen.set(envelope.dedupKey, { pos, firstMs: nowMs });
      return outcome;
    },
    get size() {
      return seen.size;
    },
  };
}

/**
 * Seed rows of the window from storage: every `raw_event_uid` of `raw_streaming_events` first
 * ingested within the window, with that first ingestion time and source position. (Content
 * digests are not stored, so a conflict with a key seeded this way is not flagged as
 * "content differs"; it is still quarantined.)
 */
export async function loadDedupSeed(
  db: LpaClickHouse,
  windowMs = DEDUP_WINDOW_MS,
): Promise<Array<readonly [string, number, string]>> {
  const rows = await db.query<{ k: string; t: string; p: string }>(
    `SELECT raw_event_uid AS k, toString(toUnixTimestamp64Milli(min(ingestion_timestamp))) AS t,
       argMin(concat(source_topic, '/', toString(source_partition), '/', toString(source_offset)), ingestion_timestamp) AS p
     FROM ${db.database}.raw_streaming_events
     WHERE ingestion_timestamp >= now64(3) - toIntervalMillisecond({w:UInt64})
     GROUP BY raw_event_uid`,
    { params: { w: windowMs } },
  );
  return rows.map((r) => [r.k, Number(r.t), r.p] as const);
}
