import { describe, expect, it } from "vitest";
import { parseEvent } from "../../src/events/parse-event.js";
import { allEventFiles, sampleLines } from "./sample-files.js";

describe("every sample event is valid (events.md §11)", () => {
  const files = allEventFiles();
  it("finds the sample files", () => {
    expect(files.length).toBeGreaterThan(8);
  });
  it.each(files)("%s parses with zero rejections", (file) => {
    const lines = sampleLines(file);
    const offsets = lines.map((l, i) => {
      const r = parseEvent(l, {
        source: { topic: `file:${file}`, partition: 0, offset: i, recordTimestamp: null },
      });
      return r.kind === "rejected" ? `${i}: ${r.rejection.reason} ${r.rejection.details}` : r.kind;
    });
    expect(offsets.filter((k) => k !== "accepted")).toEqual([]);
  });
});
