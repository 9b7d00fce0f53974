import {
  addEvent,
  emptySession,
  finishSession,
  SnapshotIndex,
  type LifecycleEvent,
} from "@livepeer-analytics/core";
import { describe, expect, it } from "vitest";
import { createPipelineMetrics } from "../../src/index.js";
import { factLinesSince, type EmittedContent } from "../../src/pipeline/fact-emission.js";
import { corpusSessions } from "../support/corpus-sessions.js";

/** Lifecycle events of the longest session of a small corpus, in input order. */
function longestSession(): LifecycleEvent[] {
  const { bySession } = corpusSessions(4, 5);
  return [...bySession.values()].sort((a, b) => b.length - a.length)[0] ?? [];
}

const strip = (line: string): string => line.replace(/"version":"?\d+"?/, "");

describe("factLinesSince (sessions.md §4.5 omission of unchanged keyed rows)", () => {
  it("writes everything first, then only rows whose content changed; never drops a change", () => {
    const events = longestSession();
    expect(events.length).toBeGreaterThan(20);
    const id = events[0]?.row.workflow_session_id as string;
    const index = new SnapshotIndex();
    const m = createPipelineMetrics();
    const acc = emptySession(id);
    const sent: EmittedContent = new Map();
    /** Latest line per (table, key) as a reader with FINAL sees it, content without version. */
    const stored = new Map<string, string>();
    const keyOf = (table: string, line: string): string => {
      const r = JSON.parse(line) as { source_event_uid?: string; segment_index?: number };
      return `${table}/${r.source_event_uid ?? r.segment_index ?? ""}`;
    };
    let total = 0;
    let written = 0;
    for (let i = 0; i < events.length; i += 7) {
      for (const ev of events.slice(i, i + 7)) addEvent(acc, ev);
      const f = finishSession(acc, index);
      const lines = factLinesSince(f, sent, 1_000_000, m);
      for (const l of lines) stored.set(keyOf(l.table, l.line), strip(l.line));
      // Every row of the full derivation is what a reader of the latest rows sees.
      const all = factLinesSince(f, new Map(), 1_000_000, m);
      total += all.length;
      written += lines.length;
      for (const l of all) {
        if (l.table === "fact_workflow_session_segments") continue;
        expect(stored.get(keyOf(l.table, l.line)), l.table).toBe(strip(l.line));
      }
    }
    expect(written).toBeLessThan(total / 2);
  });
});
