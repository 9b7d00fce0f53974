import { NONE, SEGMENT_WINDOW_JOIN } from "../attribution/attribution-decision.js";
import { canonicalPipeline } from "../attribution/pipeline-model-resolver.js";
import { traceTypeInfo } from "../taxonomy/trace-types.js";
import { SEMANTICS_VERSION } from "../version.js";
import { blankToNull, fnb2, isBlank } from "../values/java-trim.js";
import type { FactStreamStatusSampleRow, FactStreamTraceEdgeRow } from "./fact-rows.js";
import type { LifecycleSignal } from "./lifecycle-signal.js";
import type { SegmentWindow } from "./segment-machine.js";

/**
 * The segment whose window holds time `u` (sessions.md §13): `start ≤ u` and (`end` null or
 * `u < end`); among several, the latest start, then the higher index. null when none.
 */
export function matchSegment(
  segments: ReadonlyArray<SegmentWindow>,
  u: number,
): SegmentWindow | null {
  let best: SegmentWindow | null = null;
  for (const s of segments) {
    if (s.startTs > u || (s.endTs !== null && u >= s.endTs)) continue;
    if (
      best === null ||
      s.startTs > best.startTs ||
      (s.startTs === best.startTs && s.index > best.index)
    )
      best = s;
  }
  return best;
}

/** Identity columns shared by status samples and trace edges (§13). */
interface JoinedIdentity {
  readonly orchestrator_address: string;
  readonly orchestrator_url: string;
  readonly pipeline: string;
  readonly model_id: string | null;
  readonly gpu_id: string | null;
  readonly is_attributed: 0 | 1;
}

function joinIdentity(
  segments: ReadonlyArray<SegmentWindow>,
  u: number,
  ownUrl: string,
): JoinedIdentity {
  const seg = matchSegment(segments, u);
  if (seg === null || isBlank(seg.orchestratorAddress)) {
    return {
      orchestrator_address: "",
      orchestrator_url: ownUrl,
      pipeline: "",
      model_id: null,
      gpu_id: null,
      is_attributed: 0,
    };
  }
  return {
    orchestrator_address: seg.orchestratorAddress,
    orchestrator_url: fnb2(seg.orchestratorUrl, ownUrl),
    pipeline: canonicalPipeline(seg.pipeline, seg.modelId),
    model_id: blankToNull(seg.modelId),
    gpu_id: blankToNull(seg.gpuId),
    is_attributed: 1,
  };
}

/** `fact_stream_status_samples` row of a status signal joined to the final segments (§13). */
export function statusSampleRow(
  signal: LifecycleSignal,
  segments: ReadonlyArray<SegmentWindow>,
  workflowSessionId: string,
  version: bigint,
): FactStreamStatusSampleRow {
  const id = joinIdentity(segments, signal.ts, signal.orchUrl);
  const decision = id.is_attributed === 1 ? SEGMENT_WINDOW_JOIN : NONE;
  return {
    sample_ts: signal.ts,
    workflow_session_id: workflowSessionId,
    stream_id: signal.streamId,
    request_id: signal.requestId,
    gateway: signal.gateway,
    orchestrator_address: id.orchestrator_address,
    orchestrator_url: id.orchestrator_url,
    pipeline: id.pipeline,
    model_id: id.model_id,
    gpu_id: id.gpu_id,
    region: null,
    state: signal.state,
    output_fps: signal.outputFps,
    input_fps: signal.inputFps,
    is_attributed: id.is_attributed,
    gpu_attribution_method: decision.method,
    gpu_attribution_confidence: decision.confidence,
    source_event_uid: signal.uid,
    version,
    semantics_version: SEMANTICS_VERSION,
  };
}

/** `fact_stream_trace_edges` row of a trace signal joined to the final segments (§13). */
export function traceEdgeRow(
  signal: LifecycleSignal,
  segments: ReadonlyArray<SegmentWindow>,
  workflowSessionId: string,
  version: bigint,
): FactStreamTraceEdgeRow {
  const id = joinIdentity(segments, signal.ts, signal.orchUrl);
  const info = signal.trace ?? traceTypeInfo(signal.traceType);
  return {
    edge_ts: signal.ts,
    workflow_session_id: workflowSessionId,
    stream_id: signal.streamId,
    request_id: signal.requestId,
    gateway: signal.gateway,
    orchestrator_address: id.orchestrator_address,
    orchestrator_url: id.orchestrator_url,
    pipeline: id.pipeline,
    model_id: id.model_id,
    trace_type: signal.traceType,
    trace_category: info.category,
    is_swap_event: info.swapEvidence ? 1 : 0,
    is_attributed: id.is_attributed,
    source_event_uid: signal.uid,
    version,
    semantics_version: SEMANTICS_VERSION,
  };
}
