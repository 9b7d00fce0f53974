import { emptySession } from "@livepeer-analytics/core";
import { describe, expect, it } from "vitest";
import { SessionCache } from "../../src/pipeline/session-cache.js";

describe("SessionCache", () => {
  it("evicts the least recently used session beyond its bound", () => {
    const c = new SessionCache(2);
    c.set(emptySession("a"));
    c.set(emptySession("b"));
    expect(c.get("a")?.workflowSessionId).toBe("a");
    c.set(emptySession("c"));
    expect(c.get("b")).toBeUndefined();
    expect(c.get("a")).toBeDefined();
    expect(c.size).toBe(2);
  });
});
