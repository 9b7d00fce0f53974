import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { TRACE_TYPES, traceCategory, traceTypeInfo } from "../../src/taxonomy/trace-types.js";

describe("trace taxonomy (sessions.md §5.1)", () => {
  it("categorizes by prefix, case-sensitive", () => {
    expect(traceCategory("gateway_receive_stream_request")).toBe("gateway");
    expect(traceCategory("orchestrator_swap")).toBe("orchestrator");
    expect(traceCategory("runner_send_first_processed_segment")).toBe("runner");
    expect(traceCategory("app_anything")).toBe("app");
    expect(traceCategory("stream_heartbeat")).toBe("other");
    expect(traceCategory("Gateway_x")).toBe("other");
    expect(traceCategory("")).toBe("other");
  });

  it("lists the session effects of the table", () => {
    expect(traceTypeInfo("gateway_receive_stream_request").effect).toBe("stream_request");
    expect(traceTypeInfo("gateway_receive_first_processed_segment").effect).toBe("first_processed");
    expect(traceTypeInfo("gateway_receive_few_processed_segments").effect).toBe("playable");
    expect(traceTypeInfo("gateway_no_orchestrators_available").effect).toBe("no_orchestrators");
    expect(traceTypeInfo("orchestrator_swap")).toMatchObject({
      effect: "swap",
      swapEvidence: true,
      terminal: false,
    });
    expect(traceTypeInfo("gateway_ingest_stream_closed")).toMatchObject({
      effect: "closed",
      terminal: true,
      swapEvidence: false,
      category: "gateway",
    });
    expect(traceTypeInfo("gateway_send_first_ingest_segment").effect).toBe("none");
    expect(traceTypeInfo("app_whatever")).toMatchObject({ category: "app", effect: "none" });
    expect(traceTypeInfo("error")).toMatchObject({ category: "other", effect: "none" });
  });

  it("only orchestrator_swap is swap evidence, only the close is terminal", () => {
    const swaps = [...TRACE_TYPES.values()].filter((t) => t.swapEvidence).map((t) => t.type);
    const terminals = [...TRACE_TYPES.values()].filter((t) => t.terminal).map((t) => t.type);
    expect(swaps).toEqual(["orchestrator_swap"]);
    expect(terminals).toEqual(["gateway_ingest_stream_closed"]);
  });

  it("category of any type agrees with the prefix rule", () => {
    fc.assert(
      fc.property(fc.string(), (t) => {
        expect(traceTypeInfo(t).category).toBe(traceCategory(t));
      }),
      { numRuns: 300 },
    );
  });
});
