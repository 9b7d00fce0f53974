import {
  addEvent,
  createRecordParser,
  emptySession,
  finishSession,
  lifecycleEventsOf,
  SnapshotIndex,
  type LifecycleEvent,
  type RawNetworkCapabilitiesRow,
  type RawTypedTableName,
} from "@livepeer-analytics/core";
import { describe, expect, it } from "vitest";
import { StringPool } from "../../src/pipeline/string-pool.js";
import { corpus } from "../support/kafka-harness.js";

describe("StringPool", () => {
  it("returns one instance per text and starts over at its bound", () => {
    const pool = new StringPool(2);
    const a = pool.intern(["a", "b"].join(""));
    expect(pool.intern("ab")).toBe(a);
    pool.intern("c");
    pool.intern("d"); // full: starts over
    expect(pool.intern("ab")).toBe("ab");
  });

  it("pooled events derive the same facts as the parsed ones (every session of a corpus)", () => {
    const parse = createRecordParser({ org: "o" });
    const index = new SnapshotIndex();
    const bySession = new Map<string, LifecycleEvent[]>();
    for (const line of corpus(12, 3)) {
      const r = parse(line, { topic: "t", partition: 0, offset: 0, recordTimestamp: null });
      if (r.kind !== "accepted") continue;
      for (const name of Object.keys(r.rows) as RawTypedTableName[]) {
        for (const row of r.rows[name] ?? []) {
          if (name === "raw_network_capabilities") index.add(row as RawNetworkCapabilitiesRow);
          for (const ev of lifecycleEventsOf(name, row)) {
            const id = ev.row.workflow_session_id;
            bySession.set(id, [...(bySession.get(id) ?? []), ev]);
          }
        }
      }
    }
    expect(bySession.size).toBe(12);
    expect(index.size).toBeGreaterThan(0);
    const pool = new StringPool();
    for (const [id, events] of bySession) {
      const plain = emptySession(id);
      const pooled = emptySession(id);
      for (const ev of events) {
        addEvent(plain, ev);
        addEvent(pooled, pool.internEvent(ev));
      }
      expect(finishSession(pooled, index)).toEqual(finishSession(plain, index));
    }
  });
});
