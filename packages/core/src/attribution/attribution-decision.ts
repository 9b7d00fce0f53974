import type { AttributionMethod } from "../sessions/fact-rows.js";

/** Attribution method and confidence of one decision (sessions.md §7.1). */
export interface AttributionDecision {
  readonly method: AttributionMethod;
  readonly confidence: number;
}

/** Default snapshot TTL: 86,400,000 ms (24 h). */
export const DEFAULT_TTL_MS = 86_400_000;

/** Decision of §7.1 when d = 0. */
export const EXACT: AttributionDecision = {
  method: "exact_orchestrator_time_match",
  confidence: 1.0,
};
/** Decision of §7.1 for a snapshot at or before the signal within TTL. */
export const NEAREST_PRIOR: AttributionDecision = {
  method: "nearest_prior_snapshot",
  confidence: 0.9,
};
/** Decision of §7.1 for a snapshot after the signal within TTL. */
export const WITHIN_TTL: AttributionDecision = {
  method: "nearest_snapshot_within_ttl",
  confidence: 0.7,
};
/** Decision of §7.1 for a stale snapshot (D2: identity only). */
export const PROXY: AttributionDecision = { method: "proxy_address_join", confidence: 0.4 };
/** Never attributed. */
export const NONE: AttributionDecision = { method: "none", confidence: 0.0 };
/** Status sample / trace edge matched to an attributed segment (§13). */
export const SEGMENT_WINDOW_JOIN: AttributionDecision = {
  method: "segment_window_join",
  confidence: 1.0,
};

/**
 * Decision of sessions.md §7.1 for signal time `tMs` and snapshot time `sMs`, d = |t − s|:
 * d = 0 → exact 1.0; s ≤ t and d ≤ TTL → prior 0.9; d ≤ TTL → within-TTL 0.7; else proxy 0.4.
 * @example decideAttribution(2000, 1500, 1000).method === "nearest_prior_snapshot"
 */
export function decideAttribution(tMs: number, sMs: number, ttlMs: number): AttributionDecision {
  const d = Math.abs(tMs - sMs);
  if (d === 0) return EXACT;
  if (d <= ttlMs) return sMs <= tMs ? NEAREST_PRIOR : WITHIN_TTL;
  return PROXY;
}

/** True for the stale decision (`proxy_address_join`): it must not write model or GPU (§7.4). */
export function isStale(decision: AttributionDecision): boolean {
  return decision.method === "proxy_address_join";
}

/**
 * Freshness rank of §7.3 step 4.4: 0 exact; 1 prior within TTL; 2 future within TTL; 3 prior
 * beyond TTL; 4 future beyond TTL.
 */
export function freshnessRank(tMs: number, sMs: number, ttlMs: number): number {
  const d = Math.abs(tMs - sMs);
  if (d === 0) return 0;
  const prior = sMs < tMs;
  if (d <= ttlMs) return prior ? 1 : 2;
  return prior ? 3 : 4;
}
