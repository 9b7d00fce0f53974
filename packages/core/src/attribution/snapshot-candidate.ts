import type { RawNetworkCapabilitiesRow } from "../events/raw-rows.js";
import { javaTrim, normalizeAddress } from "../values/java-trim.js";

/**
 * One capability snapshot row seen as an attribution candidate (sessions.md §6.2), with the
 * comparison keys of the §7.3 ranking precomputed once per row.
 */
export interface SnapshotCandidate {
  /** Snapshot time `s` = the row's `event_timestamp`, epoch ms. */
  readonly s: number;
  /** `norm(local_address)` (hot wallet). */
  readonly hot: string;
  /** `norm(orchestrator_address)` (canonical wallet). */
  readonly canonical: string;
  /** `orch_uri`. */
  readonly url: string;
  readonly pipeline: string;
  readonly modelId: string;
  readonly gpuId: string | null;
  /** `raw_event_uid` of the capability event. */
  readonly uid: string;
  /** `snapshot_row_ordinal`. */
  readonly ordinal: number;
  /** Trimmed, lowercased model (`""` when blank), for `ci` comparisons. */
  readonly modelLower: string;
  /** Trimmed, lowercased URL (`""` when blank). */
  readonly urlLower: string;
  /** Trimmed, lowercased GPU id (`""` when blank or null). */
  readonly gpuLower: string;
  /** Ranking keys of §7.3 step 4.7–4.8: trim + lowercase, blank → `__empty__`. */
  readonly modelKey: string;
  readonly urlKey: string;
  readonly gpuKey: string;
  readonly pipelineKey: string;
}

/** Lowercased Java trim (`ci` form); `""` for null or blank. */
export function ciForm(s: string | null | undefined): string {
  return s == null ? "" : javaTrim(s).toLowerCase();
}

/** Ranking key of §7.3 step 4.7: trim + lowercase, blank → `__empty__`. */
export function rankKey(s: string | null | undefined): string {
  const f = ciForm(s);
  return f === "" ? "__empty__" : f;
}

/**
 * The candidate of a snapshot row, or null when both `hot` and `canonical` are blank (such
 * rows are ignored by attribution, sessions.md §6.2).
 */
export function candidateFromRow(row: RawNetworkCapabilitiesRow): SnapshotCandidate | null {
  const hot = normalizeAddress(row.local_address);
  const canonical = normalizeAddress(row.orchestrator_address);
  if (hot === "" && canonical === "") return null;
  return {
    s: row.event_timestamp,
    hot,
    canonical,
    url: row.orch_uri,
    pipeline: row.pipeline,
    modelId: row.model_id,
    gpuId: row.gpu_id,
    uid: row.raw_event_uid,
    ordinal: row.snapshot_row_ordinal,
    modelLower: ciForm(row.model_id),
    urlLower: ciForm(row.orch_uri),
    gpuLower: ciForm(row.gpu_id),
    modelKey: rankKey(row.model_id),
    urlKey: rankKey(row.orch_uri),
    gpuKey: rankKey(row.gpu_id),
    pipelineKey: rankKey(row.pipeline),
  };
}
