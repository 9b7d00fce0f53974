import type { JsonObject } from "../values/json-value.js";
import { canonicalPayloadJson } from "./canonical-json.js";
import type { EventDimensions } from "./event-dimensions.js";
import type { Sha256Hex } from "./sha256-hex.js";

/** How a dedup key was formed (events.md §6.1). */
export type DedupStrategy = "event_id" | "payload_hash";

/** A dedup key (= `raw_event_uid`) and how it was formed. */
export interface DedupKey {
  readonly key: string;
  readonly strategy: DedupStrategy;
}

/**
 * The string hashed for a payload-hash key (events.md §6.1):
 * `type|orchestrator|broadcaster|region|canonical`, missing dimensions as `""`, canonical = the
 * canonical JSON of the root without top-level `__replay*` keys.
 * @example (E2) payloadHashInput(root, "ai_stream_status", none) starts with "ai_stream_status||||{"
 */
export function payloadHashInput(root: JsonObject, type: string, dims: EventDimensions): string {
  return (
    type +
    "|" +
    (dims.orchestrator ?? "") +
    "|" +
    (dims.broadcaster ?? "") +
    "|" +
    (dims.region ?? "") +
    "|" +
    canonicalPayloadJson(root)
  );
}

/**
 * Dedup key of an accepted envelope (events.md §6.1).
 *
 * Rule: a non-empty `eventId` (= `text(id)`) is the key verbatim (no trim, no case change),
 * strategy `event_id`; otherwise the lowercase hex SHA-256 of {@link payloadHashInput}, strategy
 * `payload_hash`. The key ignores org and topic.
 * @example dedupKey(root, "evt-1", "t", dims, sha256Hex) → { key: "evt-1", strategy: "event_id" }
 */
export function dedupKey(
  root: JsonObject,
  eventId: string,
  type: string,
  dims: EventDimensions,
  sha256: Sha256Hex,
): DedupKey {
  if (eventId !== "") return { key: eventId, strategy: "event_id" };
  return { key: sha256(payloadHashInput(root, type, dims)), strategy: "payload_hash" };
}
