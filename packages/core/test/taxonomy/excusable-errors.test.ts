import { describe, expect, it } from "vitest";
import {
  EXCUSABLE_ERROR_SUBSTRINGS,
  isExcusableMessage,
} from "../../src/taxonomy/excusable-errors.js";

describe("excusable errors (sessions.md §5.2)", () => {
  it("has the six substrings", () => {
    expect(EXCUSABLE_ERROR_SUBSTRINGS).toEqual([
      "no orchestrators available",
      "mediamtx ingest disconnected",
      "whip disconnected",
      "missing video",
      "ice connection state failed",
      "user disconnected",
    ]);
  });

  it("matches the spec examples", () => {
    expect(isExcusableMessage("WHIP disconnected unexpectedly")).toBe(true);
    expect(isExcusableMessage("no orchestrators available within 2s timeout")).toBe(true);
    expect(
      isExcusableMessage("Error publishing, wrote 123 dropping …connection reset by peer"),
    ).toBe(false);
    expect(isExcusableMessage("ICE connection state FAILED")).toBe(true);
    expect(isExcusableMessage("Missing Video track")).toBe(true);
    expect(isExcusableMessage("User Disconnected")).toBe(true);
    expect(isExcusableMessage("MediaMTX ingest disconnected")).toBe(true);
  });

  it("blank and null are not excusable", () => {
    expect(isExcusableMessage(null)).toBe(false);
    expect(isExcusableMessage(undefined)).toBe(false);
    expect(isExcusableMessage("   ")).toBe(false);
  });
});
