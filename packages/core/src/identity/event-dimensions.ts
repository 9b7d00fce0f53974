import { isJsonObject, text } from "../values/json-value.js";
import type { JsonValue } from "../values/json-value.js";
import { isBlank } from "../values/java-trim.js";

/** The three envelope dimensions of events.md §2; `null` = missing. Not normalized. */
export interface EventDimensions {
  readonly orchestrator: string | null;
  readonly broadcaster: string | null;
  readonly region: string | null;
}

/** All three dimensions missing (also used when `data` is not an object). */
export const NO_DIMENSIONS: EventDimensions = {
  orchestrator: null,
  broadcaster: null,
  region: null,
};

/**
 * Dimensions of an envelope root (events.md §2).
 *
 * orchestrator = `data.orchestrator_info.address` when `orchestrator_info` is an object and the
 * address is a non-blank string, else `data.orchestrator`; broadcaster = `data.broadcaster`;
 * region = `data.region`. Each value: non-empty string → itself; number/boolean → `text`;
 * anything else → null. All null when `data` is not an object.
 * @example eventDimensions({ data: { region: "eu", broadcaster: 7 } }) → { orchestrator: null, broadcaster: "7", region: "eu" }
 */
export function eventDimensions(root: JsonValue): EventDimensions {
  // `data` is never an Object.prototype member, so a plain read equals getPath(root, "data").
  const data = isJsonObject(root) ? root["data"] : undefined;
  if (!isJsonObject(data)) return NO_DIMENSIONS;
  const info = data["orchestrator_info"];
  const address = isJsonObject(info) ? info["address"] : undefined;
  const orchestrator =
    typeof address === "string" && !isBlank(address)
      ? address
      : dimensionValue(data["orchestrator"]);
  const broadcaster = dimensionValue(data["broadcaster"]);
  const region = dimensionValue(data["region"]);
  if (orchestrator === null && broadcaster === null && region === null) return NO_DIMENSIONS;
  return { orchestrator, broadcaster, region };
}

function dimensionValue(v: JsonValue | undefined): string | null {
  if (typeof v === "string") return v === "" ? null : v;
  if (typeof v === "number" || typeof v === "boolean") return text(v);
  return null;
}
