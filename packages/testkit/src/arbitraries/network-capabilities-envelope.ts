import fc from "fast-check";
import type { JsonObject, JsonValue } from "@livepeer-analytics/core";
import {
  assembleEnvelope,
  envelopeParts,
  hexString,
  modelLabel,
  orchestratorUrl,
  walletAddress,
} from "./envelope-fields.js";

const gpuInfo: fc.Arbitrary<JsonObject> = fc
  .record({
    id: hexString(8).map((h) => `GPU-${h}-a3dd-5371-daec-b666af6ec29c`),
    name: fc.constantFrom(
      "NVIDIA GeForce RTX 4090",
      "NVIDIA GeForce RTX 5090",
      "NVIDIA GeForce RTX 3090",
    ),
    major: fc.constantFrom(8, 12),
    minor: fc.option(fc.constantFrom(6, 9), { nil: undefined }),
    memory_free: fc.nat(34_190_917_632),
    memory_total: fc.constantFrom(25_757_220_864, 34_190_917_632),
  })
  .map((g) => {
    const out: JsonObject = { id: g.id, name: g.name, major: g.major };
    if (g.minor !== undefined) out["minor"] = g.minor;
    out["memory_free"] = g.memory_free;
    out["memory_total"] = g.memory_total;
    return out;
  });

const capacities: JsonObject = {
  "0": 1,
  "1": 1,
  "2": 1,
  "10": 1,
  "11": 1,
  "12": 1,
  "14": 1,
  "26": 1,
  "35": 1,
};

/** A live-video element: capability 35, one hardware entry per GPU with `gpu_info["0"]`. */
const liveElement: fc.Arbitrary<JsonObject> = fc
  .record({
    address: walletAddress(),
    local: walletAddress(),
    uri: orchestratorUrl(),
    model: modelLabel(),
    gpus: fc.array(gpuInfo, { minLength: 1, maxLength: 3 }),
    price: fc.option(fc.integer({ min: 1000, max: 3000 }), { nil: null }),
    warm: fc.constantFrom<JsonValue>(true, false, 1),
  })
  .map((r) => ({
    address: r.address,
    local_address: r.local,
    orch_uri: r.uri,
    capabilities: {
      bitstring: [34426871807],
      capacities,
      version: "0.8.8",
      constraints: {
        PerCapability: {
          "35": {
            models: {
              [r.model]: {
                warm: r.warm,
                runnerVersion: "0.14.1",
                capacity: r.gpus.length,
                capacityInUse: 0,
              },
            },
          },
        },
      },
    },
    capabilities_prices:
      r.price === null
        ? null
        : [{ pricePerUnit: r.price, pixelsPerUnit: 1, capability: 35, constraint: r.model }],
    hardware: r.gpus.map((g) => ({
      pipeline: "live-video-to-video",
      model_id: r.model,
      gpu_info: { "0": g },
    })),
  }));

/** A hardware-less LLM element: capability 33, `hardware: null` (D3). */
const llmElement: fc.Arbitrary<JsonObject> = fc
  .record({ address: walletAddress(), local: walletAddress(), uri: orchestratorUrl() })
  .map((r) => ({
    address: r.address,
    local_address: r.local,
    orch_uri: r.uri,
    capabilities: {
      bitstring: [67133439],
      capacities: { "0": 1, "1": 1 },
      version: "0.8.9",
      constraints: {
        minVersion: "0.8.9",
        PerCapability: {
          "33": {
            models: { "meta-llama/Meta-Llama-3.1-8B-Instruct": { warm: true, capacity: 18 } },
          },
        },
      },
    },
    capabilities_prices: [
      {
        pricePerUnit: 98557231,
        pixelsPerUnit: 1,
        capability: 33,
        constraint: "meta-llama/Llama-4-Scout-17B-16E-Instruct",
      },
      {
        pricePerUnit: 98557231,
        pixelsPerUnit: 1,
        capability: 33,
        constraint: "meta-llama/Meta-Llama-3.1-8B-Instruct",
      },
    ],
    hardware: null,
  }));

/** Odd but valid elements: only an address, empty object, non-object. */
const oddElement: fc.Arbitrary<JsonValue> = fc.oneof(
  walletAddress().map((a) => ({ address: a })),
  fc.constantFrom<JsonValue>({}, "x", null, 7),
);

const element: fc.Arbitrary<JsonValue> = fc.oneof(
  { weight: 6, arbitrary: liveElement },
  { weight: 2, arbitrary: llmElement },
  { weight: 1, arbitrary: oddElement },
);

/**
 * Valid `network_capabilities` envelopes: `data` an array of 0–4 orchestrator elements (real
 * shapes: live-video with GPUs, hardware-less LLM, odd ones) or a single element object.
 */
export function networkCapabilitiesEnvelope(): fc.Arbitrary<JsonObject> {
  const data: fc.Arbitrary<JsonValue> = fc.oneof(
    { weight: 5, arbitrary: fc.array(element, { minLength: 0, maxLength: 4 }) },
    { weight: 1, arbitrary: liveElement },
  );
  return fc
    .tuple(envelopeParts(false), data)
    .map(([p, d]) => assembleEnvelope("network_capabilities", p, d));
}
