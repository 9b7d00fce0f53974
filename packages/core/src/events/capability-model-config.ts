import {
  getPath,
  INT_RANGES,
  isJsonObject,
  nullableInt,
  nullableText,
} from "../values/json-value.js";
import type { JsonObject, JsonValue } from "../values/json-value.js";
import { integerLikeKeys } from "./integer-like-key.js";

/** The model-config columns of snapshot and model-constraint rows (events.md §8.4a). */
export interface ModelConfigColumns {
  readonly runner_version: string | null;
  readonly capacity: number | null;
  readonly capacity_in_use: number | null;
  readonly warm: number | null;
}

/**
 * Columns of one `PerCapability.<id>.models.<model>` config: `warm` = 1/0 when boolean, else
 * `nullableInt`; `runner_version` = `nullableText(runnerVersion)`; `capacity`, `capacity_in_use`
 * = `nullableInt` (Int32). A missing or non-object config gives all nulls.
 */
export function modelConfigColumns(cfg: JsonValue | undefined): ModelConfigColumns {
  const warm = getPath(cfg, "warm");
  return {
    runner_version: nullableText(getPath(cfg, "runnerVersion")),
    capacity: nullableInt(getPath(cfg, "capacity"), INT_RANGES.Int32),
    capacity_in_use: nullableInt(getPath(cfg, "capacityInUse"), INT_RANGES.Int32),
    warm: typeof warm === "boolean" ? (warm ? 1 : 0) : nullableInt(warm, INT_RANGES.Int32),
  };
}

/** The model config and capability id a hardware entry resolves to (null id = unknown). */
export interface ResolvedModel {
  readonly capabilityId: number | null;
  readonly cfg: JsonValue | undefined;
}

const UNRESOLVED: ResolvedModel = { capabilityId: null, cfg: undefined };

/**
 * Resolves a hardware entry's `model_id` against `PerCapability` (events.md §8.4a): the first
 * integer-like key whose `models` object has the key `modelId` exactly; else the first
 * integer-like key whose `models` is a non-empty object, with its first model's config (even for
 * another model — reference quirk, kept); else unresolved.
 */
export function resolveHardwareModel(perCap: JsonObject | null, modelId: string): ResolvedModel {
  if (perCap === null) return UNRESOLVED;
  let fallback: ResolvedModel = UNRESOLVED;
  for (const [key, id] of integerLikeKeys(perCap)) {
    const models = getPath(perCap, key, "models");
    if (!isJsonObject(models)) continue;
    if (Object.prototype.hasOwnProperty.call(models, modelId))
      return { capabilityId: id, cfg: models[modelId] };
    if (fallback === UNRESOLVED) {
      const first = Object.keys(models)[0];
      if (first !== undefined) fallback = { capabilityId: id, cfg: models[first] };
    }
  }
  return fallback;
}
