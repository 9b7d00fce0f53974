import { capabilityPipelineSlug, lookupCapability } from "../taxonomy/capability-catalog.js";
import type { CapabilityInfo } from "../taxonomy/capability-catalog.js";
import {
  getPath,
  INT_RANGES,
  isJsonObject,
  nullableInt,
  nullableText,
  text,
} from "../values/json-value.js";
import type { JsonObject, JsonValue } from "../values/json-value.js";
import { priceCapability, priceColumns, selectPrice } from "./capability-price.js";
import type { PriceColumns } from "./capability-price.js";
import { modelConfigColumns, resolveHardwareModel } from "./capability-model-config.js";
import type { ModelConfigColumns } from "./capability-model-config.js";
import { integerLikeKeys } from "./integer-like-key.js";
import type { CapabilityRowBase, RawNetworkCapabilitiesRow } from "./raw-rows.js";

/** Columns shared by every row of one orchestrator element, without the capability columns. */
export type ElementBase = Omit<
  CapabilityRowBase,
  "capability_id" | "capability_name" | "capability_group"
>;

/** One `network_capabilities` element, pre-read for the four fan-outs (events.md §8.4). */
export interface CapabilityElement {
  readonly base: ElementBase;
  /** `capabilities` when an object. */
  readonly caps: JsonObject | null;
  /** `caps.constraints.PerCapability` when an object. */
  readonly perCap: JsonObject | null;
  /** `capabilities_prices` when an array, else empty. */
  readonly prices: readonly JsonValue[];
  /** `hardware` when an array, else empty. */
  readonly hardware: readonly JsonValue[];
  /** `text(caps.version)`. */
  readonly orchestratorVersion: string;
}

type GpuColumns = Pick<
  RawNetworkCapabilitiesRow,
  "gpu_id" | "gpu_name" | "gpu_memory_total" | "gpu_memory_free" | "gpu_major" | "gpu_minor"
>;

const NO_GPU: GpuColumns = {
  gpu_id: null,
  gpu_name: null,
  gpu_memory_total: null,
  gpu_memory_free: null,
  gpu_major: null,
  gpu_minor: null,
};

function gpuColumns(g: JsonValue | undefined): GpuColumns {
  return {
    gpu_id: nullableText(getPath(g, "id")),
    gpu_name: nullableText(getPath(g, "name")),
    gpu_memory_total: nullableInt(getPath(g, "memory_total"), INT_RANGES.UInt64),
    gpu_memory_free: nullableInt(getPath(g, "memory_free"), INT_RANGES.UInt64),
    gpu_major: nullableInt(getPath(g, "major"), INT_RANGES.UInt8),
    gpu_minor: nullableInt(getPath(g, "minor"), INT_RANGES.UInt8),
  };
}

/** Every key of a non-empty `gpu_info` object (§1.4 order), or one null-GPU entry. */
function gpuFanOut(gpuInfo: JsonValue | undefined): readonly GpuColumns[] {
  if (!isJsonObject(gpuInfo)) return [NO_GPU];
  const keys = Object.keys(gpuInfo);
  return keys.length === 0 ? [NO_GPU] : keys.map((k) => gpuColumns(gpuInfo[k]));
}

/** The capability, model-config and price choice shared by the GPU rows of one hardware entry. */
interface SnapshotChoice {
  readonly hasHardware: 0 | 1;
  readonly pipeline: string;
  readonly modelId: string;
  readonly capability: CapabilityInfo;
  readonly cfg: ModelConfigColumns;
  readonly price: PriceColumns;
}

function choose(
  el: CapabilityElement,
  capabilityId: number | null,
  pipeline: string,
  modelId: string,
  cfg: JsonValue | undefined,
  hasHardware: 0 | 1,
): SnapshotChoice {
  const price = selectPrice(el.prices, capabilityId, modelId);
  const id = capabilityId ?? (price === undefined ? null : priceCapability(price));
  return {
    hasHardware,
    pipeline,
    modelId,
    capability: lookupCapability(id),
    cfg: modelConfigColumns(cfg),
    price: priceColumns(price),
  };
}

// Explicit literal in column order (no spreads): one stable object shape, fast to build.
function snapshotRow(
  el: CapabilityElement,
  c: SnapshotChoice,
  gpu: GpuColumns,
  ordinal: number,
): RawNetworkCapabilitiesRow {
  const b = el.base;
  return {
    event_timestamp: b.event_timestamp,
    raw_event_uid: b.raw_event_uid,
    org: b.org,
    gateway: b.gateway,
    source_event_id: b.source_event_id,
    snapshot_row_ordinal: ordinal,
    orchestrator_address: b.orchestrator_address,
    local_address: b.local_address,
    orch_uri: b.orch_uri,
    has_hardware: c.hasHardware,
    pipeline: c.pipeline,
    model_id: c.modelId,
    gpu_id: gpu.gpu_id,
    gpu_name: gpu.gpu_name,
    gpu_memory_total: gpu.gpu_memory_total,
    gpu_memory_free: gpu.gpu_memory_free,
    gpu_major: gpu.gpu_major,
    gpu_minor: gpu.gpu_minor,
    capability_id: c.capability.id,
    capability_name: c.capability.name,
    capability_group: c.capability.group,
    capability_catalog_version: b.capability_catalog_version,
    runner_version: c.cfg.runner_version,
    capacity: c.cfg.capacity,
    capacity_in_use: c.cfg.capacity_in_use,
    warm: c.cfg.warm,
    price_per_unit: c.price.price_per_unit,
    pixels_per_unit: c.price.pixels_per_unit,
    orchestrator_version: el.orchestratorVersion,
    raw_json: b.raw_json,
  };
}

/**
 * Appends the snapshot rows of one element to `out` (events.md §8.4a): hardware rows first (one
 * per GPU of each object `hardware` entry, or one null-GPU row), then hardware-less rows (D3: one
 * per `PerCapability` model not served by any hardware entry). `snapshot_row_ordinal` continues
 * from `out.length`, so it is the position in the whole event's snapshot output.
 */
export function appendSnapshotRows(el: CapabilityElement, out: RawNetworkCapabilitiesRow[]): void {
  const servedModels = new Set<string>();
  for (const hw of el.hardware) {
    if (!isJsonObject(hw)) continue;
    const modelId = text(hw["model_id"]);
    servedModels.add(modelId);
    const resolved = resolveHardwareModel(el.perCap, modelId);
    const choice = choose(
      el,
      resolved.capabilityId,
      text(hw["pipeline"]),
      modelId,
      resolved.cfg,
      1,
    );
    for (const gpu of gpuFanOut(hw["gpu_info"])) out.push(snapshotRow(el, choice, gpu, out.length));
  }
  if (el.perCap === null) return;
  for (const [key, id] of integerLikeKeys(el.perCap)) {
    const models = getPath(el.perCap, key, "models");
    if (!isJsonObject(models)) continue;
    const pipeline = capabilityPipelineSlug(id);
    for (const m of Object.keys(models)) {
      if (servedModels.has(m)) continue;
      out.push(snapshotRow(el, choose(el, id, pipeline, m, models[m], 0), NO_GPU, out.length));
    }
  }
}
