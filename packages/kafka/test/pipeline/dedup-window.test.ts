import { createHash } from "node:crypto";
import { parseEvent, type AcceptedEnvelope } from "@livepeer-analytics/core";
import { describe, expect, it } from "vitest";
import { createDedupWindow } from "../../src/pipeline/dedup-window.js";

const sha = (s: string): string => createHash("sha256").update(s).digest("hex");
const env = (offset: number): AcceptedEnvelope => {
  const r = parseEvent('{"id":"e1","type":"x","timestamp":1,"data":{}}', {
    source: { topic: "t", partition: 0, offset, recordTimestamp: null },
  });
  if (r.kind === "rejected") throw new Error("fixture");
  return r.envelope;
};

describe("dedup window", () => {
  it("treats a re-delivery of the first copy as first, another copy as duplicate", () => {
    const w = createDedupWindow(sha);
    expect(w.check(env(5), 1000).kind).toBe("first");
    expect(w.check(env(5), 2000).kind).toBe("first");
    expect(w.check(env(6), 2000).kind).toBe("duplicate");
  });

  it("seeds from stored keys (restart) and keeps their positions", () => {
    const w = createDedupWindow(sha, [["e1", 1000, "t/0/5"]]);
    expect(w.check(env(5), 2000).kind).toBe("first");
    expect(w.check(env(9), 2000).kind).toBe("duplicate");
  });

  it("accepts a copy again after the window", () => {
    const w = createDedupWindow(sha, [["e1", 1000, "t/0/5"]], 10);
    expect(w.check(env(9), 2000).kind).toBe("first");
  });
});
