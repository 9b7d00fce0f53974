import type {
  RawAiStreamEventRow,
  RawAiStreamStatusRow,
  RawStreamTraceEventRow,
  RawTypedTableName,
} from "../events/raw-rows.js";
import { aiEventSignal, statusSignal, traceSignal } from "../sessions/lifecycle-signal.js";
import type { LifecycleSignal } from "../sessions/lifecycle-signal.js";

/** The typed tables whose rows are lifecycle events (sessions.md §3). */
export type LifecycleTableName =
  "raw_ai_stream_status" | "raw_stream_trace_events" | "raw_ai_stream_events";

/** True for the tables of lifecycle families (their rows carry `workflow_session_id`). */
export function isLifecycleTable(table: RawTypedTableName): table is LifecycleTableName {
  return (
    table === "raw_ai_stream_status" ||
    table === "raw_stream_trace_events" ||
    table === "raw_ai_stream_events"
  );
}

/**
 * The lifecycle signal (sessions.md §3) of a lifecycle table's row: what batch derivation keeps
 * of it (never the row, nor its `raw_json` text). Equals `toSignal(lifecycleEventsOf(table,
 * row)[0])` without building the event.
 */
export function lifecycleSignalOf(table: LifecycleTableName, row: unknown): LifecycleSignal {
  switch (table) {
    case "raw_ai_stream_status":
      return statusSignal(row as RawAiStreamStatusRow);
    case "raw_stream_trace_events":
      return traceSignal(row as RawStreamTraceEventRow);
    case "raw_ai_stream_events":
      return aiEventSignal(row as RawAiStreamEventRow);
  }
}
