import type { AcceptedEnvelope } from "../events/accepted-envelope.js";
import { canonicalPayloadJson } from "../identity/canonical-json.js";
import type { Sha256Hex } from "../identity/sha256-hex.js";
import { text } from "../values/json-value.js";
import type { JsonObject } from "../values/json-value.js";

/** Options of {@link BatchDedup}. */
export interface BatchDedupOptions {
  /** SHA-256 of canonical payloads (conflict check of id-keyed duplicates). */
  readonly sha256: Sha256Hex;
  /** Record text retained for lazy conflict checks (bytes ≈ 2 × UTF-16 units). */
  readonly textBudgetBytes: number;
}

/** Outcome of {@link BatchDedup.check}: first copy (null) or a duplicate and whether it conflicts. */
export type BatchDedupOutcome = null | { readonly contentDiffers: boolean };

const INITIAL_CAPACITY = 1024;
const SAME_CONTENT: BatchDedupOutcome = { contentDiffers: false };

/**
 * The dedup check of events.md §6.2 for one batch, where every record shares one processing
 * instant: a key seen before in the batch is always a duplicate (the window never passes), so
 * the state is a set of keys — `checkDedup` with `contentCheck: "deferred"` and one `nowMs` gives
 * the same outcomes. Conflicts (` (content differs)`) compare canonical payloads of id-keyed
 * copies: equal record texts never differ; otherwise SHA-256 of both canonical payloads.
 *
 * An open-addressing table (linear probing) instead of a `Map`: keys are fresh strings from
 * `JSON.parse`, and hashing them in JS, probing an `Int32Array` of hashes and keeping a slot's
 * two strings side by side costs about half of `Map.get` + `Map.set` and allocates no entry
 * objects. Slot `i` holds `entries[2i]` = key and `entries[2i + 1]` = value, one of:
 * - id key within the text budget: no key, value = the first copy's record text (its key is
 *   `text(id)` of that text, read again only on a hash match; no young key string is retained);
 * - id key beyond the budget: key, value = SHA-256 of the first copy's canonical payload;
 * - payload-hash key: key, no value (the key covers the content).
 */
export class BatchDedup {
  /** Per slot: the key's hash, 0 for an empty slot (hashes are never 0). */
  private hashes = new Int32Array(INITIAL_CAPACITY);
  private entries: (string | undefined)[] = new Array<string | undefined>(2 * INITIAL_CAPACITY);
  private size = 0;
  private textUnits = 0;
  private readonly budgetUnits: number;

  constructor(private readonly options: BatchDedupOptions) {
    this.budgetUnits = options.textBudgetBytes / 2;
  }

  /** Records the envelope's key; returns null for its first copy, else the duplicate outcome. */
  check(envelope: AcceptedEnvelope): BatchDedupOutcome {
    const hash = stringHash(envelope.dedupKey);
    const mask = this.hashes.length - 1;
    let i = hash & mask;
    for (;;) {
      const h = this.hashes[i]!;
      if (h === 0) break;
      if (h === hash) {
        const outcome = this.match(i, envelope);
        if (outcome !== null) return outcome;
      }
      i = (i + 1) & mask;
    }
    this.insert(i, hash, envelope);
    return null;
  }

  /** The duplicate outcome when slot `slot` holds the envelope's key, else null. */
  private match(slot: number, envelope: AcceptedEnvelope): BatchDedupOutcome | null {
    const key = this.entries[2 * slot];
    const value = this.entries[2 * slot + 1];
    const idKey = envelope.dedupStrategy === "event_id";
    if (key !== undefined) {
      if (key !== envelope.dedupKey) return null;
      if (value === undefined || !idKey) return SAME_CONTENT;
      return { contentDiffers: this.digest(envelope.root) !== value };
    }
    // A record text: equal texts have equal keys; otherwise read the first copy's id (a hash
    // collision, or a duplicate whose text differs, which is then digested).
    const first = value as string;
    if (first === envelope.rawText) return SAME_CONTENT;
    const firstRoot = JSON.parse(first) as JsonObject;
    if (text(firstRoot["id"]) !== envelope.dedupKey) return null;
    const digest = this.digest(firstRoot);
    this.textUnits -= first.length;
    this.entries[2 * slot] = envelope.dedupKey;
    this.entries[2 * slot + 1] = digest;
    if (!idKey) return SAME_CONTENT;
    return { contentDiffers: this.digest(envelope.root) !== digest };
  }

  private insert(slot: number, hash: number, envelope: AcceptedEnvelope): void {
    this.hashes[slot] = hash;
    if (envelope.dedupStrategy !== "event_id") {
      this.entries[2 * slot] = envelope.dedupKey;
    } else if (this.textUnits + envelope.rawText.length <= this.budgetUnits) {
      this.textUnits += envelope.rawText.length;
      this.entries[2 * slot + 1] = envelope.rawText;
    } else {
      this.entries[2 * slot] = envelope.dedupKey;
      this.entries[2 * slot + 1] = this.digest(envelope.root);
    }
    // Grow ×4 at 3/4 load: probes stay short (hashes are 4-byte neighbours), and a batch's
    // keys are rehashed about a third as often as when doubling.
    if (++this.size * 4 > this.hashes.length * 3) this.grow();
  }

  private digest(root: JsonObject): string {
    return this.options.sha256(canonicalPayloadJson(root));
  }

  private grow(): void {
    const { hashes, entries } = this;
    const capacity = hashes.length * 4;
    const mask = capacity - 1;
    this.hashes = new Int32Array(capacity);
    this.entries = new Array<string | undefined>(2 * capacity);
    for (let j = 0; j < hashes.length; j++) {
      const h = hashes[j]!;
      if (h === 0) continue;
      let i = h & mask;
      while (this.hashes[i] !== 0) i = (i + 1) & mask;
      this.hashes[i] = h;
      this.entries[2 * i] = entries[2 * j];
      this.entries[2 * i + 1] = entries[2 * j + 1];
    }
  }
}

/** FNV-1a over UTF-16 code units, then a murmur3 finalizer so low bits spread well; never 0. */
function stringHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h === 0 ? 1 : h;
}
