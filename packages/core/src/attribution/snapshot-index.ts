import type { RawNetworkCapabilitiesRow } from "../events/raw-rows.js";
import { compareOrdinal } from "../values/java-trim.js";
import { candidateFromRow } from "./snapshot-candidate.js";
import type { SnapshotCandidate } from "./snapshot-candidate.js";

const EMPTY: ReadonlyArray<SnapshotCandidate> = [];
const NO_PROFILES: ReadonlyArray<SnapshotProfile> = [];

/**
 * The rows of one bucket that share hot, canonical, model, URL and GPU (their `ci` forms), sorted
 * by `s`. Within a profile the §7.3 ranks 4.1–4.3 and the canonical are constant, so selection
 * only needs the rows nearest to `t` (binary search) instead of a scan.
 */
export interface SnapshotProfile {
  readonly hot: string;
  readonly canonical: string;
  readonly modelLower: string;
  readonly urlLower: string;
  readonly gpuLower: string;
  readonly rows: SnapshotCandidate[];
}

interface Bucket {
  readonly all: SnapshotCandidate[];
  readonly profiles: SnapshotProfile[];
  readonly byKey: Map<string, SnapshotProfile>;
}

function profileKey(c: SnapshotCandidate): string {
  return `${c.hot}\u0000${c.canonical}\u0000${c.modelLower}\u0000${c.urlLower}\u0000${c.gpuLower}`;
}

/** Inserts `c` into `list` keeping the bucket order (appends are the common case). */
function insertSorted(list: SnapshotCandidate[], c: SnapshotCandidate): void {
  const last = list[list.length - 1];
  if (last === undefined || compareCandidates(last, c) <= 0) {
    list.push(c);
    return;
  }
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareCandidates(list[mid] as SnapshotCandidate, c) <= 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, c);
}

/** Bucket order: `s` ascending, then uid, then ordinal (any total order works; this one is stable). */
function compareCandidates(a: SnapshotCandidate, b: SnapshotCandidate): number {
  return a.s - b.s || compareOrdinal(a.uid, b.uid) || a.ordinal - b.ordinal;
}

/** First index in `bucket` (sorted by `s`) whose `s ≥ fromMs`. */
export function lowerBound(bucket: ReadonlyArray<SnapshotCandidate>, fromMs: number): number {
  let lo = 0;
  let hi = bucket.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((bucket[mid] as SnapshotCandidate).s < fromMs) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index in `bucket` (sorted by `s`) whose `s > toMs`. */
export function upperBound(bucket: ReadonlyArray<SnapshotCandidate>, toMs: number): number {
  let lo = 0;
  let hi = bucket.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((bucket[mid] as SnapshotCandidate).s <= toMs) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The set `Snap` of capability snapshot rows, indexed for attribution (sessions.md §6.2, §7.2).
 *
 * Each candidate is filed under its `hot` and its `canonical` address (`bucket(key)`), each bucket
 * sorted by snapshot time so `candidates(key, t)` is a binary-search range. The index only grows:
 * {@link add} ignores a row already present (same `raw_event_uid` and `snapshot_row_ordinal`) and
 * rows whose two addresses are blank. Not thread-safe; one owner mutates it.
 */
export class SnapshotIndex {
  private readonly buckets = new Map<string, Bucket>();
  private readonly seen = new Set<string>();
  private count = 0;
  private earliestMs = Number.POSITIVE_INFINITY;
  private latestMs = Number.NEGATIVE_INFINITY;
  /**
   * @internal `|R|` per address set for windows that hold every candidate (then `|R|` does not
   * depend on the window); emptied whenever a candidate is added.
   */
  readonly wholeIndexCounts = new Map<string, number>();

  /** An index holding `rows` (deduplicated). */
  static from(rows: Iterable<RawNetworkCapabilitiesRow>): SnapshotIndex {
    const index = new SnapshotIndex();
    index.addAll(rows);
    return index;
  }

  /** Number of indexed candidates (rows with at least one address, deduplicated). */
  get size(): number {
    return this.count;
  }

  /** Earliest snapshot time `s` of any candidate, epoch ms (+∞ when empty). */
  get earliest(): number {
    return this.earliestMs;
  }

  /** Latest snapshot time `s` of any candidate, epoch ms (−∞ when empty). */
  get latest(): number {
    return this.latestMs;
  }

  /** Adds one snapshot row; returns true when it was new and indexed. */
  add(row: RawNetworkCapabilitiesRow): boolean {
    const id = `${row.raw_event_uid}\u0000${row.snapshot_row_ordinal}`;
    if (this.seen.has(id)) return false;
    const c = candidateFromRow(row);
    if (c === null) return false;
    this.seen.add(id);
    this.count++;
    this.earliestMs = Math.min(this.earliestMs, c.s);
    this.latestMs = Math.max(this.latestMs, c.s);
    this.wholeIndexCounts.clear();
    if (c.hot !== "") this.insert(c.hot, c);
    if (c.canonical !== "" && c.canonical !== c.hot) this.insert(c.canonical, c);
    return true;
  }

  /** Adds rows; returns how many were new. */
  addAll(rows: Iterable<RawNetworkCapabilitiesRow>): number {
    let n = 0;
    for (const r of rows) if (this.add(r)) n++;
    return n;
  }

  /** `bucket(key)`: candidates whose hot or canonical address equals `key`, sorted by `s`. */
  bucket(key: string): ReadonlyArray<SnapshotCandidate> {
    return this.buckets.get(key)?.all ?? EMPTY;
  }

  /** The profiles of `bucket(key)` (see {@link SnapshotProfile}). */
  profiles(key: string): ReadonlyArray<SnapshotProfile> {
    return this.buckets.get(key)?.profiles ?? NO_PROFILES;
  }

  /**
   * `candidates(key, t)` of §7.2: the bucket's rows with `|t − s| ≤ 2·ttlMs`, sorted by `s`.
   * Allocates the result; attribution itself scans the bucket range without copying.
   */
  candidates(key: string, tMs: number, ttlMs: number): SnapshotCandidate[] {
    const b = this.bucket(key);
    return b.slice(lowerBound(b, tMs - 2 * ttlMs), upperBound(b, tMs + 2 * ttlMs));
  }

  private insert(key: string, c: SnapshotCandidate): void {
    let b = this.buckets.get(key);
    if (b === undefined) {
      b = { all: [], profiles: [], byKey: new Map() };
      this.buckets.set(key, b);
    }
    insertSorted(b.all, c);
    const pk = profileKey(c);
    let p = b.byKey.get(pk);
    if (p === undefined) {
      p = {
        hot: c.hot,
        canonical: c.canonical,
        modelLower: c.modelLower,
        urlLower: c.urlLower,
        gpuLower: c.gpuLower,
        rows: [],
      };
      b.byKey.set(pk, p);
      b.profiles.push(p);
    }
    insertSorted(p.rows, c);
  }
}
