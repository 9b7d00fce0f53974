import { selectSnapshot, SelectionSpan } from "./select-snapshot.js";
import type { SnapshotCandidate } from "./snapshot-candidate.js";
import type { SnapshotIndex } from "./snapshot-index.js";

/** Entries kept: the session, segment and param-update machines plus the close-time pass. */
const SLOTS = 4;

class Entry {
  key = "";
  hint: string | null = null;
  url: string | null = null;
  gpu: string | null = null;
  result: SnapshotCandidate | null = null;
  readonly span = new SelectionSpan();
  used = false;

  /** True when this entry holds the answer for these arguments. */
  answers(
    key: string,
    hint: string | null,
    url: string | null,
    gpu: string | null,
    t: number,
  ): boolean {
    return (
      this.used &&
      this.key === key &&
      this.hint === hint &&
      this.url === url &&
      this.gpu === gpu &&
      this.span.covers(t)
    );
  }
}

/**
 * `select` of sessions.md §7.3 over one fixed {@link SnapshotIndex} and TTL, remembering the last
 * few answers with the time span each holds for (`SelectionSpan`): the signals of a session
 * come in time order and snapshots are minutes apart, so most selections repeat an earlier
 * answer for the same key and hints. Equal to `selectSnapshot(index, …, t, ttlMs)` for every call
 * (`select` is pure); the index must not change while the cache is in use (one derivation).
 */
export class SelectionCache {
  private readonly entries: Entry[] = [];
  private victim = 0;
  private last = 0;

  constructor(
    private readonly index: SnapshotIndex,
    private readonly ttlMs: number,
  ) {
    for (let i = 0; i < SLOTS; i++) this.entries.push(new Entry());
  }

  /** `selectSnapshot(index, key, hint, url, gpu, t, ttlMs)`. */
  select(
    key: string,
    hint: string | null,
    url: string | null,
    gpu: string | null,
    t: number,
  ): SnapshotCandidate | null {
    // The last answer first: consecutive signals of a session mostly repeat it.
    const last = this.entries[this.last] as Entry;
    if (last.answers(key, hint, url, gpu, t)) return last.result;
    for (let i = 0; i < SLOTS; i++) {
      const e = this.entries[i] as Entry;
      if (e.answers(key, hint, url, gpu, t)) {
        this.last = i;
        return e.result;
      }
    }
    const e = this.entries[this.victim] as Entry;
    this.last = this.victim;
    this.victim = (this.victim + 1) % SLOTS;
    e.result = selectSnapshot(this.index, key, hint, url, gpu, t, this.ttlMs, e.span);
    e.key = key;
    e.hint = hint;
    e.url = url;
    e.gpu = gpu;
    e.used = true;
    return e.result;
  }
}
