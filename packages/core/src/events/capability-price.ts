import { getPath, INT_RANGES, nullableInt, text } from "../values/json-value.js";
import type { JsonValue } from "../values/json-value.js";

/**
 * Price entry of a snapshot row (events.md §8.4a): the first element `p` of `prices` with
 * (`capabilityId` null or `nullableInt(p.capability)` = `capabilityId`) and (`modelId` = `""` or
 * `text(p.constraint)` = `modelId`); else the first element; else `undefined` (no price).
 * Fields of a non-object element read as missing.
 */
export function selectPrice(
  prices: readonly JsonValue[],
  capabilityId: number | null,
  modelId: string,
): JsonValue | undefined {
  for (const p of prices) {
    if (capabilityId !== null && priceCapability(p) !== capabilityId) continue;
    if (modelId !== "" && text(getPath(p, "constraint")) !== modelId) continue;
    return p;
  }
  return prices[0];
}

/** `nullableInt(p.capability)` (Int32) of a price entry; null when missing or not an integer. */
export function priceCapability(p: JsonValue | undefined): number | null {
  return nullableInt(getPath(p, "capability"), INT_RANGES.Int32);
}

/** `price_per_unit` and `pixels_per_unit` (Nullable(Int64)) of a price entry. */
export interface PriceColumns {
  readonly price_per_unit: number | null;
  readonly pixels_per_unit: number | null;
}

/** The {@link PriceColumns} of a price entry (all null for a missing or non-object entry). */
export function priceColumns(p: JsonValue | undefined): PriceColumns {
  return {
    price_per_unit: nullableInt(getPath(p, "pricePerUnit"), INT_RANGES.Int64),
    pixels_per_unit: nullableInt(getPath(p, "pixelsPerUnit"), INT_RANGES.Int64),
  };
}
