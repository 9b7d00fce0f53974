import {
  addEvent,
  emptySession,
  finishSession,
  SnapshotIndex,
  type SessionAccumulator,
} from "@livepeer-analytics/core";
import { describe, expect, it } from "vitest";
import { WarmSessions } from "../../src/pipeline/warm-sessions.js";
import { corpusSessions } from "../support/corpus-sessions.js";

/** Accumulators of a small corpus, every one derived once (so each holds core's finish cache). */
function derivedSessions(): SessionAccumulator[] {
  const index = new SnapshotIndex();
  return [...corpusSessions(3, 9).bySession].map(([id, events]) => {
    const acc = emptySession(id);
    for (const ev of events) addEvent(acc, ev);
    finishSession(acc, index);
    return acc;
  });
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
