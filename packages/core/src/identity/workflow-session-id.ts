import { javaTrim } from "../values/java-trim.js";

/**
 * `workflow_session_id` of sessions.md §2.2 from trimmed stream id S, request id R and event id E:
 * `S|R`, `S|_missing_request`, `_missing_stream|R`, `_missing_stream|_missing_request|E`, or
 * `_missing_stream|_missing_request|_missing_event`. No hashing, no lowercasing.
 * @example workflowSessionId(" s ", " r ", "x") === "s|r"
 */
export function workflowSessionId(
  streamId: string | null | undefined,
  requestId: string | null | undefined,
  eventId: string | null | undefined,
): string {
  const s = javaTrim(streamId ?? "");
  const r = javaTrim(requestId ?? "");
  if (s !== "" && r !== "") return `${s}|${r}`;
  if (s !== "") return `${s}|_missing_request`;
  if (r !== "") return `_missing_stream|${r}`;
  const e = javaTrim(eventId ?? "");
  return e !== ""
    ? `_missing_stream|_missing_request|${e}`
    : "_missing_stream|_missing_request|_missing_event";
}
