import { describe, expect, it } from "vitest";
import { parseFaceValueWei } from "../../src/events/face-value-wei.js";

describe("parseFaceValueWei (events.md §8.7)", () => {
  it("spec examples", () => {
    expect(parseFaceValueWei("2402400000000000 WEI")).toBe(2402400000000000n);
    expect(parseFaceValueWei("2416800000000000wei")).toBe(2416800000000000n);
    expect(parseFaceValueWei("0.0024 ETH")).toBeNull();
    expect(parseFaceValueWei(12)).toBe(12n);
  });
  it("numbers: non-negative integers up to 2^53", () => {
    expect(parseFaceValueWei(2 ** 53)).toBe(9007199254740992n);
    expect(parseFaceValueWei(2 ** 53 + 2)).toBeNull();
    expect(parseFaceValueWei(-1)).toBeNull();
    expect(parseFaceValueWei(1.5)).toBeNull();
    expect(parseFaceValueWei(0)).toBe(0n);
  });
  it("strings: exact digits, optional wei in any case, trimmed", () => {
    expect(parseFaceValueWei(" 123456789012345678901234567890 Wei ")).toBe(
      123456789012345678901234567890n,
    );
    expect(parseFaceValueWei("7")).toBe(7n);
    expect(parseFaceValueWei("7\tWeI")).toBe(7n);
    for (const bad of ["", "wei", "-5", "+5", "1e3", "5 gwei", "5 weis", "1,000", "0x10"])
      expect(parseFaceValueWei(bad)).toBeNull();
  });
  it("other JSON types", () => {
    expect(parseFaceValueWei(null)).toBeNull();
    expect(parseFaceValueWei(undefined)).toBeNull();
    expect(parseFaceValueWei(true)).toBeNull();
    expect(parseFaceValueWei(["1"])).toBeNull();
  });
});
