import type {
  CapabilityRowBase,
  RawNetworkCapabilitiesAdvertisedRow,
  RawNetworkCapabilitiesModelConstraintRow,
  RawNetworkCapabilitiesPriceRow,
  RawNetworkCapabilitiesRow,
} from "../events/raw-rows.js";
import { defineTable } from "./table-spec.js";

// The capability dimensions of serving.md §1.3: 1:1 projections of the raw capability rows
// (raw rows are immutable), renamed to the dimension vocabulary.

/** Identity columns shared by the four `dim_orchestrator_capability_*` tables. */
export interface CapabilityDimBase {
  /** = `event_timestamp` of the raw row, epoch ms. */
  readonly snapshot_ts: number;
  readonly orchestrator_address: string;
  /** = `local_address` (hot / proxy wallet). */
  readonly orchestrator_proxy_address: string;
  /** = `orch_uri`. */
  readonly orchestrator_url: string;
  /** −1 when unknown (differs from reference view: 0). */
  readonly capability_id: number;
  readonly capability_name: string;
  readonly capability_group: string;
  /** = `raw_event_uid`. */
  readonly source_event_uid: string;
  /** Always null (no region is known for capability snapshots). */
  readonly region: string | null;
}

/** `dim_orchestrator_capability_snapshots` row. */
export interface DimCapabilitySnapshotRow extends CapabilityDimBase {
  readonly snapshot_row_ordinal: number;
  readonly pipeline: string;
  readonly model_id: string;
  readonly gpu_id: string | null;
  readonly gpu_name: string | null;
  readonly gpu_memory_total: number | null;
  readonly gpu_memory_free: number | null;
  readonly gpu_major: number | null;
  readonly gpu_minor: number | null;
  readonly runner_version: string | null;
  readonly has_hardware: 0 | 1;
}

/** `dim_orchestrator_capability_advertised_snapshots` row. */
export interface DimCapabilityAdvertisedRow extends CapabilityDimBase {
  readonly row_ordinal: number;
  readonly capacity: number | null;
}

/** `dim_orchestrator_capability_model_constraints` row. */
export interface DimCapabilityModelConstraintRow extends CapabilityDimBase {
  readonly row_ordinal: number;
  readonly model_id: string;
  readonly runner_version: string | null;
  readonly capacity: number | null;
  readonly capacity_in_use: number | null;
  readonly warm: number | null;
}

/** `dim_orchestrator_capability_prices` row. */
export interface DimCapabilityPriceRow extends CapabilityDimBase {
  readonly row_ordinal: number;
  readonly constraint_name: string | null;
  readonly price_per_unit: number | null;
  readonly pixels_per_unit: number | null;
}

function dimBase(r: CapabilityRowBase): CapabilityDimBase {
  return {
    snapshot_ts: r.event_timestamp,
    orchestrator_address: r.orchestrator_address,
    orchestrator_proxy_address: r.local_address,
    orchestrator_url: r.orch_uri,
    capability_id: r.capability_id,
    capability_name: r.capability_name,
    capability_group: r.capability_group,
    source_event_uid: r.raw_event_uid,
    region: null,
  };
}

/** Projects a `raw_network_capabilities` row to its snapshot dimension row (serving.md §1.3). */
export function toCapabilitySnapshotDim(r: RawNetworkCapabilitiesRow): DimCapabilitySnapshotRow {
  return {
    ...dimBase(r),
    snapshot_row_ordinal: r.snapshot_row_ordinal,
    pipeline: r.pipeline,
    model_id: r.model_id,
    gpu_id: r.gpu_id,
    gpu_name: r.gpu_name,
    gpu_memory_total: r.gpu_memory_total,
    gpu_memory_free: r.gpu_memory_free,
    gpu_major: r.gpu_major,
    gpu_minor: r.gpu_minor,
    runner_version: r.runner_version,
    has_hardware: r.has_hardware,
  };
}

/** Projects a `raw_network_capabilities_advertised` row to its dimension row. */
export function toCapabilityAdvertisedDim(
  r: RawNetworkCapabilitiesAdvertisedRow,
): DimCapabilityAdvertisedRow {
  return { ...dimBase(r), row_ordinal: r.row_ordinal, capacity: r.capacity };
}

/** Projects a `raw_network_capabilities_model_constraints` row to its dimension row. */
export function toCapabilityModelConstraintDim(
  r: RawNetworkCapabilitiesModelConstraintRow,
): DimCapabilityModelConstraintRow {
  return {
    ...dimBase(r),
    row_ordinal: r.row_ordinal,
    model_id: r.model_id,
    runner_version: r.runner_version,
    capacity: r.capacity,
    capacity_in_use: r.capacity_in_use,
    warm: r.warm,
  };
}

/** Projects a `raw_network_capabilities_prices` row to its dimension row. */
export function toCapabilityPriceDim(r: RawNetworkCapabilitiesPriceRow): DimCapabilityPriceRow {
  return {
    ...dimBase(r),
    row_ordinal: r.row_ordinal,
    constraint_name: r.constraint_name,
    price_per_unit: r.price_per_unit,
    pixels_per_unit: r.pixels_per_unit,
  };
}

const DIM_HEAD = [
  ["snapshot_ts", "DateTime64(3)"],
  ["orchestrator_address", "String"],
  ["orchestrator_proxy_address", "String"],
  ["orchestrator_url", "String"],
] as const;

const DIM_CAPABILITY = [
  ["capability_id", "Int32"],
  ["capability_name", "String"],
  ["capability_group", "String"],
] as const;

const DIM_TAIL = [
  ["source_event_uid", "String"],
  ["region", "Nullable(String)"],
] as const;

/** `dim_orchestrator_capability_snapshots` (serving.md §1.3). */
export const DIM_ORCHESTRATOR_CAPABILITY_SNAPSHOTS = defineTable<DimCapabilitySnapshotRow>()(
  "dim_orchestrator_capability_snapshots",
  [
    ...DIM_HEAD,
    ["pipeline", "String"],
    ["model_id", "String"],
    ...DIM_CAPABILITY,
    ["gpu_id", "Nullable(String)"],
    ["gpu_name", "Nullable(String)"],
    ["gpu_memory_total", "Nullable(UInt64)"],
    ["gpu_memory_free", "Nullable(UInt64)"],
    ["gpu_major", "Nullable(UInt8)"],
    ["gpu_minor", "Nullable(UInt8)"],
    ["runner_version", "Nullable(String)"],
    ["has_hardware", "UInt8"],
    ["source_event_uid", "String"],
    ["snapshot_row_ordinal", "UInt32"],
    ["region", "Nullable(String)"],
  ],
);

/** `dim_orchestrator_capability_advertised_snapshots` (serving.md §1.3). */
export const DIM_ORCHESTRATOR_CAPABILITY_ADVERTISED_SNAPSHOTS =
  defineTable<DimCapabilityAdvertisedRow>()("dim_orchestrator_capability_advertised_snapshots", [
    ...DIM_HEAD,
    ...DIM_CAPABILITY,
    ["capacity", "Nullable(Int32)"],
    ["row_ordinal", "UInt32"],
    ...DIM_TAIL,
  ]);

/** `dim_orchestrator_capability_model_constraints` (serving.md §1.3). */
export const DIM_ORCHESTRATOR_CAPABILITY_MODEL_CONSTRAINTS =
  defineTable<DimCapabilityModelConstraintRow>()("dim_orchestrator_capability_model_constraints", [
    ...DIM_HEAD,
    ...DIM_CAPABILITY,
    ["model_id", "String"],
    ["runner_version", "Nullable(String)"],
    ["capacity", "Nullable(Int32)"],
    ["capacity_in_use", "Nullable(Int32)"],
    ["warm", "Nullable(Int32)"],
    ["row_ordinal", "UInt32"],
    ...DIM_TAIL,
  ]);

/** `dim_orchestrator_capability_prices` (serving.md §1.3). */
export const DIM_ORCHESTRATOR_CAPABILITY_PRICES = defineTable<DimCapabilityPriceRow>()(
  "dim_orchestrator_capability_prices",
  [
    ...DIM_HEAD,
    ...DIM_CAPABILITY,
    ["constraint_name", "Nullable(String)"],
    ["price_per_unit", "Nullable(Int64)"],
    ["pixels_per_unit", "Nullable(Int64)"],
    ["row_ordinal", "UInt32"],
    ...DIM_TAIL,
  ],
);

/** The four capability dimension tables by name. */
export const DIM_TABLES = {
  dim_orchestrator_capability_snapshots: DIM_ORCHESTRATOR_CAPABILITY_SNAPSHOTS,
  dim_orchestrator_capability_advertised_snapshots:
    DIM_ORCHESTRATOR_CAPABILITY_ADVERTISED_SNAPSHOTS,
  dim_orchestrator_capability_model_constraints: DIM_ORCHESTRATOR_CAPABILITY_MODEL_CONSTRAINTS,
  dim_orchestrator_capability_prices: DIM_ORCHESTRATOR_CAPABILITY_PRICES,
} as const;
