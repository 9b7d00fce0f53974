/**
 * The seven known event families (events.md §4), routed case-sensitively by the envelope `type`.
 * Any other `type` is accepted as an unknown event (§7).
 */
export const EVENT_FAMILIES = [
  "ai_stream_status",
  "stream_ingest_metrics",
  "stream_trace",
  "network_capabilities",
  "ai_stream_events",
  "discovery_results",
  "create_new_payment",
] as const;

/** One of the seven known event families. */
export type EventFamily = (typeof EVENT_FAMILIES)[number];

/** True when `type` is exactly (case-sensitively) one of the seven known families. */
export function isEventFamily(type: string): type is EventFamily {
  return eventFamilyOf(type) !== null;
}

/**
 * The known family equal to `type` (case-sensitive), or null. Returns the constant from
 * {@link EVENT_FAMILIES}, not `type` itself: a `type` read from `JSON.parse` output is a fresh,
 * non-internalized string, and using it as a property key (per-family tables) would make the
 * engine look it up in its string table on every record; compares against the constants do not.
 */
export function eventFamilyOf(type: string): EventFamily | null {
  for (const family of EVENT_FAMILIES) if (family === type) return family;
  return null;
}

/**
 * Required paths per family for check V7 (events.md §4), in check order. Each path is a list of
 * object keys from the envelope root; a path passes unless missing, JSON null or `""`.
 */
export const REQUIRED_PATHS: { readonly [F in EventFamily]: ReadonlyArray<readonly string[]> } = {
  ai_stream_status: [
    ["data", "stream_id"],
    ["data", "request_id"],
    ["data", "pipeline"],
  ],
  stream_ingest_metrics: [
    ["data", "stream_id"],
    ["data", "request_id"],
  ],
  stream_trace: [["id"], ["data", "stream_id"], ["data", "request_id"], ["data", "type"]],
  network_capabilities: [["data"]],
  ai_stream_events: [
    ["data", "stream_id"],
    ["data", "request_id"],
    ["data", "pipeline"],
    ["data", "type"],
  ],
  discovery_results: [["data"]],
  // data.requestID is deliberately not required.
  create_new_payment: [
    ["data", "sessionID"],
    ["data", "manifestID"],
    ["data", "sender"],
    ["data", "recipient"],
    ["data", "orchestrator"],
    ["data", "faceValue"],
    ["data", "numTickets"],
    ["data", "price"],
    ["data", "winProb"],
  ],
};
