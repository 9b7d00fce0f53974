import type { RawNetworkCapabilitiesRow } from "../events/raw-rows.js";
import { tupleKey } from "./bucket-groups.js";
import { compareUtf8 } from "./utf8-order.js";

/** GPU metadata columns of the GPU-metrics view (serving.md §6.1); not additive. */
export interface GpuMetadata {
  readonly gpu_name: string | null;
  readonly runner_version: string | null;
  /** `"<major>.<minor>"`, `"<major>"` when minor is null, null when major is null. */
  readonly cuda_version: string | null;
  /** Bytes. */
  readonly gpu_memory_total: number | null;
}

/** Metadata of a key with no capability row. */
export const NO_GPU_METADATA: GpuMetadata = {
  gpu_name: null,
  runner_version: null,
  cuda_version: null,
  gpu_memory_total: null,
};

/**
 * CUDA compute capability label (serving.md §6.1).
 * @example cudaVersion(8, 9) === "8.9"; cudaVersion(8, null) === "8"; cudaVersion(null, 9) === null
 */
export function cudaVersion(major: number | null, minor: number | null): string | null {
  if (major === null) return null;
  return minor === null ? `${major}` : `${major}.${minor}`;
}

/** Newer-than on (event_timestamp, raw_event_uid, snapshot_row_ordinal), the dimension order. */
function isNewer(a: RawNetworkCapabilitiesRow, b: RawNetworkCapabilitiesRow): boolean {
  if (a.event_timestamp !== b.event_timestamp) return a.event_timestamp > b.event_timestamp;
  const c = compareUtf8(a.raw_event_uid, b.raw_event_uid);
  if (c !== 0) return c > 0;
  return a.snapshot_row_ordinal > b.snapshot_row_ordinal;
}

/** Map key of {@link latestGpuMetadata}. */
export function gpuMetadataKey(orchestratorAddress: string, gpuId: string): string {
  return tupleKey([orchestratorAddress, gpuId]);
}

/**
 * Metadata of the latest capability snapshot row per (orchestrator_address, gpu_id), latest by
 * (event_timestamp, raw_event_uid, snapshot_row_ordinal) as in `dim_orchestrator_capability_current`
 * (serving.md §1.3, §6.1): what is known now, not at the hour. Rows with a null `gpu_id` are
 * ignored (GPU-metrics keys have `gpu_id ≠ ""`). Keyed by {@link gpuMetadataKey}.
 */
export function latestGpuMetadata(
  rows: ReadonlyArray<RawNetworkCapabilitiesRow>,
): Map<string, GpuMetadata> {
  const latest = new Map<string, RawNetworkCapabilitiesRow>();
  for (const row of rows) {
    if (row.gpu_id === null) continue;
    const k = gpuMetadataKey(row.orchestrator_address, row.gpu_id);
    const cur = latest.get(k);
    if (cur === undefined || isNewer(row, cur)) latest.set(k, row);
  }
  const out = new Map<string, GpuMetadata>();
  for (const [k, r] of latest) {
    out.set(k, {
      gpu_name: r.gpu_name,
      runner_version: r.runner_version,
      cuda_version: cudaVersion(r.gpu_major, r.gpu_minor),
      gpu_memory_total: r.gpu_memory_total,
    });
  }
  return out;
}
