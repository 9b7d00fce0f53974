import { describe, expect, it } from "vitest";
import { SLA_COMPLIANCE_ENDPOINT } from "../../src/endpoints/endpoint-spec.js";
import {
  envelopeBytes,
  envelopeHead,
  envelopeTail,
  MetaSchema,
} from "../../src/endpoints/response-envelope.js";
import type { ResolvedQuery, ServingRow } from "../../src/endpoints/endpoint-spec.js";

const q: ResolvedQuery = {
  start: Date.UTC(2026, 1, 25, 8, 0, 0, 5),
  end: Date.UTC(2026, 1, 26, 8),
  granularity: "1d",
  limit: 50,
  filters: {},
};

describe("envelope bytes", () => {
  it("are the head, this response's meta and the query's fixed meta, as one JSON document", () => {
    const head = envelopeHead(SLA_COMPLIANCE_ENDPOINT, q, {
      rows: [{ window_start: Date.UTC(2026, 1, 25), region: "zürich ☃" } as ServingRow],
      nextCursor: null,
    });
    const bytes = envelopeBytes(Buffer.from(head), envelopeTail(q), {
      generatedAtMs: Date.UTC(2026, 1, 26, 8, 0, 0, 7),
      requestId: 'a "quoted"\\id',
    });
    const body = JSON.parse(bytes.toString("utf8")) as Record<string, unknown>;
    expect(body).toEqual({
      data: [{ window_start: "2026-02-25T00:00:00Z", region: "zürich ☃" }],
      pagination: { next_cursor: null, has_more: false },
      meta: {
        generated_at: "2026-02-26T08:00:00.007Z",
        request_id: 'a "quoted"\\id',
        semantics_version: "1.0.0",
        grain: "1d",
        window: { start: "2026-02-25T08:00:00.005Z", end: "2026-02-26T08:00:00Z" },
      },
    });
    expect(Object.keys(body["meta"] as object)).toEqual([
      "generated_at",
      "request_id",
      "semantics_version",
      "grain",
      "window",
    ]);
    expect(MetaSchema.safeParse(body["meta"]).success).toBe(true);
  });
});
