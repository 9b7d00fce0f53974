import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, type CursorPayload } from "../../src/queries/cursor.js";

// serving.md §8.3 example.
const EXAMPLE: CursorPayload = {
  v: 1,
  e: "/v1/sla/compliance",
  s: 1772006400000,
  t: 1772092800000,
  f: { orchestrator_address: "0xcanon" },
  w: 1772049600000,
  k: ["0xcanon", "live-video-to-video", "streamdiffusion-sdxl", "GPU-A", ""],
};
const EXAMPLE_TEXT =
  "eyJ2IjoxLCJlIjoiL3YxL3NsYS9jb21wbGlhbmNlIiwicyI6MTc3MjAwNjQwMDAwMCwidCI6MTc3MjA5MjgwMDAwMCwiZiI6eyJvcmNoZXN0cmF0b3JfYWRkcmVzcyI6IjB4Y2Fub24ifSwidyI6MTc3MjA0OTYwMDAwMCwiayI6WyIweGNhbm9uIiwibGl2ZS12aWRlby10by12aWRlbyIsInN0cmVhbWRpZmZ1c2lvbi1zZHhsIiwiR1BVLUEiLCIiXX0";

describe("cursor (serving.md §8.3)", () => {
  it("encodes the spec example to the spec string, and decodes it back", () => {
    expect(encodeCursor(EXAMPLE)).toBe(EXAMPLE_TEXT);
    expect(decodeCursor(EXAMPLE_TEXT)).toEqual(EXAMPLE);
  });

  it("key order is fixed whatever the object's order; unicode keys round-trip", () => {
    const shuffled = {
      k: ["é😀", "'; DROP TABLE x; --"],
      w: 5,
      f: {},
      t: 2,
      s: 1,
      e: "/x",
      v: 1 as const,
    };
    const text = encodeCursor(shuffled);
    expect(JSON.parse(Buffer.from(text, "base64url").toString("utf8"))).toEqual(shuffled);
    expect(
      Object.keys(JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as object),
    ).toEqual(["v", "e", "s", "t", "f", "w", "k"]);
    expect(decodeCursor(text)).toEqual(shuffled);
  });

  it.each([
    ["padding", `${EXAMPLE_TEXT}=`],
    ["standard base64 characters", EXAMPLE_TEXT.replace(/_/g, "/").replace(/-/g, "+") + "+/"],
    ["not JSON", Buffer.from("hello").toString("base64url")],
    ["wrong version", encodeCursor({ ...EXAMPLE, v: 1 }).replace("eyJ2Ijox", "eyJ2Ijoy")],
    ["extra field", Buffer.from(JSON.stringify({ ...EXAMPLE, x: 1 })).toString("base64url")],
    [
      "missing field",
      Buffer.from(JSON.stringify({ ...EXAMPLE, k: undefined })).toString("base64url"),
    ],
    ["negative time", Buffer.from(JSON.stringify({ ...EXAMPLE, w: -1 })).toString("base64url")],
    ["non-canonical trailing bits", `${EXAMPLE_TEXT.slice(0, -1)}1`],
    ["empty", ""],
  ])("rejects a malformed cursor: %s", (_, text) => {
    expect(decodeCursor(text)).toBeUndefined();
  });
});
