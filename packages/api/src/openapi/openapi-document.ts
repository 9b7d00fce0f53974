import { SEMANTICS_VERSION } from "@livepeer-analytics/core";
import { z } from "zod";
import type { EndpointSpec } from "../endpoints/endpoint-spec.js";
import { envelopeSchema } from "../endpoints/response-envelope.js";
import { ProblemSchema } from "../http/problem.js";
import { querySchema } from "../params/query-schema.js";

type JsonObject = Record<string, unknown>;

const ERROR_RESPONSES: Readonly<Record<string, string>> = {
  "400": "Bad or unknown parameter, bad time window, bad limit, bad or mismatched cursor.",
  "404": "Unknown path.",
  "405": "Method other than GET.",
  "500": "Unexpected error (generic detail, no internals).",
  "503": "ClickHouse unavailable or timed out.",
};

/** JSON Schema (2020-12, as OpenAPI 3.1 uses) of a zod schema; shared ids become `$ref`s. */
function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonObject {
  const out = z.toJSONSchema(schema, {
    io,
    target: "draft-2020-12",
    unrepresentable: "any",
  }) as JsonObject;
  delete out["$schema"];
  return rewriteRefs(out) as JsonObject;
}

/** Points `#/$defs/X` references at `#/components/schemas/X`, where {@link hoistDefs} moves them. */
function rewriteRefs(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(rewriteRefs);
  if (v === null || typeof v !== "object") return v;
  const out: JsonObject = {};
  for (const [k, x] of Object.entries(v))
    out[k] =
      k === "$ref" && typeof x === "string"
        ? x.replace(/^#\/\$defs\//, "#/components/schemas/")
        : rewriteRefs(x);
  return out;
}

function parametersOf(spec: EndpointSpec): JsonObject[] {
  const schema = querySchema(spec);
  return Object.entries(schema.shape).map(([name, field]) => {
    const s = jsonSchema(field as z.ZodType, "input");
    const { description, example, ...rest } = s as { description?: string; example?: unknown };
    return {
      name,
      in: "query",
      required: false,
      ...(description === undefined ? {} : { description }),
      ...(example === undefined ? {} : { example }),
      schema: rest,
    };
  });
}

function problemResponses(): JsonObject {
  const out: JsonObject = {};
  for (const [status, description] of Object.entries(ERROR_RESPONSES))
    out[status] = {
      description,
      content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
    };
  return out;
}

/** Moves `$defs` of a generated schema into `components.schemas` (ids set with `.meta({ id })`). */
function hoistDefs(schema: JsonObject, components: JsonObject): JsonObject {
  const defs = schema["$defs"] as JsonObject | undefined;
  if (defs !== undefined) Object.assign(components, defs);
  const rest = { ...schema };
  delete rest["$defs"];
  return rest;
}

function operationOf(spec: EndpointSpec, components: JsonObject): JsonObject {
  const envelope = hoistDefs(jsonSchema(envelopeSchema(spec), "output"), components);
  return {
    get: {
      operationId: spec.rowName.replace(/Row$/, "").replace(/^./, (c) => c.toLowerCase()),
      summary: spec.summary,
      description: spec.description,
      parameters: [
        ...parametersOf(spec),
        {
          name: "X-Request-Id",
          in: "header",
          required: false,
          description:
            "Echoed as meta.request_id and in the X-Request-Id response header (≤ 128 printable ASCII).",
          schema: { type: "string", maxLength: 128 },
        },
      ],
      responses: {
        "200": {
          description: "One page of rows, window_start descending then grain keys ascending.",
          headers: { "X-Request-Id": { schema: { type: "string" } } },
          content: { "application/json": { schema: envelope } },
        },
        ...problemResponses(),
      },
    },
  };
}

/**
 * The OpenAPI 3.1 document of the API, generated from the zod schemas of the query strings,
 * the rows (clickhouse package), the envelope and the problem document.
 */
export function openApiDocument(endpoints: readonly EndpointSpec[]): JsonObject {
  const components: JsonObject = {};
  const paths: JsonObject = {};
  for (const spec of endpoints) paths[spec.path] = operationOf(spec, components);
  // ProblemSchema carries its own id: the generated root is a $ref to the hoisted definition.
  hoistDefs(jsonSchema(ProblemSchema, "output"), components);
  paths["/healthz"] = {
    get: {
      operationId: "health",
      summary: "Liveness of the API and its database",
      responses: {
        "200": {
          description: "ClickHouse answers.",
          content: { "application/json": { schema: healthSchema("ok") } },
        },
        "503": {
          description: "ClickHouse does not answer.",
          content: { "application/json": { schema: healthSchema("degraded") } },
        },
      },
    },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "livepeer-analytics API",
      version: SEMANTICS_VERSION,
      description:
        "Read-only analytics of the Livepeer AI live-video network (serving.md §8). GET only; " +
        "JSON, UTF-8; timestamps RFC 3339 UTC. Errors are RFC 7807 problem documents. Rows carry " +
        "additive counters: sum counters and recompute ratios when combining rows (serving.md §7).",
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    paths,
    components: { schemas: components },
  };
}

function healthSchema(status: string): JsonObject {
  return {
    type: "object",
    properties: { status: { const: status } },
    required: ["status"],
    additionalProperties: false,
  };
}
