import { workflowSessionId } from "../identity/workflow-session-id.js";
import { text } from "../values/json-value.js";
import { asObject } from "./json-field.js";
import type { ParseContext } from "./parse-context.js";
import type { RawAiStreamEventRow, TypedRows } from "./raw-rows.js";

/**
 * `ai_stream_events` → one `raw_ai_stream_events` row (events.md §8.5): `text` of
 * `data.stream_id/request_id/pipeline/type/message/capability` (`type` → `event_type`).
 */
export function parseAiStreamEvents(ctx: ParseContext): TypedRows {
  const d = asObject(ctx.data);
  const streamId = text(d?.["stream_id"]);
  const requestId = text(d?.["request_id"]);
  const row: RawAiStreamEventRow = {
    event_timestamp: ctx.base.event_timestamp,
    raw_event_uid: ctx.base.raw_event_uid,
    org: ctx.base.org,
    gateway: ctx.base.gateway,
    raw_json: ctx.base.raw_json,
    workflow_session_id: workflowSessionId(streamId, requestId, ctx.eventId),
    stream_id: streamId,
    request_id: requestId,
    pipeline: text(d?.["pipeline"]),
    event_type: text(d?.["type"]),
    message: text(d?.["message"]),
    capability: text(d?.["capability"]),
  };
  return { raw_ai_stream_events: [row] };
}
