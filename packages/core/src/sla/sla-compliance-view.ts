import { groupFor, sortedGroups, tupleKey, type BucketGroup } from "./bucket-groups.js";
import { bucketStart, GRANULARITY_MS, type SlaGranularity } from "./granularity.js";
import {
  addSessionInto,
  emptyCounters,
  type KpiCounters,
  type MutableKpiCounters,
} from "./kpi-counters.js";
import { ratiosFromCounters } from "./kpi-ratios.js";
import { latestBases, type ServingInputs } from "./latest-bases.js";
import { dropTailArtifacts, statusPlacementKey } from "./tail-artifact.js";

/** Grain keys of `v_api_sla_compliance` in API order (serving.md §8.7). */
export const SLA_COMPLIANCE_KEYS = [
  "orchestrator_address",
  "pipeline",
  "model_id",
  "gpu_id",
  "region",
] as const;

/** A grain key name of the SLA view. */
export type SlaComplianceKey = (typeof SLA_COMPLIANCE_KEYS)[number];

/**
 * One row of `v_api_sla_compliance` / `GET /v1/sla/compliance` (serving.md §6.3, §8.7) with key
 * values of type `K` (null = dropped by re-aggregation). `window_start` is epoch ms.
 */
export type SlaComplianceRowOf<K extends string | null> = {
  readonly window_start: number;
} & { readonly [P in SlaComplianceKey]: K } & {
  readonly known_sessions: number;
  readonly unknown_sessions: number;
  readonly success_sessions: number;
  readonly excused_sessions: number;
  readonly unexcused_sessions: number;
  readonly confirmed_swapped_sessions: number;
  readonly inferred_orchestrator_change_sessions: number;
  readonly swapped_sessions: number;
  readonly sessions_with_errors: number;
  readonly sessions_with_last_error: number;
  readonly loading_only_sessions: number;
  readonly zero_output_fps_sessions: number;
  readonly output_failed_sessions: number;
  readonly effective_failed_sessions: number;
  readonly status_error_samples: number;
  readonly health_signal_count: number;
  readonly health_expected_signal_count: number;
  readonly health_completeness_ratio: number | null;
  readonly startup_success_ratio: number | null;
  readonly success_ratio: number | null;
  readonly no_swap_ratio: number | null;
  readonly output_viability_ratio: number | null;
  readonly sla_score: number | null;
};

/** A row of the SLA view. */
export type SlaComplianceRow = SlaComplianceRowOf<string>;

/** Assembles an SLA row from keys and summed counters (ratios and `sla_score` recomputed, §7). */
export function buildSlaComplianceRow<K extends string | null>(
  windowStart: number,
  keys: { readonly [P in SlaComplianceKey]: K },
  c: KpiCounters,
): SlaComplianceRowOf<K> {
  const r = ratiosFromCounters(c);
  return {
    window_start: windowStart,
    orchestrator_address: keys.orchestrator_address,
    pipeline: keys.pipeline,
    model_id: keys.model_id,
    gpu_id: keys.gpu_id,
    region: keys.region,
    known_sessions: c.known_sessions,
    unknown_sessions: c.unknown_sessions,
    success_sessions: c.success_sessions,
    excused_sessions: c.excused_sessions,
    unexcused_sessions: c.unexcused_sessions,
    confirmed_swapped_sessions: c.confirmed_swapped_sessions,
    inferred_orchestrator_change_sessions: c.inferred_orchestrator_change_sessions,
    swapped_sessions: c.swapped_sessions,
    sessions_with_errors: c.sessions_with_errors,
    sessions_with_last_error: c.sessions_with_last_error,
    loading_only_sessions: c.loading_only_sessions,
    zero_output_fps_sessions: c.zero_output_fps_sessions,
    output_failed_sessions: c.output_failed_sessions,
    effective_failed_sessions: c.effective_failed_sessions,
    status_error_samples: c.status_error_samples,
    health_signal_count: c.health_signal_count,
    health_expected_signal_count: c.health_expected_signal_count,
    health_completeness_ratio: r.health_completeness_ratio,
    startup_success_ratio: r.startup_success_ratio,
    success_ratio: r.success_ratio,
    no_swap_ratio: r.no_swap_ratio,
    output_viability_ratio: r.output_viability_ratio,
    sla_score: r.sla_score,
  };
}

/**
 * In-memory `v_api_sla_compliance` (serving.md §5, §6.3): each `L_sessions` row is placed once
 * in every (bucket, key) where it has an attributed, non-artifact `L_status` sample (artifacts
 * decided on 1-hour buckets, §5.1), contributing its gated §3 flags. Sorted `window_start`
 * desc, then keys ascending (UTF-8 byte order).
 */
export function slaComplianceView(
  inputs: Pick<ServingInputs, "sessions" | "statusSamples">,
  options: { readonly granularity: SlaGranularity },
): SlaComplianceRow[] {
  const size = GRANULARITY_MS[options.granularity];
  const bases = latestBases({ ...inputs, latency: [], payments: [] });
  const groups = new Map<string, BucketGroup<MutableKpiCounters>>();
  const placed = new Set<string>();
  for (const s of dropTailArtifacts(bases.status, bases.sessions)) {
    const session = bases.sessions.get(s.workflow_session_id);
    if (session === undefined) continue;
    const bucket = bucketStart(s.sample_ts, size);
    const keys = statusPlacementKey(s);
    const id = `${bucket}|${tupleKey([s.workflow_session_id, ...keys])}`;
    if (placed.has(id)) continue;
    placed.add(id);
    addSessionInto(groupFor(groups, bucket, keys, emptyCounters), session);
  }
  return sortedGroups(groups).map((g) => {
    const [orchestrator_address, pipeline, model_id, gpu_id, region] = g.keys as [
      string,
      string,
      string,
      string,
      string,
    ];
    return buildSlaComplianceRow(
      g.windowStart,
      { orchestrator_address, pipeline, model_id, gpu_id, region },
      g.acc,
    );
  });
}
