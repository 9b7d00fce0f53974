import { describe, expect, it } from "vitest";
import {
  decideAttribution,
  freshnessRank,
  isStale,
} from "../../src/attribution/attribution-decision.js";

describe("attribution decision (sessions.md §7.1)", () => {
  it("matches the spec examples", () => {
    expect(decideAttribution(1000, 1000, 10000)).toEqual({
      method: "exact_orchestrator_time_match",
      confidence: 1.0,
    });
    expect(decideAttribution(2000, 1500, 1000)).toEqual({
      method: "nearest_prior_snapshot",
      confidence: 0.9,
    });
    expect(decideAttribution(2000, 2500, 1000)).toEqual({
      method: "nearest_snapshot_within_ttl",
      confidence: 0.7,
    });
    expect(decideAttribution(2000, 20000, 1000)).toEqual({
      method: "proxy_address_join",
      confidence: 0.4,
    });
  });

  it("is inclusive at the TTL boundary and stale beyond it", () => {
    expect(decideAttribution(2000, 1000, 1000).method).toBe("nearest_prior_snapshot");
    expect(decideAttribution(1000, 2000, 1000).method).toBe("nearest_snapshot_within_ttl");
    expect(decideAttribution(3001, 2000, 1000).method).toBe("proxy_address_join");
    expect(isStale(decideAttribution(0, 5000, 1000))).toBe(true);
    expect(isStale(decideAttribution(0, 500, 1000))).toBe(false);
  });

  it("freshness ranks 0..4", () => {
    expect(freshnessRank(10, 10, 5)).toBe(0);
    expect(freshnessRank(10, 6, 5)).toBe(1);
    expect(freshnessRank(10, 14, 5)).toBe(2);
    expect(freshnessRank(10, 1, 5)).toBe(3);
    expect(freshnessRank(10, 19, 5)).toBe(4);
  });
});
