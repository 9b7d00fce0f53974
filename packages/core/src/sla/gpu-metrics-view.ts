import { canonicalPipeline } from "../attribution/pipeline-model-resolver.js";
import { groupFor, sortedGroups, type BucketGroup } from "./bucket-groups.js";
import {
  gpuMetadataKey,
  latestGpuMetadata,
  NO_GPU_METADATA,
  type GpuMetadata,
} from "./gpu-metadata.js";
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
import { P95, quantileExactInclusive } from "./quantile.js";
import { dropTailArtifacts, statusPlacementKey } from "./tail-artifact.js";

/** Grain keys of `v_api_gpu_metrics` in API order (serving.md §8.5). */
export const GPU_METRICS_KEYS = [
  "orchestrator_address",
  "pipeline",
  "model_id",
  "gpu_id",
  "region",
] as const;

/** A grain key name of the GPU-metrics view. */
export type GpuMetricsKey = (typeof GPU_METRICS_KEYS)[number];

/**
 * One row of `v_api_gpu_metrics` / `GET /v1/gpu/metrics` (serving.md §6.1, §8.5) with key
 * values of type `K` (`string` in view rows; `string | null` after re-aggregation, null =
 * key dropped). `window_start` is epoch ms.
 */
export type GpuMetricsRowOf<K extends string | null> = {
  readonly window_start: number;
} & { readonly [P in GpuMetricsKey]: K } & GpuMetadata & {
    readonly status_samples: number;
    readonly output_fps_sum: number;
    readonly output_fps_sq_sum: number;
    readonly avg_output_fps: number | null;
    readonly jitter_coeff_fps: number | null;
    readonly p95_output_fps: number | null;
    readonly prompt_to_first_frame_ms: number | null;
    readonly startup_time_ms: number | null;
    readonly e2e_latency_ms: number | null;
    readonly p95_prompt_to_first_frame_ms: number | null;
    readonly p95_startup_time_ms: number | null;
    readonly p95_e2e_latency_ms: number | null;
    readonly prompt_to_first_frame_ms_sum: number;
    readonly startup_time_ms_sum: number;
    readonly e2e_latency_ms_sum: number;
    readonly prompt_to_first_frame_sample_count: number;
    readonly startup_time_sample_count: number;
    readonly e2e_latency_sample_count: number;
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
    readonly status_error_samples: number;
    readonly health_signal_count: number;
    readonly health_expected_signal_count: number;
    readonly health_completeness_ratio: number | null;
    readonly failure_rate: number | null;
    readonly swap_rate: number | null;
  };

/** A row of the GPU-metrics view. */
export type GpuMetricsRow = GpuMetricsRowOf<string>;

/** The non-additive (N) fields of a GPU-metrics row besides metadata. */
export interface GpuMetricsQuantiles {
  readonly p95_output_fps: number | null;
  readonly p95_prompt_to_first_frame_ms: number | null;
  readonly p95_startup_time_ms: number | null;
  readonly p95_e2e_latency_ms: number | null;
}

/** Quantiles of a group with no samples. */
export const NO_GPU_QUANTILES: GpuMetricsQuantiles = {
  p95_output_fps: null,
  p95_prompt_to_first_frame_ms: null,
  p95_startup_time_ms: null,
  p95_e2e_latency_ms: null,
};

/**
 * Assembles a GPU-metrics row from its keys, summed counters (ratios recomputed, §7),
 * metadata and quantiles. Used by the view and by re-aggregation.
 */
export function buildGpuMetricsRow<K extends string | null>(
  windowStart: number,
  keys: { readonly [P in GpuMetricsKey]: K },
  c: KpiCounters,
  meta: GpuMetadata,
  q: GpuMetricsQuantiles,
): GpuMetricsRowOf<K> {
  const r = ratiosFromCounters(c);
  return {
    window_start: windowStart,
    orchestrator_address: keys.orchestrator_address,
    pipeline: keys.pipeline,
    model_id: keys.model_id,
    gpu_id: keys.gpu_id,
    region: keys.region,
    gpu_name: meta.gpu_name,
    runner_version: meta.runner_version,
    cuda_version: meta.cuda_version,
    gpu_memory_total: meta.gpu_memory_total,
    status_samples: c.status_samples,
    output_fps_sum: c.output_fps_sum,
    output_fps_sq_sum: c.output_fps_sq_sum,
    avg_output_fps: r.avg_output_fps,
    jitter_coeff_fps: r.jitter_coeff_fps,
    p95_output_fps: q.p95_output_fps,
    prompt_to_first_frame_ms: r.prompt_to_first_frame_ms,
    startup_time_ms: r.startup_time_ms,
    e2e_latency_ms: r.e2e_latency_ms,
    p95_prompt_to_first_frame_ms: q.p95_prompt_to_first_frame_ms,
    p95_startup_time_ms: q.p95_startup_time_ms,
    p95_e2e_latency_ms: q.p95_e2e_latency_ms,
    prompt_to_first_frame_ms_sum: c.prompt_to_first_frame_ms_sum,
    startup_time_ms_sum: c.startup_time_ms_sum,
    e2e_latency_ms_sum: c.e2e_latency_ms_sum,
    prompt_to_first_frame_sample_count: c.prompt_to_first_frame_sample_count,
    startup_time_sample_count: c.startup_time_sample_count,
    e2e_latency_sample_count: c.e2e_latency_sample_count,
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
    status_error_samples: c.status_error_samples,
    health_signal_count: c.health_signal_count,
    health_expected_signal_count: c.health_expected_signal_count,
    health_completeness_ratio: r.health_completeness_ratio,
    failure_rate: r.failure_rate,
    swap_rate: r.swap_rate,
  };
}

interface GpuAcc {
  readonly c: MutableKpiCounters;
  readonly fps: number[];
  readonly p2f: number[];
  readonly startup: number[];
  readonly e2e: number[];
}

const newAcc = (): GpuAcc => ({ c: emptyCounters(), fps: [], p2f: [], startup: [], e2e: [] });

/** Only keys with an orchestrator and a GPU enter the view (serving.md §6.1). */
const inKeyspace = (keys: ReadonlyArray<string>): boolean => keys[0] !== "" && keys[3] !== "";

/**
 * In-memory `v_api_gpu_metrics` (serving.md §5, §6.1): union of the performance component
 * (`L_status` minus terminal-tail artifacts, bucket of `sample_ts`), the latency component
 * (`L_latency`, bucket of `sample_ts`) and the reliability component (`L_sessions`, bucket of
 * `session_start_ts`), restricted to keys with `orchestrator_address ≠ ""` and `gpu_id ≠ ""`;
 * metadata from the latest capability row per (orchestrator_address, gpu_id). Rows sorted
 * `window_start` desc, then keys ascending (UTF-8 byte order).
 */
export function gpuMetricsView(
  inputs: ServingInputs,
  options: { readonly granularity: Granularity },
): GpuMetricsRow[] {
  const size = GRANULARITY_MS[options.granularity];
  const bases = latestBases(inputs);
  const groups = new Map<string, BucketGroup<GpuAcc>>();
  for (const s of dropTailArtifacts(bases.status, bases.sessions)) {
    const keys = statusPlacementKey(s);
    if (!inKeyspace(keys)) continue;
    const acc = groupFor(groups, bucketStart(s.sample_ts, size), keys, newAcc);
    addStatusSampleInto(acc.c, s.output_fps);
    acc.fps.push(s.output_fps);
  }
  for (const l of bases.latency) {
    const keys = [
      l.orchestrator_address,
      canonicalPipeline(l.pipeline, l.model_id),
      l.model_id ?? "",
      l.gpu_id ?? "",
      l.region ?? "",
    ];
    if (!inKeyspace(keys)) continue;
    const acc = groupFor(groups, bucketStart(l.sample_ts, size), keys, newAcc);
    if (l.has_prompt_to_first_frame === 1 && l.prompt_to_first_frame_ms !== null) {
      acc.c.prompt_to_first_frame_ms_sum += l.prompt_to_first_frame_ms;
      acc.c.prompt_to_first_frame_sample_count += 1;
      acc.p2f.push(l.prompt_to_first_frame_ms);
    }
    if (l.has_startup_time === 1 && l.startup_time_ms !== null) {
      acc.c.startup_time_ms_sum += l.startup_time_ms;
      acc.c.startup_time_sample_count += 1;
      acc.startup.push(l.startup_time_ms);
    }
    if (l.has_e2e_latency === 1 && l.e2e_latency_ms !== null) {
      acc.c.e2e_latency_ms_sum += l.e2e_latency_ms;
      acc.c.e2e_latency_sample_count += 1;
      acc.e2e.push(l.e2e_latency_ms);
    }
  }
  for (const s of bases.sessions.values()) {
    const keys = [
      s.orchestrator_address,
      canonicalPipeline(s.pipeline, s.model_id),
      s.model_id ?? "",
      s.gpu_id ?? "",
      s.region ?? "",
    ];
    if (!inKeyspace(keys)) continue;
    addSessionInto(groupFor(groups, bucketStart(s.session_start_ts, size), keys, newAcc).c, s);
  }
  const metadata = latestGpuMetadata(inputs.capabilities);
  return sortedGroups(groups).map((g) => finish(g, metadata));
}

function finish(g: BucketGroup<GpuAcc>, metadata: ReadonlyMap<string, GpuMetadata>): GpuMetricsRow {
  const [orchestrator_address, pipeline, model_id, gpu_id, region] = g.keys as [
    string,
    string,
    string,
    string,
    string,
  ];
  const meta = metadata.get(gpuMetadataKey(orchestrator_address, gpu_id)) ?? NO_GPU_METADATA;
  return buildGpuMetricsRow(
    g.windowStart,
    { orchestrator_address, pipeline, model_id, gpu_id, region },
    g.acc.c,
    meta,
    {
      p95_output_fps: quantileExactInclusive(g.acc.fps, P95),
      p95_prompt_to_first_frame_ms: quantileExactInclusive(g.acc.p2f, P95),
      p95_startup_time_ms: quantileExactInclusive(g.acc.startup, P95),
      p95_e2e_latency_ms: quantileExactInclusive(g.acc.e2e, P95),
    },
  );
}
