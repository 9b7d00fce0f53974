import type { JsonObject, JsonValue } from "@livepeer-analytics/core";
import type { OrchestratorSpec } from "./network-layout.js";
import { activeHotWallet, liveModels } from "./network-layout.js";
import type { Prng } from "./prng.js";

const TRANSCODING_CAPS = [
  "0",
  "1",
  "2",
  "3",
  "4",
  "5",
  "6",
  "7",
  "8",
  "9",
  "10",
  "11",
  "12",
  "14",
  "26",
];

function capacities(extra: Readonly<Record<string, number>>): JsonObject {
  const out: JsonObject = {};
  for (const k of TRANSCODING_CAPS) out[k] = 1;
  for (const [k, v] of Object.entries(extra)) out[k] = v;
  return out;
}

function gpuInfo(g: OrchestratorSpec["gpus"][number], rng: Prng): JsonObject {
  const info: JsonObject = { id: g.id, name: g.name, major: g.major };
  if (g.minor !== null) info["minor"] = g.minor;
  info["memory_free"] = g.memoryTotal - rng.int(0, 4) * 134217728;
  info["memory_total"] = g.memoryTotal;
  return { "0": info };
}

function liveElement(o: OrchestratorSpec, hot: string, rng: Prng): JsonObject {
  const models: JsonObject = {};
  const prices: JsonValue[] = [];
  for (const m of liveModels(o)) {
    const capacity = o.gpus.filter((g) => g.model === m).length;
    models[m] = {
      warm: true,
      runnerVersion: o.runnerVersion,
      capacity,
      capacityInUse: rng.int(0, capacity),
    };
    prices.push({ pricePerUnit: o.pricePerUnit, pixelsPerUnit: 1, capability: 35, constraint: m });
  }
  return {
    address: o.canonical,
    local_address: hot,
    orch_uri: o.url,
    capabilities: {
      bitstring: [34426871807],
      capacities: capacities({ "35": o.gpus.length }),
      version: o.version,
      constraints: { PerCapability: { "35": { models } } },
    },
    capabilities_prices: prices,
    hardware: o.gpus.map((g) => ({
      pipeline: "live-video-to-video",
      model_id: g.model,
      gpu_info: gpuInfo(g, rng),
    })),
  };
}

function llmElement(o: OrchestratorSpec, hot: string, rng: Prng): JsonObject {
  const models: JsonObject = {};
  const prices: JsonValue[] = [];
  for (const m of o.llmModels) {
    models[m] = { warm: true, capacity: rng.int(1, 32) };
    prices.push({ pricePerUnit: o.pricePerUnit, pixelsPerUnit: 1, capability: 33, constraint: m });
  }
  return {
    address: o.canonical,
    local_address: hot,
    orch_uri: o.url,
    capabilities: {
      bitstring: [67133439],
      capacities: capacities({}),
      version: o.version,
      constraints: { minVersion: o.version, PerCapability: { "33": { models } } },
    },
    capabilities_prices: prices,
    hardware: null,
  };
}

/**
 * One `network_capabilities` element (the real shape of events.md §8.4 / `getNetworkCapabilities`)
 * for orchestrator `o` as published at time `t` (its hot wallet active at `t`).
 *
 * Live-video: PerCapability["35"].models[model] = {warm, runnerVersion, capacity, capacityInUse},
 * a price per model, and one hardware element per GPU with `gpu_info["0"]`. LLM: PerCapability
 * ["33"], `hardware: null`.
 */
export function capabilityElement(o: OrchestratorSpec, t: number, rng: Prng): JsonObject {
  const hot = activeHotWallet(o, t);
  return o.kind === "live-video" ? liveElement(o, hot, rng) : llmElement(o, hot, rng);
}

/**
 * A `network_capabilities` envelope listing every orchestrator (one element each) at time `t`.
 * @param gateway envelope `gateway` (the gateway that polled the orchestrators)
 */
export function capabilityEnvelope(
  orchestrators: readonly OrchestratorSpec[],
  t: number,
  gateway: string,
  rng: Prng,
): JsonObject {
  return {
    id: rng.uuid(),
    type: "network_capabilities",
    timestamp: String(t),
    gateway,
    data: orchestrators.map((o) => capabilityElement(o, t, rng)),
  };
}
