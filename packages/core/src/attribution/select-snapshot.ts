import { compareOrdinal, isBlank } from "../values/java-trim.js";
import { ciForm } from "./snapshot-candidate.js";
import type { SnapshotCandidate } from "./snapshot-candidate.js";
import { lowerBound } from "./snapshot-index.js";
import type { SnapshotIndex, SnapshotProfile } from "./snapshot-index.js";

/**
 * `select(key, hint, urlHint, gpuHint, t)` of sessions.md §7.3, over `candidates(key, t)`
 * (`|t − s| ≤ 2·ttlMs`, §7.2):
 * 1. blank key or no candidate → null;
 * 2. drop candidates whose model is non-blank and not `ci`-equal to a non-blank `hint`;
 * 2b. when some compatible candidate's URL is `ci`-equal to a non-blank `urlHint`, keep only those;
 * 3. ambiguity guard: > 1 distinct non-blank canonical among the kept ones with d ≤ TTL → null;
 * 4. otherwise the minimum by the total ranking of step 4 (compatibility, URL, GPU, freshness,
 *    d, newer first, model/URL/GPU keys, pipeline key, uid, ordinal).
 * A candidate beyond TTL can win (→ `proxy_address_join`).
 *
 * Cost: O(profiles × log rows) — ranks 4.1–4.3 are constant within a {@link SnapshotProfile}, so
 * only the rows next to `t` in each profile can win.
 *
 * With `span`, also reports the times around `tMs` where the answer is the same (see
 * `SelectionSpan`), so a caller can reuse it for the next signals of a session.
 */
export function selectSnapshot(
  index: SnapshotIndex,
  key: string,
  hint: string | null,
  urlHint: string | null,
  gpuHint: string | null,
  tMs: number,
  ttlMs: number,
  span?: SelectionSpan,
): SnapshotCandidate | null {
  span?.reset(tMs);
  if (isBlank(key)) return null;
  const profiles = index.profiles(key);
  if (profiles.length === 0) return null;
  const model = HINT.of(hint);
  const url = URL_HINT.of(urlHint);
  const gpu = GPU_HINT.of(gpuHint);
  // Two selections at once: over all compatible candidates, and over the URL-matching ones
  // (step 2b picks the second whenever it is non-empty).
  const all = new Pick();
  const byUrl = new Pick();
  const near = new Nearest();
  for (const p of profiles) {
    if (model !== "" && p.modelLower !== "" && p.modelLower !== model) continue;
    const found = near.find(p, tMs, ttlMs);
    if (span !== undefined) near.bound(span, ttlMs);
    if (!found) continue;
    const urlMatch = url !== "" && p.urlLower === url;
    // Ranks 4.1–4.4 packed into one small integer: compat, URL, GPU flags, then freshness.
    const flags =
      (model !== "" && p.modelLower !== "" ? 0 : 4) +
      (urlMatch ? 0 : 2) +
      (gpu !== "" && p.gpuLower === gpu ? 0 : 1);
    all.offer(near, flags * 5 + near.fresh, p.canonical);
    if (urlMatch) byUrl.offer(near, flags * 5 + near.fresh, p.canonical);
  }
  const chosen = byUrl.best !== null ? byUrl : all;
  return chosen.ambiguous ? null : chosen.best;
}

/**
 * `ciForm` with a one-entry memo: consecutive selections (one per signal of a session) mostly
 * pass the same hint, often the very same string, so the trim + lowercase copy is skipped.
 */
class CiFormMemo {
  private input: string | null | undefined = undefined;
  private output = "";

  of(s: string | null | undefined): string {
    if (s !== this.input || s === undefined) {
      this.output = ciForm(s);
      this.input = s;
    }
    return this.output;
  }
}

const HINT = new CiFormMemo();
const URL_HINT = new CiFormMemo();
const GPU_HINT = new CiFormMemo();

/**
 * The times around a selection's `t` with the same answer: every `t'` with `lo < t' < hi`, and
 * `t` itself. Why it holds: `select` reads `t` only through, per profile, the rows on each side
 * of `t` (`lowerBound`) and the comparisons `d = 0`, `d ≤ TTL`, `d ≤ 2·TTL` against them; between
 * two consecutive breakpoints (`s`, `s ± TTL`, `s ± 2·TTL` of those rows) all of them keep their
 * truth value, and distances are compared only between rows on the same side of `t` (equal ranks
 * imply equal freshness), where both move with `t` alike. Breakpoints are exact only for safe
 * integers (epoch ms, integral TTL); any other value shrinks the span to `t` alone.
 */
export class SelectionSpan {
  /** Exclusive lower end. */
  lo = Number.NEGATIVE_INFINITY;
  /** Exclusive upper end. */
  hi = Number.POSITIVE_INFINITY;
  private t = 0;

  /** Starts the span of a selection at `t` (unbounded; a non-integral `t` is a point). */
  reset(t: number): void {
    this.t = t;
    if (Number.isSafeInteger(t)) {
      this.lo = Number.NEGATIVE_INFINITY;
      this.hi = Number.POSITIVE_INFINITY;
    } else {
      this.lo = this.hi = t;
    }
  }

  /** Narrows the span so that it does not cross breakpoint `b`. */
  narrow(b: number): void {
    const t = this.t;
    if (!Number.isSafeInteger(b) || b === t) this.lo = this.hi = t;
    else if (b < t) this.lo = Math.max(this.lo, b);
    else this.hi = Math.min(this.hi, b);
  }

  /** True when the selection at `t'` is the one this span was computed for. */
  covers(t: number): boolean {
    return t === this.t || (this.lo < t && t < this.hi);
  }
}

/** Best row of one profile for time t (freshness, d, tie-breaks) and whether any row is within TTL. */
class Nearest {
  best: SnapshotCandidate | null = null;
  fresh = 0;
  d = 0;
  withinTtl = false;
  private prior: SnapshotCandidate | undefined = undefined;
  private next: SnapshotCandidate | undefined = undefined;

  /** Narrows `span` by the breakpoints of the last {@link find}'s rows (see `SelectionSpan`). */
  bound(span: SelectionSpan, ttl: number): void {
    if (this.prior !== undefined) {
      const s = this.prior.s;
      span.narrow(s);
      span.narrow(s + ttl);
      span.narrow(s + 2 * ttl);
    }
    if (this.next !== undefined) {
      const s = this.next.s;
      span.narrow(s - 2 * ttl);
      span.narrow(s - ttl);
      span.narrow(s);
    }
  }

  find(p: SnapshotProfile, t: number, ttl: number): boolean {
    const rows = p.rows;
    const i = lowerBound(rows, t);
    const next = rows[i];
    const prior = rows[i - 1];
    this.next = next;
    this.prior = prior;
    const dNext = next === undefined ? Infinity : next.s - t;
    const dPrior = prior === undefined ? Infinity : t - prior.s;
    this.withinTtl = dNext <= ttl || dPrior <= ttl;
    if (dNext === 0) return this.take(rows, i, 1, 0, 0);
    if (dPrior <= ttl) return this.take(rows, i - 1, -1, 1, dPrior);
    if (dNext <= ttl) return this.take(rows, i, 1, 2, dNext);
    if (dPrior <= 2 * ttl) return this.take(rows, i - 1, -1, 3, dPrior);
    if (dNext <= 2 * ttl) return this.take(rows, i, 1, 4, dNext);
    this.best = null;
    return false;
  }

  /** The tie-break minimum of the rows sharing `rows[at].s`, walking in direction `step`. */
  private take(
    rows: ReadonlyArray<SnapshotCandidate>,
    at: number,
    step: 1 | -1,
    fresh: number,
    d: number,
  ): true {
    let best = rows[at] as SnapshotCandidate;
    for (let k = at + step; k >= 0 && k < rows.length; k += step) {
      const c = rows[k] as SnapshotCandidate;
      if (c.s !== best.s) break;
      if (tieBreak(c, best) < 0) best = c;
    }
    this.best = best;
    this.fresh = fresh;
    this.d = d;
    return true;
  }
}

/** Running minimum of one candidate set plus its ambiguity-guard state. */
class Pick {
  best: SnapshotCandidate | null = null;
  private rank = 0;
  private d = 0;
  private canonical: string | null = null;
  ambiguous = false;

  offer(n: Nearest, rank: number, canonical: string): void {
    if (canonical !== "" && n.withinTtl) {
      if (this.canonical === null) this.canonical = canonical;
      else if (this.canonical !== canonical) this.ambiguous = true;
    }
    const c = n.best as SnapshotCandidate;
    const b = this.best;
    if (
      b === null ||
      rank < this.rank ||
      (rank === this.rank && (n.d < this.d || (n.d === this.d && tieBreak(c, b) < 0)))
    ) {
      this.best = c;
      this.rank = rank;
      this.d = n.d;
    }
  }
}

/** Ranks 4.6–4.8 for candidates equal on ranks 4.1–4.5: newer first, then keys, uid, ordinal. */
function tieBreak(a: SnapshotCandidate, b: SnapshotCandidate): number {
  return (
    b.s - a.s ||
    compareOrdinal(a.modelKey, b.modelKey) ||
    compareOrdinal(a.urlKey, b.urlKey) ||
    compareOrdinal(a.gpuKey, b.gpuKey) ||
    compareOrdinal(a.pipelineKey, b.pipelineKey) ||
    compareOrdinal(a.uid, b.uid) ||
    a.ordinal - b.ordinal
  );
}
