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
/** Slot kinds of {@link BatchDedup} (a slot is empty while its hash is 0). */
const TEXT = 1; // id key, first copy's record text kept (digested only if a duplicate differs)
const DIGEST = 2; // id key, SHA-256 of the first copy's canonical payload
const NO_CHECK = 3; // payload-hash key: the key covers the content

/**
 * The dedup check of events.md §6.2 for one batch, where every record shares one processing
 * instant: a key seen before in the batch is always a duplicate (the window never passes), so
 * the state is a set of keys — `checkDedup` with `contentCheck: "deferred"` and one `nowMs` gives
 * the same outcomes. Conflicts (` (content differs)`) compare canonical payloads of id-keyed
 * copies: equal record texts never differ; otherwise SHA-256 of both canonical payloads.
 *
 * An open-addressing table (linear probing, hashes in an `Int32Array`) instead of a `Map`: keys
 * are fresh strings from `JSON.parse`, and hashing them in JS plus probing typed arrays costs
 * about half of `Map.get` + `Map.set` and allocates no entry objects.
 */
export class BatchDedup {
  private hashes = new Int32Array(INITIAL_CAPACITY);
  private kinds = new Uint8Array(INITIAL_CAPACITY);
  private keys: (string | undefined)[] = new Array<string | undefined>(INITIAL_CAPACITY);
  /** Per slot: the first copy's record text (TEXT) or canonical-payload digest (DIGEST). */
  private values: (string | undefined)[] = new Array<string | undefined>(INITIAL_CAPACITY);
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
      if (h === 0) break; // empty slot (hashes are never 0)
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
    const kind = this.kinds[slot]!;
    const idKey = envelope.dedupStrategy === "event_id";
    if (kind !== TEXT) {
      if (this.keys[slot] !== envelope.dedupKey) return null;
      if (kind === NO_CHECK || !idKey) return SAME_CONTENT;
      return { contentDiffers: this.digest(envelope.root) !== this.values[slot] };
    }
    // TEXT slots keep no key: equal texts have equal keys; otherwise the first copy's key is
    // its id, read again (a hash collision, or a duplicate whose text differs).
    const first = this.values[slot]!;
    if (first === envelope.rawText) return SAME_CONTENT;
    const firstRoot = JSON.parse(first) as JsonObject;
    if (text(firstRoot["id"]) !== envelope.dedupKey) return null;
    this.textUnits -= first.length;
    this.kinds[slot] = DIGEST;
    this.keys[slot] = envelope.dedupKey;
    this.values[slot] = this.digest(firstRoot);
    if (!idKey) return SAME_CONTENT;
    return { contentDiffers: this.digest(envelope.root) !== this.values[slot] };
  }

  private insert(slot: number, hash: number, envelope: AcceptedEnvelope): void {
    this.hashes[slot] = hash;
    if (envelope.dedupStrategy !== "event_id") {
      this.kinds[slot] = NO_CHECK;
      this.keys[slot] = envelope.dedupKey;
    } else if (this.textUnits + envelope.rawText.length <= this.budgetUnits) {
      // The key is not kept: it is text(id) of this record text (fewer young strings retained).
      this.textUnits += envelope.rawText.length;
      this.kinds[slot] = TEXT;
      this.values[slot] = envelope.rawText;
    } else {
      this.kinds[slot] = DIGEST;
      this.keys[slot] = envelope.dedupKey;
      this.values[slot] = this.digest(envelope.root);
    }
    if (++this.size * 2 > this.hashes.length) this.grow();
  }

  private digest(root: JsonObject): string {
    return this.options.sha256(canonicalPayloadJson(root));
  }

  private grow(): void {
    const { hashes, kinds, keys, values } = this;
    const capacity = hashes.length * 2;
    const mask = capacity - 1;
    this.hashes = new Int32Array(capacity);
    this.kinds = new Uint8Array(capacity);
    this.keys = new Array<string | undefined>(capacity);
    this.values = new Array<string | undefined>(capacity);
    for (let j = 0; j < hashes.length; j++) {
      if (hashes[j] === 0) continue;
      let i = hashes[j]! & mask;
      while (this.hashes[i] !== 0) i = (i + 1) & mask;
      this.hashes[i] = hashes[j]!;
      this.kinds[i] = kinds[j]!;
      this.keys[i] = keys[j];
      this.values[i] = values[j];
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
