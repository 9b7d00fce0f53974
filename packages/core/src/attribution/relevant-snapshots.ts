import type { SnapshotCandidate } from "./snapshot-candidate.js";
import { compareOrdinal } from "../values/java-trim.js";
import { lowerBound, upperBound } from "./snapshot-index.js";
import type { SnapshotIndex } from "./snapshot-index.js";

/**
 * The relevant snapshot rows `R(X)` of sessions.md §4.4: with `W = [minTs − 2·TTL, maxTs + 2·TTL]`
 * and `A` = the signals' non-blank addresses, repeatedly add both addresses of every row in `W`
 * whose hot or canonical address is in `A`; `R(X)` = rows in `W` with an address in `A`.
 * Returns the set of candidates (each row once). Empty when `addresses` is empty.
 */
export function relevantSnapshots(
  index: SnapshotIndex,
  addresses: Iterable<string>,
  minTs: number,
  maxTs: number,
  ttlMs: number,
): Set<SnapshotCandidate> {
  const from = minTs - 2 * ttlMs;
  const to = maxTs + 2 * ttlMs;
  const seen = new Set<string>();
  const queue: string[] = [];
  const visit = (a: string): void => {
    if (a !== "" && !seen.has(a)) {
      seen.add(a);
      queue.push(a);
    }
  };
  for (const a of addresses) visit(a);
  const rows = new Set<SnapshotCandidate>();
  while (queue.length > 0) {
    const bucket = index.bucket(queue.pop() as string);
    for (let i = lowerBound(bucket, from), hi = upperBound(bucket, to); i < hi; i++) {
      const c = bucket[i] as SnapshotCandidate;
      rows.add(c);
      visit(c.hot);
      visit(c.canonical);
    }
  }
  return rows;
}

/**
 * `|R(X)|` without materializing the set: the same fixpoint as {@link relevantSnapshots}, walking
 * profiles with binary searches. Each row is counted once, in the bucket of its hot address (its
 * canonical one when the hot address is blank), which the fixpoint always visits.
 *
 * When the window `W` holds every indexed snapshot (a batch shorter than 2·TTL), `|R(X)|` depends
 * on the address set alone: it is computed once per set and index state.
 */
export function relevantSnapshotCount(
  index: SnapshotIndex,
  addresses: Iterable<string>,
  minTs: number,
  maxTs: number,
  ttlMs: number,
): number {
  const from = minTs - 2 * ttlMs;
  const to = maxTs + 2 * ttlMs;
  const wholeIndex = index.size > 0 && from <= index.earliest && to >= index.latest;
  if (!wholeIndex) return countInWindow(index, addresses, from, to);
  const key = JSON.stringify([...addresses].sort(compareOrdinal));
  let n = index.wholeIndexCounts.get(key);
  if (n === undefined) {
    n = countInWindow(index, addresses, from, to);
    index.wholeIndexCounts.set(key, n);
  }
  return n;
}

/** The fixpoint count of {@link relevantSnapshotCount} over snapshot times in `[from, to]`. */
function countInWindow(
  index: SnapshotIndex,
  addresses: Iterable<string>,
  from: number,
  to: number,
): number {
  const seen = new Set<string>();
  const queue: string[] = [];
  const visit = (a: string): void => {
    if (a !== "" && !seen.has(a)) {
      seen.add(a);
      queue.push(a);
    }
  };
  for (const a of addresses) visit(a);
  let count = 0;
  while (queue.length > 0) {
    const a = queue.pop() as string;
    for (const p of index.profiles(a)) {
      const n = upperBound(p.rows, to) - lowerBound(p.rows, from);
      if (n <= 0) continue;
      visit(p.hot);
      visit(p.canonical);
      if (a === (p.hot !== "" ? p.hot : p.canonical)) count += n;
    }
  }
  return count;
}

const TWO_POW_32 = 4_294_967_296n;
const MAX_U32 = 4_294_967_295;

/**
 * `version = |Ev(X)| × 2^32 + min(|R(X)|, 2^32 − 1)` (sessions.md §4.4), a UInt64 as bigint.
 * @example derivationVersion(5, 0) === 21474836480n; derivationVersion(7, 1) === 30064771073n
 */
export function derivationVersion(eventCount: number, relevantCount: number): bigint {
  return BigInt(eventCount) * TWO_POW_32 + BigInt(Math.min(relevantCount, MAX_U32));
}
