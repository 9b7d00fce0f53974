import type { ParseResult } from "@livepeer-analytics/core";

/**
 * The Kafka key of a parsed record: the `workflow_session_id` of its first typed row, so every
 * event of a session lands on one partition (the consumer's session cache relies on it); null
 * (unkeyed) for a rejected or unknown record, or one without a session.
 */
export function sessionKey(parsed: ParseResult): string | null {
  if (parsed.kind !== "accepted") return null;
  for (const list of Object.values(parsed.rows) as Array<unknown[] | undefined>) {
    const row = list?.[0] as { workflow_session_id?: unknown } | undefined;
    if (typeof row?.workflow_session_id === "string" && row.workflow_session_id !== "") {
      return row.workflow_session_id;
    }
  }
  return null;
}
