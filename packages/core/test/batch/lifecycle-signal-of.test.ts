import { describe, expect, it } from "vitest";
import { lifecycleEventsOf } from "../../src/batch/lifecycle-events-of.js";
import { isLifecycleTable, lifecycleSignalOf } from "../../src/batch/lifecycle-signal-of.js";
import { parseEvent } from "../../src/events/parse-event.js";
import type { RawTypedTableName } from "../../src/events/raw-rows.js";
import { toSignal } from "../../src/sessions/lifecycle-signal.js";
import { sampleLines } from "../events/sample-files.js";

/** Typed rows of the sample records, with their tables. */
function sampleRows(): [RawTypedTableName, unknown][] {
  const out: [RawTypedTableName, unknown][] = [];
  for (const line of sampleLines("events/event-log-2026-01-08.jsonl")) {
    const r = parseEvent(line);
    if (r.kind !== "accepted") continue;
    for (const [table, rows] of Object.entries(r.rows) as [RawTypedTableName, unknown[]][])
      for (const row of rows) out.push([table, row]);
  }
  return out;
}

describe("lifecycleSignalOf", () => {
  const rows = sampleRows();

  it("equals toSignal of the row's lifecycle event, for lifecycle tables only", () => {
    let n = 0;
    for (const [table, row] of rows) {
      const events = lifecycleEventsOf(table, row);
      expect(isLifecycleTable(table)).toBe(events.length === 1);
      if (!isLifecycleTable(table)) continue;
      expect(lifecycleSignalOf(table, row)).toEqual(toSignal(events[0]!));
      n++;
    }
    expect(n).toBeGreaterThan(10);
  });
});
