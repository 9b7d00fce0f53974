import fc from "fast-check";
import type { JsonObject, JsonValue } from "@livepeer-analytics/core";
import { assembleEnvelope, envelopeParts } from "./envelope-fields.js";
import type { EventFamily } from "./expected-outcome.js";
import { EVENT_FAMILIES } from "./expected-outcome.js";
import {
  aiStreamEventsEnvelope,
  aiStreamStatusEnvelope,
  streamTraceEnvelope,
} from "./lifecycle-envelopes.js";
import { networkCapabilitiesEnvelope } from "./network-capabilities-envelope.js";
import {
  createNewPaymentEnvelope,
  discoveryResultsEnvelope,
  streamIngestMetricsEnvelope,
} from "./side-envelopes.js";

/** The valid-envelope arbitrary of each family. */
export const FAMILY_ENVELOPES: Readonly<Record<EventFamily, () => fc.Arbitrary<JsonObject>>> = {
  ai_stream_status: aiStreamStatusEnvelope,
  stream_ingest_metrics: streamIngestMetricsEnvelope,
  stream_trace: streamTraceEnvelope,
  network_capabilities: networkCapabilitiesEnvelope,
  ai_stream_events: aiStreamEventsEnvelope,
  discovery_results: discoveryResultsEnvelope,
  create_new_payment: createNewPaymentEnvelope,
};

/** A valid envelope of one given family. */
export function familyEnvelope(family: EventFamily): fc.Arbitrary<JsonObject> {
  return FAMILY_ENVELOPES[family]();
}

/**
 * A valid envelope of any of the 7 families: passes every check of events.md §4 (V1–V9), so it
 * must be accepted (events.md §3), and it has the real field names and shapes of the samples.
 */
export function validEnvelope(): fc.Arbitrary<JsonObject> {
  return fc.oneof(...EVENT_FAMILIES.map((f) => FAMILY_ENVELOPES[f]()));
}

/**
 * Unknown-type names: seen in production, near-misses of the family names (routing is
 * case-sensitive), and Object.prototype member names (a routing table that is a plain object
 * must not treat them as families).
 */
export const UNKNOWN_TYPES: readonly string[] = [
  "pipelines_api_request",
  "webrtc_stats",
  "ai_batch_request",
  "AI_STREAM_STATUS",
  "stream_trace ",
  "",
  "constructor",
  "__proto__",
  "toString",
  "hasOwnProperty",
];

/**
 * A valid envelope whose `type` is not one of the 7 families: accepted as unknown
 * (`raw_unknown_events`, events.md §7); version is not checked, `data` may be any JSON (even null).
 */
export function unknownTypeEnvelope(): fc.Arbitrary<JsonObject> {
  const family = new Set<string>(EVENT_FAMILIES);
  const type = fc.oneof(
    fc.constantFrom(...UNKNOWN_TYPES),
    fc.string({ maxLength: 24 }).filter((s) => !family.has(s)),
  );
  const version = fc.option(fc.constantFrom<JsonValue>("2", "v9", {}, 3), { nil: undefined });
  return fc
    .tuple(
      type,
      envelopeParts(false),
      version,
      fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue>,
    )
    .map(([t, p, v, d]) => assembleEnvelope(t, v === undefined ? p : { ...p, version: v }, d));
}
