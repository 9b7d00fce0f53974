import { addEvent, emptySession, finishSession } from "@livepeer-analytics/core";
import { describe, expect, it } from "vitest";
import { StringPool } from "../../src/pipeline/string-pool.js";
import { corpusSessions } from "../support/corpus-sessions.js";

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
    const { bySession, index } = corpusSessions(12, 3);
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
