import { emptySession } from "@livepeer-analytics/core";
import { describe, expect, it } from "vitest";
import { RecentEmissions } from "../../src/pipeline/recent-emissions.js";

describe("RecentEmissions", () => {
  it("keeps what was written for the most recent sessions only; others start empty", () => {
    const recent = new RecentEmissions(2);
    const [a, b, c] = ["a", "b", "c"].map((id) => emptySession(id));
    if (!a || !b || !c) throw new Error("sessions");
    recent.of(a).set("uid-a", []);
    recent.of(b).set("uid-b", []);
    expect(recent.of(a).has("uid-a")).toBe(true); // a is now the most recent
    recent.of(c).set("uid-c", []); // evicts b
    expect(recent.of(b).size).toBe(0);
    expect(recent.of(c).has("uid-c")).toBe(true);
    recent.forget(c);
    expect(recent.of(c).size).toBe(0);
    recent.of(a).set("uid-a", []);
    recent.clear();
    expect(recent.of(a).size).toBe(0);
  });

  it("keys by accumulator: a session rebuilt from storage knows nothing written", () => {
    const recent = new RecentEmissions(10);
    recent.of(emptySession("s")).set("uid", []);
    expect(recent.of(emptySession("s")).size).toBe(0);
  });
});
