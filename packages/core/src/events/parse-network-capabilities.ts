import { CAPABILITY_CATALOG_VERSION, lookupCapability } from "../taxonomy/capability-catalog.js";
import { normalizeAddress } from "../values/java-trim.js";
import {
  getPath,
  INT_RANGES,
  isJsonObject,
  nullableInt,
  nullableText,
  text,
} from "../values/json-value.js";
import type { JsonObject, JsonValue } from "../values/json-value.js";
import { priceCapability, priceColumns } from "./capability-price.js";
import { modelConfigColumns } from "./capability-model-config.js";
import { appendSnapshotRows } from "./capability-snapshot-rows.js";
import type { CapabilityElement } from "./capability-snapshot-rows.js";
import { integerLikeKeys } from "./integer-like-key.js";
import type { ParseContext } from "./parse-context.js";
import type {
  RawNetworkCapabilitiesAdvertisedRow,
  RawNetworkCapabilitiesModelConstraintRow,
  RawNetworkCapabilitiesPriceRow,
  RawNetworkCapabilitiesRow,
  TypedRows,
} from "./raw-rows.js";

interface FanOuts {
  readonly snapshot: RawNetworkCapabilitiesRow[];
  readonly advertised: RawNetworkCapabilitiesAdvertisedRow[];
  readonly constraints: RawNetworkCapabilitiesModelConstraintRow[];
  readonly prices: RawNetworkCapabilitiesPriceRow[];
}

/**
 * `network_capabilities` → the four capability fan-outs (events.md §8.4): snapshot rows
 * (`raw_network_capabilities`), advertised capacities, model constraints and prices.
 *
 * `data` is one orchestrator object or an array of them; non-object and empty elements are
 * skipped. Ordinals (`snapshot_row_ordinal`, `row_ordinal`) are zero-based over the whole event.
 * Tables with no rows are omitted from the result.
 * @example E6: the 4-orchestrator sample gives 5 / 64 / 4 / 4 rows.
 */
export function parseNetworkCapabilities(ctx: ParseContext): TypedRows {
  const elements: readonly JsonValue[] = Array.isArray(ctx.data) ? ctx.data : [ctx.data];
  const out: FanOuts = { snapshot: [], advertised: [], constraints: [], prices: [] };
  for (const e of elements) {
    if (!isJsonObject(e) || isEmpty(e)) continue;
    const el = readElement(ctx, e);
    appendSnapshotRows(el, out.snapshot);
    appendAdvertised(el, out.advertised);
    appendConstraints(el, out.constraints);
    appendPrices(el, out.prices);
  }
  const rows: {
    raw_network_capabilities?: RawNetworkCapabilitiesRow[];
    raw_network_capabilities_advertised?: RawNetworkCapabilitiesAdvertisedRow[];
    raw_network_capabilities_model_constraints?: RawNetworkCapabilitiesModelConstraintRow[];
    raw_network_capabilities_prices?: RawNetworkCapabilitiesPriceRow[];
  } = {};
  if (out.snapshot.length > 0) rows.raw_network_capabilities = out.snapshot;
  if (out.advertised.length > 0) rows.raw_network_capabilities_advertised = out.advertised;
  if (out.constraints.length > 0) rows.raw_network_capabilities_model_constraints = out.constraints;
  if (out.prices.length > 0) rows.raw_network_capabilities_prices = out.prices;
  return rows;
}

function isEmpty(o: JsonObject): boolean {
  for (const _ in o) return false;
  return true;
}

function readElement(ctx: ParseContext, e: JsonObject): CapabilityElement {
  const caps = isJsonObject(e["capabilities"]) ? e["capabilities"] : null;
  const perCap = getPath(caps, "constraints", "PerCapability");
  const prices = e["capabilities_prices"];
  const hardware = e["hardware"];
  return {
    base: {
      event_timestamp: ctx.base.event_timestamp,
      raw_event_uid: ctx.base.raw_event_uid,
      org: ctx.base.org,
      gateway: ctx.base.gateway,
      raw_json: JSON.stringify(e),
      source_event_id: ctx.eventId,
      orchestrator_address: normalizeAddress(text(e["address"])),
      local_address: normalizeAddress(text(e["local_address"])),
      orch_uri: text(e["orch_uri"]),
      capability_catalog_version: CAPABILITY_CATALOG_VERSION,
    },
    caps,
    perCap: isJsonObject(perCap) ? perCap : null,
    prices: Array.isArray(prices) ? prices : [],
    hardware: Array.isArray(hardware) ? hardware : [],
    orchestratorVersion: text(getPath(caps, "version")),
  };
}

/** (b) one row per integer-like key of `caps.capacities`. */
function appendAdvertised(el: CapabilityElement, out: RawNetworkCapabilitiesAdvertisedRow[]): void {
  const capacities = getPath(el.caps, "capacities");
  if (!isJsonObject(capacities)) return;
  const b = el.base;
  for (const [key, id] of integerLikeKeys(capacities)) {
    const cap = lookupCapability(id);
    out.push({
      event_timestamp: b.event_timestamp,
      raw_event_uid: b.raw_event_uid,
      org: b.org,
      gateway: b.gateway,
      source_event_id: b.source_event_id,
      row_ordinal: out.length,
      orchestrator_address: b.orchestrator_address,
      local_address: b.local_address,
      orch_uri: b.orch_uri,
      capability_id: cap.id,
      capability_name: cap.name,
      capability_group: cap.group,
      capability_catalog_version: b.capability_catalog_version,
      capacity: nullableInt(capacities[key], INT_RANGES.Int32),
      raw_json: b.raw_json,
    });
  }
}

/** (c) per integer-like `PerCapability` key whose `models` is an object, one row per model. */
function appendConstraints(
  el: CapabilityElement,
  out: RawNetworkCapabilitiesModelConstraintRow[],
): void {
  if (el.perCap === null) return;
  const b = el.base;
  for (const [key, id] of integerLikeKeys(el.perCap)) {
    const models = getPath(el.perCap, key, "models");
    if (!isJsonObject(models)) continue;
    const cap = lookupCapability(id);
    for (const m of Object.keys(models)) {
      const cfg = modelConfigColumns(models[m]);
      out.push({
        event_timestamp: b.event_timestamp,
        raw_event_uid: b.raw_event_uid,
        org: b.org,
        gateway: b.gateway,
        source_event_id: b.source_event_id,
        row_ordinal: out.length,
        orchestrator_address: b.orchestrator_address,
        local_address: b.local_address,
        orch_uri: b.orch_uri,
        capability_id: cap.id,
        capability_name: cap.name,
        capability_group: cap.group,
        capability_catalog_version: b.capability_catalog_version,
        model_id: m,
        runner_version: cfg.runner_version,
        capacity: cfg.capacity,
        capacity_in_use: cfg.capacity_in_use,
        warm: cfg.warm,
        raw_json: b.raw_json,
      });
    }
  }
}

/** (d) one row per element of `capabilities_prices`. */
function appendPrices(el: CapabilityElement, out: RawNetworkCapabilitiesPriceRow[]): void {
  const b = el.base;
  for (const p of el.prices) {
    const cap = lookupCapability(priceCapability(p));
    const price = priceColumns(p);
    out.push({
      event_timestamp: b.event_timestamp,
      raw_event_uid: b.raw_event_uid,
      org: b.org,
      gateway: b.gateway,
      source_event_id: b.source_event_id,
      row_ordinal: out.length,
      orchestrator_address: b.orchestrator_address,
      local_address: b.local_address,
      orch_uri: b.orch_uri,
      capability_id: cap.id,
      capability_name: cap.name,
      capability_group: cap.group,
      capability_catalog_version: b.capability_catalog_version,
      constraint_name: nullableText(getPath(p, "constraint")),
      price_per_unit: price.price_per_unit,
      pixels_per_unit: price.pixels_per_unit,
      raw_json: b.raw_json,
    });
  }
}
