import type { FactWorkflowSessionRow } from "../sessions/fact-rows.js";
import { canonicalPipeline } from "../attribution/pipeline-model-resolver.js";
import { groupFor, sortedGroups, tupleKey, type BucketGroup } from "./bucket-groups.js";
import { indexSessionsByRequest, matchPaymentSession } from "./fee-matching.js";
import { bucketStart, GRANULARITY_MS, type Granularity } from "./granularity.js";
import {
  addSessionInto,
  addStatusSampleInto,
  emptyCounters,
  type KpiCounters,
  type MutableKpiCounters,
} from "./kpi-counters.js";
import { ratiosFromCounters } from "./kpi-ratios.js";
import { latestBases, type ServingInputs } from "./latest-bases.js";

/** Grain keys of `v_api_network_demand` in API order (serving.md §8.6). */
export const NETWORK_DEMAND_KEYS = ["gateway", "region", "pipeline", "model_id"] as const;

/** A grain key name of the network-demand view. */
export type NetworkDemandKey = (typeof NETWORK_DEMAND_KEYS)[number];

/**
 * One row of `v_api_network_demand` / `GET /v1/network/demand` (serving.md §6.2, §8.6) with key
 * values of type `K` and distinct counts of type `D` (`number` in view rows; `number | null`
 * after re-aggregation). `window_start` is epoch ms; `fee_payment_wei` a decimal string.
 */
export type NetworkDemandRowOf<K extends string | null, D extends number | null> = {
  readonly window_start: number;
} & { readonly [P in NetworkDemandKey]: K } & {
  readonly total_streams: D;
  readonly total_sessions: D;
  readonly status_samples: number;
  readonly output_fps_sum: number;
  readonly avg_output_fps: number | null;
  readonly total_inference_minutes: number;
  readonly known_sessions: number;
  readonly unknown_sessions: number;
  readonly served_sessions: number;
  readonly unserved_sessions: number;
  readonly total_demand_sessions: number;
  readonly missing_capacity_count: number;
  readonly success_sessions: number;
  readonly excused_sessions: number;
  readonly unexcused_sessions: number;
  readonly effective_failed_sessions: number;
  readonly confirmed_swapped_sessions: number;
  readonly inferred_orchestrator_change_sessions: number;
  readonly swapped_sessions: number;
  readonly sessions_with_errors: number;
  readonly sessions_with_last_error: number;
  readonly loading_only_sessions: number;
  readonly zero_output_fps_sessions: number;
  readonly status_error_samples: number;
  readonly health_signal_count: number;
  readonly health_expected_signal_count: number;
  readonly health_completeness_ratio: number | null;
  readonly startup_success_ratio: number | null;
  readonly success_ratio: number | null;
  readonly payment_count: number;
  readonly fee_payment_wei: string;
  readonly fee_payment_eth: number;
};

/** A row of the network-demand view. */
export type NetworkDemandRow = NetworkDemandRowOf<string, number>;

/**
 * Assembles a demand row from keys, summed counters (ratios recomputed, §7) and the two
 * distinct counts. `total_demand_sessions` = served + unserved; `missing_capacity_count` =
 * unserved.
 */
export function buildNetworkDemandRow<K extends string | null, D extends number | null>(
  windowStart: number,
  keys: { readonly [P in NetworkDemandKey]: K },
  c: KpiCounters,
  distinct: { readonly total_streams: D; readonly total_sessions: D },
): NetworkDemandRowOf<K, D> {
  const r = ratiosFromCounters(c);
  return {
    window_start: windowStart,
    gateway: keys.gateway,
    region: keys.region,
    pipeline: keys.pipeline,
    model_id: keys.model_id,
    total_streams: distinct.total_streams,
    total_sessions: distinct.total_sessions,
    status_samples: c.status_samples,
    output_fps_sum: c.output_fps_sum,
    avg_output_fps: r.avg_output_fps,
    total_inference_minutes: r.total_inference_minutes,
    known_sessions: c.known_sessions,
    unknown_sessions: c.unknown_sessions,
    served_sessions: c.served_sessions,
    unserved_sessions: c.unserved_sessions,
    total_demand_sessions: c.served_sessions + c.unserved_sessions,
    missing_capacity_count: c.unserved_sessions,
    success_sessions: c.success_sessions,
    excused_sessions: c.excused_sessions,
    unexcused_sessions: c.unexcused_sessions,
    effective_failed_sessions: c.effective_failed_sessions,
    confirmed_swapped_sessions: c.confirmed_swapped_sessions,
    inferred_orchestrator_change_sessions: c.inferred_orchestrator_change_sessions,
    swapped_sessions: c.swapped_sessions,
    sessions_with_errors: c.sessions_with_errors,
    sessions_with_last_error: c.sessions_with_last_error,
    loading_only_sessions: c.loading_only_sessions,
    zero_output_fps_sessions: c.zero_output_fps_sessions,
    status_error_samples: c.status_error_samples,
    health_signal_count: c.health_signal_count,
    health_expected_signal_count: c.health_expected_signal_count,
    health_completeness_ratio: r.health_completeness_ratio,
    startup_success_ratio: r.startup_success_ratio,
    success_ratio: r.success_ratio,
    payment_count: c.payment_count,
    fee_payment_wei: c.fee_payment_wei.toString(),
    fee_payment_eth: r.fee_payment_eth,
  };
}

interface DemandAcc {
  readonly c: MutableKpiCounters;
  readonly streams: Set<string>;
  readonly sessions: Set<string>;
}

const newAcc = (): DemandAcc => ({ c: emptyCounters(), streams: new Set(), sessions: new Set() });

/** Per (bucket, gateway, region, model_id): the single non-empty demand pipeline, or null. */
type FallbackIndex = ReadonlyMap<string, string | null>;

function fallbackId(bucket: number, gateway: string, region: string, model: string): string {
  return `${bucket}|${tupleKey([gateway, region, model])}`;
}

/** Demand key (gateway, region, canonicalPipeline(pipeline, model_id), model_id) before fallback. */
function demandKey(s: FactWorkflowSessionRow): [string, string, string, string] {
  return [s.gateway, s.region ?? "", canonicalPipeline(s.pipeline, s.model_id), s.model_id ?? ""];
}

function buildFallback(sessions: Iterable<FactWorkflowSessionRow>, size: number): FallbackIndex {
  const out = new Map<string, string | null>();
  for (const s of sessions) {
    const [gateway, region, pipeline, model] = demandKey(s);
    if (pipeline === "") continue;
    const id = fallbackId(bucketStart(s.session_start_ts, size), gateway, region, model);
    const cur = out.get(id);
    if (cur === undefined) out.set(id, pipeline);
    else if (cur !== null && cur !== pipeline) out.set(id, null);
  }
  return out;
}

/**
 * Pipeline fallback (serving.md §6.2): an empty pipeline takes the single distinct non-empty
 * demand pipeline of its (bucket, gateway, region, model_id); then `canonicalPipeline` again.
 */
function resolveKey(
  fb: FallbackIndex,
  bucket: number,
  keys: readonly [string, string, string, string],
): [string, string, string, string] {
  const [gateway, region, pipeline, model] = keys;
  const filled =
    pipeline === "" ? (fb.get(fallbackId(bucket, gateway, region, model)) ?? "") : pipeline;
  return [gateway, region, canonicalPipeline(filled, model), model];
}

/**
 * In-memory `v_api_network_demand` (serving.md §5, §6.2): union of the performance component
 * (`L_status`, no artifact filter, bucket of `sample_ts`), the demand component (all
 * `L_sessions`, bucket of `session_start_ts`) and fees (`L_payments`, bucket of the payment
 * `event_timestamp`, landing on the matched session's demand key, else on
 * (payment gateway, "", "", "")), after the pipeline fallback. Sorted `window_start` desc, then
 * keys ascending (UTF-8 byte order).
 */
export function networkDemandView(
  inputs: Omit<ServingInputs, "capabilities">,
  options: { readonly granularity: Granularity },
): NetworkDemandRow[] {
  const size = GRANULARITY_MS[options.granularity];
  const bases = latestBases(inputs);
  const fb = buildFallback(bases.sessions.values(), size);
  const groups = new Map<string, BucketGroup<DemandAcc>>();
  const sessionKeys = new Map<string, [string, string, string, string]>();
  for (const s of bases.sessions.values()) {
    const bucket = bucketStart(s.session_start_ts, size);
    const keys = resolveKey(fb, bucket, demandKey(s));
    sessionKeys.set(s.workflow_session_id, keys);
    addSessionInto(groupFor(groups, bucket, keys, newAcc).c, s);
  }
  for (const s of bases.status) {
    const bucket = bucketStart(s.sample_ts, size);
    const raw = [s.gateway, s.region ?? "", s.pipeline, s.model_id ?? ""] as const;
    const acc = groupFor(groups, bucket, resolveKey(fb, bucket, raw), newAcc);
    addStatusSampleInto(acc.c, s.output_fps);
    acc.streams.add(s.stream_id);
    acc.sessions.add(s.workflow_session_id);
  }
  const byRequest = indexSessionsByRequest(bases.sessions.values());
  for (const p of bases.payments) {
    const match = matchPaymentSession(p, byRequest);
    // A matched session is in L_sessions, so its resolved key was recorded above.
    const keys =
      match === null
        ? [p.gateway, "", "", ""]
        : (sessionKeys.get(match.workflow_session_id) as string[]);
    const acc = groupFor(groups, bucketStart(p.event_timestamp, size), keys, newAcc);
    acc.c.payment_count += 1;
    if (p.face_value_wei !== null) acc.c.fee_payment_wei += p.face_value_wei;
  }
  return sortedGroups(groups).map((g) => {
    const [gateway, region, pipeline, model_id] = g.keys as [string, string, string, string];
    return buildNetworkDemandRow(g.windowStart, { gateway, region, pipeline, model_id }, g.acc.c, {
      total_streams: g.acc.streams.size,
      total_sessions: g.acc.sessions.size,
    });
  });
}
