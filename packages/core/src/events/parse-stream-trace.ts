import { workflowSessionId } from "../identity/workflow-session-id.js";
import { normalizeAddress } from "../values/java-trim.js";
import { text } from "../values/json-value.js";
import { parseTimestamp } from "../values/timestamp.js";
import { asObject } from "./json-field.js";
import type { ParseContext } from "./parse-context.js";
import type { RawStreamTraceEventRow, TypedRows } from "./raw-rows.js";

/**
 * `stream_trace` → one `raw_stream_trace_events` row (events.md §8.3).
 *
 * `trace_type` = `text(data.type)`; orchestrator address normalized; `data_timestamp` =
 * `ts(data.timestamp)`, or the envelope timestamp when that is absent or 0.
 */
export function parseStreamTrace(ctx: ParseContext): TypedRows {
  const d = asObject(ctx.data);
  const info = asObject(d?.["orchestrator_info"]);
  const streamId = text(d?.["stream_id"]);
  const requestId = text(d?.["request_id"]);
  const dataTs = parseTimestamp(d?.["timestamp"]);
  const row: RawStreamTraceEventRow = {
    event_timestamp: ctx.base.event_timestamp,
    raw_event_uid: ctx.base.raw_event_uid,
    org: ctx.base.org,
    gateway: ctx.base.gateway,
    raw_json: ctx.base.raw_json,
    workflow_session_id: workflowSessionId(streamId, requestId, ctx.eventId),
    stream_id: streamId,
    request_id: requestId,
    trace_type: text(d?.["type"]),
    orchestrator_address: normalizeAddress(text(info?.["address"])),
    orchestrator_url: text(info?.["url"]),
    data_timestamp: dataTs === undefined || dataTs === 0 ? ctx.base.event_timestamp : dataTs,
  };
  return { raw_stream_trace_events: [row] };
}
