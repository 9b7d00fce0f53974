import { normalizeAddress } from "../values/java-trim.js";
import { INT_RANGES, int, text } from "../values/json-value.js";
import { field } from "./json-field.js";
import type { ParseContext } from "./parse-context.js";
import type { RawDiscoveryResultRow, TypedRows } from "./raw-rows.js";

/**
 * `discovery_results` → one `raw_discovery_results` row per element of the `data` array
 * (events.md §8.6): normalized `address`, `url`, `latency_ms` (UInt32, `"84"` → 84),
 * `element_index`, and `raw_json` = `JSON.stringify` of the element. Non-object elements give a
 * row of defaults.
 */
export function parseDiscoveryResults(ctx: ParseContext): TypedRows {
  const data = ctx.data;
  if (!Array.isArray(data)) return {};
  const rows: RawDiscoveryResultRow[] = [];
  for (let i = 0; i < data.length; i++) {
    const e = data[i];
    rows.push({
      event_timestamp: ctx.base.event_timestamp,
      raw_event_uid: ctx.base.raw_event_uid,
      org: ctx.base.org,
      gateway: ctx.base.gateway,
      raw_json: JSON.stringify(e) ?? "null",
      element_index: i,
      orchestrator_address: normalizeAddress(text(field(e, "address"))),
      orchestrator_url: text(field(e, "url")),
      latency_ms: int(field(e, "latency_ms"), INT_RANGES.UInt32),
    });
  }
  return { raw_discovery_results: rows };
}
