import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { createApiServer } from "../src/server/create-api-server.js";
import { call } from "./support/api-client.js";
import { stubDb } from "./support/stub-db.js";

const app = createApiServer({ db: stubDb({}) });

describe("/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const a = await call(app, "/openapi.json");
    expect(a.status).toBe(200);
    expect(a.json["openapi"]).toBe("3.1.0");
    const result = await new Validator().validate(a.json);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("lists the three v1 paths and /healthz, GET only", async () => {
    const paths = (await call(app, "/openapi.json")).json["paths"] as Record<string, object>;
    expect(Object.keys(paths).sort()).toEqual([
      "/healthz",
      "/v1/gpu/metrics",
      "/v1/network/demand",
      "/v1/sla/compliance",
    ]);
    for (const item of Object.values(paths)) expect(Object.keys(item)).toEqual(["get"]);
  });

  it("documents every parameter, the error responses and the row fields", async () => {
    const doc = (await call(app, "/openapi.json")).json as {
      paths: Record<string, { get: { parameters: Array<{ name: string }>; responses: object } }>;
      components: { schemas: Record<string, { properties: Record<string, object> }> };
    };
    const sla = doc.paths["/v1/sla/compliance"]?.get;
    expect(sla?.parameters.map((p) => p.name)).toEqual([
      "start",
      "end",
      "granularity",
      "limit",
      "cursor",
      "orchestrator_address",
      "pipeline",
      "model_id",
      "gpu_id",
      "region",
      "X-Request-Id",
    ]);
    expect(Object.keys(sla?.responses ?? {})).toEqual(["200", "400", "404", "405", "500", "503"]);
    expect(Object.keys(doc.components.schemas["SlaComplianceRow"]?.properties ?? {})).toContain(
      "sla_score",
    );
    expect(doc.components.schemas["NetworkDemandRow"]?.properties["fee_payment_wei"]).toEqual({
      type: "string",
      pattern: "^\\d+$",
    });
    expect(doc.components.schemas["GpuMetricsRow"]?.properties["window_start"]).toMatchObject({
      type: "string",
      format: "date-time",
    });
  });
});

describe("/docs", () => {
  it("renders every operation and schema in a self-contained page", async () => {
    const a = await call(app, "/docs");
    expect(a.status).toBe(200);
    expect(a.contentType).toBe("text/html; charset=utf-8");
    for (const p of ["/v1/gpu/metrics", "/v1/network/demand", "/v1/sla/compliance", "/healthz"])
      expect(a.text).toContain(`<code>${p}</code>`);
    expect(a.text).toContain('id="schema-SlaComplianceRow"');
    expect(a.text).not.toMatch(/(src|href)="https?:/);
    expect(a.headers["content-security-policy"]).toContain("default-src 'self'");
  });
});
