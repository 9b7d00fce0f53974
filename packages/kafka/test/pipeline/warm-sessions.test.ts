import {
  addEvent,
  createRecordParser,
  emptySession,
  finishSession,
  lifecycleEventsOf,
  SnapshotIndex,
  type RawTypedTableName,
  type SessionAccumulator,
} from "@livepeer-analytics/core";
import { describe, expect, it } from "vitest";
import { WarmSessions } from "../../src/pipeline/warm-sessions.js";
import { corpus } from "../support/kafka-harness.js";

/** Accumulators of a small corpus, every one derived once (so each holds core's finish cache). */
function derivedSessions(): SessionAccumulator[] {
  const parse = createRecordParser({ org: "o" });
  const accs = new Map<string, SessionAccumulator>();
  for (const line of corpus(3, 9)) {
    const r = parse(line, { topic: "t", partition: 0, offset: 0, recordTimestamp: null });
    if (r.kind !== "accepted") continue;
    for (const name of Object.keys(r.rows) as RawTypedTableName[])
      for (const row of r.rows[name] ?? [])
        for (const ev of lifecycleEventsOf(name, row)) {
          const id = ev.row.workflow_session_id;
          let acc = accs.get(id);
          if (acc === undefined) accs.set(id, (acc = emptySession(id)));
          addEvent(acc, ev);
        }
  }
  const index = new SnapshotIndex();
  for (const acc of accs.values()) finishSession(acc, index);
  return [...accs.values()];
}

describe("WarmSessions", () => {
  it("keeps the finish cache of the most recently derived sessions only", () => {
    const accs = derivedSessions();
    expect(accs.length).toBeGreaterThanOrEqual(3);
    const [a, b, c] = accs as [SessionAccumulator, SessionAccumulator, SessionAccumulator];
    const warm = new WarmSessions(2);
    warm.touch(a);
    warm.touch(b);
    warm.touch(a); // a is the most recent again
    warm.touch(c); // b is the least recent: its cache goes
    expect(b.cache).toBeNull();
    expect(a.cache).not.toBeNull();
    expect(c.cache).not.toBeNull();
    expect(warm.size).toBe(2);
  });

  it("a cold session derives the same facts as a warm one", () => {
    const index = new SnapshotIndex();
    for (const acc of derivedSessions()) {
      const warmFacts = finishSession(acc, index);
      acc.cache = null;
      expect(finishSession(acc, index)).toEqual(warmFacts);
    }
  });
});
