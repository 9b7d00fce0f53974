import { describe, expect, it } from "vitest";
import { EVENT_FAMILIES, eventFamilyOf, isEventFamily } from "../../src/events/event-families.js";

describe("eventFamilyOf", () => {
  it("returns the family constant for an equal (fresh) string, null otherwise", () => {
    for (const family of EVENT_FAMILIES) {
      const fresh = (JSON.parse(JSON.stringify({ t: family })) as { t: string }).t;
      expect(eventFamilyOf(fresh)).toBe(family);
      expect(isEventFamily(fresh)).toBe(true);
    }
    expect(eventFamilyOf("AI_STREAM_STATUS")).toBeNull();
    expect(eventFamilyOf(" stream_trace")).toBeNull();
    expect(eventFamilyOf("")).toBeNull();
    expect(isEventFamily("x")).toBe(false);
  });
});
