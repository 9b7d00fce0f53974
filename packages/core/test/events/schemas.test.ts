import { describe, expect, it } from "vitest";
import { EnvelopeSchema, EVENT_SCHEMAS } from "../../src/events/schemas.js";
import { isEventFamily } from "../../src/events/event-families.js";
import { allEventFiles, sampleLines } from "./sample-files.js";

describe("zod schemas (events.md §4, lenient)", () => {
  it("accept every sample event, with unknown keys passed through", () => {
    for (const file of allEventFiles())
      for (const line of sampleLines(file)) {
        const v = JSON.parse(line) as { type: string };
        if (!isEventFamily(v.type)) throw new Error(v.type);
        const parsed = EVENT_SCHEMAS[v.type].safeParse(v);
        expect(parsed.success, `${file}: ${parsed.error?.message ?? ""}`).toBe(true);
        expect(parsed.data).toEqual(v);
      }
  });

  it("reject what the ordered checks reject", () => {
    const s = EVENT_SCHEMAS.ai_stream_status;
    const ok = {
      type: "ai_stream_status",
      timestamp: "1",
      data: { stream_id: 0, request_id: false, pipeline: {} },
    };
    expect(s.safeParse(ok).success).toBe(true);
    expect(s.safeParse({ ...ok, data: { ...ok.data, stream_id: "" } }).success).toBe(false);
    expect(s.safeParse({ ...ok, data: { ...ok.data, stream_id: null } }).success).toBe(false);
    expect(s.safeParse({ ...ok, timestamp: "17e11" }).success).toBe(false);
    expect(
      EVENT_SCHEMAS.discovery_results.safeParse({
        type: "discovery_results",
        timestamp: 1,
        data: [],
      }).success,
    ).toBe(false);
    expect(
      EVENT_SCHEMAS.network_capabilities.safeParse({
        type: "network_capabilities",
        timestamp: 1,
        data: "x",
      }).success,
    ).toBe(false);
    expect(
      EVENT_SCHEMAS.stream_trace.safeParse({
        type: "stream_trace",
        timestamp: 1,
        data: { stream_id: "s", request_id: "r", type: "t" },
      }).success,
    ).toBe(false);
  });

  it("envelope: data null is present, missing data is not", () => {
    expect(EnvelopeSchema.safeParse({ type: "x", timestamp: 1, data: null }).success).toBe(true);
    expect(EnvelopeSchema.safeParse({ type: "x", timestamp: 1 }).success).toBe(false);
    expect(EnvelopeSchema.safeParse({ type: 7, timestamp: 1, data: {} }).success).toBe(false);
  });
});
