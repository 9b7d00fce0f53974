import { canonicalPayloadJson } from "../identity/canonical-json.js";
import { canonicalPayloadDigest } from "../identity/canonical-digest.js";
import { sha256Hex } from "../identity/sha256-hex.js";
import type { Sha256Hex } from "../identity/sha256-hex.js";
import type { JsonObject } from "../values/json-value.js";
import type { AcceptedEnvelope } from "./accepted-envelope.js";
import { envelopeRejection } from "./rejection.js";
import type { Rejection } from "./rejection.js";

/** Default dedup window: 24 h of processing time (events.md §6.2). */
export const DEDUP_WINDOW_MS = 86_400_000;

/** One key of the dedup window. */
export interface DedupEntry {
  /** Processing time of the first acceptance, epoch ms. */
  readonly firstMs: number;
  /**
   * SHA-256 of the first copy's canonical payload (id-based keys only: a payload-hash key covers
   * the content). Null while deferred or for payload-hash keys.
   */
  digest: string | null;
  /** `deferred` mode: the first copy's record text, digested only if a duplicate arrives. */
  firstText: string | null;
}

/**
 * When the content digest of an id-keyed record is computed (events.md §6.2 conflict check).
 * - `eager` (default): SHA-256 of the canonical payload at first acceptance; state holds only
 *   digests (bounded memory, for long-running consumers).
 * - `deferred`: keep a reference to the first copy's record text and digest both copies only when
 *   a duplicate arrives. Same results; for batch runs that retain the record texts anyway
 *   (typed rows hold them in `raw_json`), where it saves a canonicalization per record.
 *   With a `deferredBudgetBytes` (default 64 MiB of retained text), records beyond the budget
 *   are digested at once (as in `eager`), so memory stays bounded.
 * - `digest64`: a 64-bit structural digest of the canonical payload (`canonicalPayloadDigest`),
 *   computed without building the canonical text; same equality as `eager` up to a ≈ 2⁻⁶⁴
 *   collision chance, bounded memory, several times cheaper (the `lpa` batch default).
 */
export type ContentCheckMode = "eager" | "deferred" | "digest64";

/**
 * The dedup window state (events.md §6.2). Mutable: {@link checkDedup} updates it in place for
 * speed; persist it with {@link snapshotDedupState} / {@link restoreDedupState}.
 */
export interface DedupState {
  readonly windowMs: number;
  readonly sha256: Sha256Hex;
  readonly contentCheck: ContentCheckMode;
  /** Keys in first-acceptance order (Map insertion order), which makes expiry a front scan. */
  readonly entries: Map<string, DedupEntry>;
  /** Earliest time at which the oldest entry may expire (avoids a scan per record). */
  nextExpiryMs: number;
  /** `deferred` mode: UTF-16 units of record text retained so far, and the budget. */
  deferredUnits: number;
  readonly deferredBudgetUnits: number;
}

/** Options of {@link createDedupState}. */
export interface DedupOptions {
  /** Window length in processing-time ms; default {@link DEDUP_WINDOW_MS}. */
  readonly windowMs?: number;
  /** SHA-256 for content digests; default pure JS. */
  readonly sha256?: Sha256Hex;
  /** When content digests are computed; default `eager`. */
  readonly contentCheck?: ContentCheckMode;
  /** `deferred` mode: record text retained at most (bytes ≈ 2 × UTF-16 units); default 64 MiB. */
  readonly deferredBudgetBytes?: number;
}

/** An empty dedup state. */
export function createDedupState(options: DedupOptions = {}): DedupState {
  return {
    windowMs: options.windowMs ?? DEDUP_WINDOW_MS,
    sha256: options.sha256 ?? sha256Hex,
    contentCheck: options.contentCheck ?? "eager",
    entries: new Map(),
    nextExpiryMs: Number.POSITIVE_INFINITY,
    deferredUnits: 0,
    deferredBudgetUnits: (options.deferredBudgetBytes ?? 64 * 1024 * 1024) / 2,
  };
}

/** Result of {@link checkDedup}: the first copy within the window, or a quarantined duplicate. */
export type DedupOutcome =
  | { readonly kind: "first" }
  | { readonly kind: "duplicate"; readonly contentDiffers: boolean; readonly rejection: Rejection };

/**
 * Dedup check of an accepted envelope at processing time `nowMs` (events.md §6.2). Mutates `state`.
 *
 * Rule: a key first accepted at `t0` is a duplicate while `nowMs − t0 ≤ windowMs`; a duplicate
 * does not extend the window; after it, the copy is accepted again and restarts the window.
 * Duplicates give DEDUP/DUPLICATE/duplicate_event, details `Duplicate detected for key: <key>`,
 * plus ` (content differs)` when the canonical payload (root minus `__replay*` keys) differs from
 * the first copy's (`contentDiffers`, counted in `lpa_dedup_conflicts_total`). For one `lpa`
 * batch pass the same `nowMs` for every record.
 */
export function checkDedup(
  state: DedupState,
  envelope: AcceptedEnvelope,
  nowMs: number,
): DedupOutcome {
  if (nowMs > state.nextExpiryMs) evictExpired(state, nowMs);
  const key = envelope.dedupKey;
  const prior = state.entries.get(key);
  const isIdKey = envelope.dedupStrategy === "event_id";
  if (prior !== undefined && nowMs - prior.firstMs <= state.windowMs) {
    const differs = isIdKey && contentDiffers(state, prior, envelope);
    const details = `Duplicate detected for key: ${key}${differs ? " (content differs)" : ""}`;
    return {
      kind: "duplicate",
      contentDiffers: differs,
      rejection: envelopeRejection(envelope, "duplicate_event", details),
    };
  }
  if (prior?.firstText != null) state.deferredUnits -= prior.firstText.length;
  if (prior !== undefined) state.entries.delete(key); // re-insert at the back: keeps first-acceptance order
  const deferred =
    isIdKey &&
    state.contentCheck === "deferred" &&
    state.deferredUnits + envelope.rawText.length <= state.deferredBudgetUnits;
  if (deferred) state.deferredUnits += envelope.rawText.length;
  const digest = isIdKey && !deferred ? contentDigest(state, envelope.root) : null;
  state.entries.set(key, { firstMs: nowMs, digest, firstText: deferred ? envelope.rawText : null });
  if (state.entries.size === 1 || nowMs + state.windowMs < state.nextExpiryMs)
    state.nextExpiryMs = nowMs + state.windowMs;
  return { kind: "first" };
}

function contentDigest(state: DedupState, root: JsonObject): string {
  if (state.contentCheck === "digest64") return canonicalPayloadDigest(root);
  return state.sha256(canonicalPayloadJson(root));
}

function contentDiffers(state: DedupState, prior: DedupEntry, envelope: AcceptedEnvelope): boolean {
  if (prior.firstText !== null) {
    if (prior.firstText === envelope.rawText) return false;
    settleDigest(state, prior);
  }
  return prior.digest !== null && contentDigest(state, envelope.root) !== prior.digest;
}

/** Turns a deferred entry into a digested one. */
function settleDigest(state: DedupState, entry: DedupEntry): void {
  if (entry.firstText === null) return;
  entry.digest = contentDigest(state, JSON.parse(entry.firstText) as JsonObject);
  state.deferredUnits -= entry.firstText.length;
  entry.firstText = null;
}

/** Drops keys whose window has passed (front scan in first-acceptance order). */
function evictExpired(state: DedupState, nowMs: number): void {
  for (const [key, entry] of state.entries) {
    if (nowMs - entry.firstMs <= state.windowMs) {
      state.nextExpiryMs = entry.firstMs + state.windowMs;
      return;
    }
    if (entry.firstText !== null) state.deferredUnits -= entry.firstText.length;
    state.entries.delete(key);
  }
  state.nextExpiryMs = Number.POSITIVE_INFINITY;
}

/** Serializable form of a dedup state (JSON-safe). */
export interface DedupSnapshot {
  readonly version: 1;
  readonly windowMs: number;
  /** [key, first acceptance epoch ms, content digest or null], in first-acceptance order. */
  readonly entries: ReadonlyArray<readonly [key: string, firstMs: number, digest: string | null]>;
}

/**
 * Snapshot of the live entries at `nowMs` (expired keys are dropped), for persistence across
 * restarts (events.md §6.2). Deferred entries are digested first (mutates `state`).
 */
export function snapshotDedupState(state: DedupState, nowMs: number): DedupSnapshot {
  const entries: Array<readonly [string, number, string | null]> = [];
  for (const [key, e] of state.entries) {
    if (nowMs - e.firstMs > state.windowMs) continue;
    settleDigest(state, e);
    entries.push([key, e.firstMs, e.digest]);
  }
  return { version: 1, windowMs: state.windowMs, entries };
}

/** Rebuilds a dedup state from a snapshot (window from the snapshot unless overridden). */
export function restoreDedupState(snapshot: DedupSnapshot, options: DedupOptions = {}): DedupState {
  const state = createDedupState({ windowMs: snapshot.windowMs, ...options });
  const sorted = [...snapshot.entries].sort((a, b) => a[1] - b[1]);
  for (const [key, firstMs, digest] of sorted)
    state.entries.set(key, { firstMs, digest, firstText: null });
  const first = sorted[0];
  if (first !== undefined) state.nextExpiryMs = first[1] + state.windowMs;
  return state;
}
