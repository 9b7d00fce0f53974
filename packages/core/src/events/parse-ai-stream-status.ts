import { workflowSessionId } from "../identity/workflow-session-id.js";
import { normalizeAddress } from "../values/java-trim.js";
import { float, INT_RANGES, int, nullableText, text } from "../values/json-value.js";
import { parseTimestamp } from "../values/timestamp.js";
import { asObject } from "./json-field.js";
import type { ParseContext } from "./parse-context.js";
import type { RawAiStreamStatusRow, TypedRows } from "./raw-rows.js";

/**
 * `ai_stream_status` → one `raw_ai_stream_status` row (events.md §8.1).
 *
 * Reads `data.stream_id/request_id/pipeline/state`, `orchestrator_info.address` (normalized) and
 * `.url`, `inference_status.fps/restart_count/last_error/last_error_time/last_params_hash`,
 * `inference_status.last_params.prompt/width/height`, `input_status.fps`, `start_time`.
 * Missing values take the helper defaults (0, `""`, null); fps are Float64.
 */
export function parseAiStreamStatus(ctx: ParseContext): TypedRows {
  const d = asObject(ctx.data);
  const inference = asObject(d?.["inference_status"]);
  const params = asObject(inference?.["last_params"]);
  const info = asObject(d?.["orchestrator_info"]);
  const streamId = text(d?.["stream_id"]);
  const requestId = text(d?.["request_id"]);
  const row: RawAiStreamStatusRow = {
    event_timestamp: ctx.base.event_timestamp,
    raw_event_uid: ctx.base.raw_event_uid,
    org: ctx.base.org,
    gateway: ctx.base.gateway,
    raw_json: ctx.base.raw_json,
    workflow_session_id: workflowSessionId(streamId, requestId, ctx.eventId),
    stream_id: streamId,
    request_id: requestId,
    orchestrator_address: normalizeAddress(text(info?.["address"])),
    orchestrator_url: text(info?.["url"]),
    pipeline: text(d?.["pipeline"]),
    state: text(d?.["state"]),
    output_fps: float(inference?.["fps"]),
    input_fps: float(asObject(d?.["input_status"])?.["fps"]),
    restart_count: int(inference?.["restart_count"], INT_RANGES.UInt32),
    last_error: nullableText(inference?.["last_error"]),
    last_error_time: parseTimestamp(inference?.["last_error_time"]) ?? null,
    params_hash: text(inference?.["last_params_hash"]),
    prompt_text: nullableText(params?.["prompt"]),
    prompt_width: int(params?.["width"], INT_RANGES.UInt16),
    prompt_height: int(params?.["height"], INT_RANGES.UInt16),
    start_time: parseTimestamp(d?.["start_time"]) ?? null,
  };
  return { raw_ai_stream_status: [row] };
}
