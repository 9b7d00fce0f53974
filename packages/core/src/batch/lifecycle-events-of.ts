import type {
  RawAiStreamEventRow,
  RawAiStreamStatusRow,
  RawStreamTraceEventRow,
  RawTypedTableName,
} from "../events/raw-rows.js";
import type { LifecycleEvent } from "../sessions/lifecycle-signal.js";

/**
 * The lifecycle event (sessions.md §3) of a typed row, if its table is a lifecycle family; the
 * row is kept without its `raw_json` text, which no derivation reads (keeps session state small).
 */
export function lifecycleEventsOf(table: RawTypedTableName, row: unknown): LifecycleEvent[] {
  switch (table) {
    case "raw_ai_stream_status":
      return [
        { family: "ai_stream_status", row: { ...(row as RawAiStreamStatusRow), raw_json: "" } },
      ];
    case "raw_stream_trace_events":
      return [
        { family: "stream_trace", row: { ...(row as RawStreamTraceEventRow), raw_json: "" } },
      ];
    case "raw_ai_stream_events":
      return [
        { family: "ai_stream_events", row: { ...(row as RawAiStreamEventRow), raw_json: "" } },
      ];
    default:
      return [];
  }
}
