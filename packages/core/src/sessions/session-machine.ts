import { decideAttribution, isStale } from "../attribution/attribution-decision.js";
import type { SnapshotCandidate } from "../attribution/snapshot-candidate.js";
import { SEMANTICS_VERSION } from "../version.js";
import { blankToNull, fnb, fnb2, normalizeAddress } from "../values/java-trim.js";
import { attributeSignal, selectIn } from "./derivation-context.js";
import type { DerivationContext } from "./derivation-context.js";
import type { FactWorkflowSessionRow } from "./fact-rows.js";
import type { LifecycleSignal } from "./lifecycle-signal.js";
import { transition } from "./session-accumulator-state.js";
import type { SessionState } from "./session-accumulator-state.js";

/** `workflow_type`, and `workflow_id` while the pipeline is blank (§9). */
export const WORKFLOW_TYPE = "ai_live_video_stream";

/** One step of the session machine, sessions.md §8.2 steps 1–9. */
export function sessionStep(
  ctx: DerivationContext,
  acc: SessionState,
  signal: LifecycleSignal,
): void {
  const step = attributeSignal(
    ctx,
    signal,
    acc.orchestratorAddress,
    acc.pipeline,
    acc.modelId,
    acc.gpuId,
  );
  transition(acc, signal, step.pipeline);
  if (step.pipeline !== "") acc.pipeline = step.pipeline;
  if (step.model !== "") acc.modelId = step.model;
  if (step.snap !== null) applySnapshot(ctx, acc, signal, step.snap);
  if (signal.trace?.terminal === true) closeTimePass(ctx, acc, signal, step.pipeline);
}

/** §8.4: applies a selected snapshot to the session accumulator. */
function applySnapshot(
  ctx: DerivationContext,
  acc: SessionState,
  signal: LifecycleSignal,
  snap: SnapshotCandidate,
): void {
  if (snap.canonical !== "") {
    acc.orchestratorAddress = snap.canonical;
    acc.canonicalSeen.add(snap.canonical);
  }
  acc.orchestratorUrl = fnb2(acc.orchestratorUrl, snap.url);
  acc.decision = decideAttribution(signal.ts, snap.s, ctx.ttlMs);
  if (!isStale(acc.decision)) {
    acc.modelId = blankToNull(snap.modelId);
    acc.gpuId = blankToNull(snap.gpuId);
    if (acc.modelId !== null) acc.modelIdsSeen.add(acc.modelId);
  }
  if (acc.pipeline !== "") acc.pipelinesSeen.add(acc.pipeline);
}

/** §8.5: close-time attribution on a `gateway_ingest_stream_closed` trace. */
function closeTimePass(
  ctx: DerivationContext,
  acc: SessionState,
  signal: LifecycleSignal,
  resolvedPipeline: string,
): void {
  const key = normalizeAddress(fnb2(signal.orchAddr, acc.orchestratorAddress));
  const hint = fnb(acc.modelId, signal.modelHint, signal.pipelineHint, resolvedPipeline);
  const url = fnb2(signal.orchUrl, acc.orchestratorUrl);
  const snap = selectIn(ctx, key, hint, url, acc.gpuId, signal.ts);
  if (snap !== null) applySnapshot(ctx, acc, signal, snap);
}

/** Identity and counts of a derivation that are not part of the accumulator. */
export interface DerivationStamp {
  readonly workflowSessionId: string;
  readonly version: bigint;
  readonly eventCount: number;
  readonly firstUid: string;
  readonly lastUid: string;
}

function flag(b: boolean): 0 | 1 {
  return b ? 1 : 0;
}

/** `fact_workflow_sessions` row after the last signal (§9, §9.1). */
export function sessionRow(acc: SessionState, stamp: DerivationStamp): FactWorkflowSessionRow {
  const excused =
    acc.knownStream &&
    !acc.startupSuccess &&
    (acc.noOrchestrators || (acc.errorCount > 0 && acc.errorCount === acc.excusableErrorCount));
  const expected = acc.knownStream ? 3 : 0;
  const signals =
    (acc.statusSamples > 0 ? 1 : 0) +
    (acc.firstProcessedTs !== null ? 1 : 0) +
    (acc.firstPlayableTs !== null ? 1 : 0);
  const empty = stamp.eventCount === 0;
  return {
    org: acc.org ?? "",
    workflow_session_id: stamp.workflowSessionId,
    workflow_type: WORKFLOW_TYPE,
    workflow_id: fnb2(acc.pipeline, WORKFLOW_TYPE),
    stream_id: acc.streamId,
    request_id: acc.requestId,
    gateway: acc.gateway,
    session_id: "",
    pipeline: acc.pipeline,
    orchestrator_address: acc.orchestratorAddress,
    orchestrator_url: acc.orchestratorUrl,
    model_id: acc.modelId,
    gpu_id: acc.gpuId,
    region: null,
    has_model_change: flag(acc.modelIdsSeen.size > 1),
    has_pipeline_change: flag(acc.pipelinesSeen.size > 1),
    gpu_attribution_method: acc.decision.method,
    gpu_attribution_confidence: acc.decision.confidence,
    session_start_ts: empty ? 0 : acc.startTs,
    session_end_ts: empty ? null : acc.endTs,
    known_stream: flag(acc.knownStream),
    startup_success: flag(acc.startupSuccess),
    startup_excused: flag(excused),
    startup_unexcused: flag(acc.knownStream && !acc.startupSuccess && !excused),
    confirmed_swap_count: acc.confirmedSwaps,
    inferred_orchestrator_change_count: Math.max(0, acc.canonicalSeen.size - 1),
    swap_count: acc.confirmedSwaps,
    error_count: acc.errorCount,
    excusable_error_count: acc.excusableErrorCount,
    last_error_occurred: flag(acc.lastErrorOccurred),
    loading_only_session: flag(acc.statusSamples > 0 && acc.nonLoadingSamples === 0),
    zero_output_fps_session: flag(acc.statusSamples > 0 && acc.positiveOutputSamples === 0),
    status_sample_count: acc.statusSamples,
    status_error_sample_count: acc.statusErrorSamples,
    health_expected_signal_count: expected,
    health_signal_count: signals,
    health_completeness_ratio: expected === 0 ? null : signals / expected,
    first_stream_request_ts: acc.firstStreamRequestTs,
    first_processed_ts: acc.firstProcessedTs,
    first_playable_ts: acc.firstPlayableTs,
    event_count: stamp.eventCount,
    version: stamp.version,
    source_first_event_uid: stamp.firstUid,
    source_last_event_uid: stamp.lastUid,
    semantics_version: SEMANTICS_VERSION,
  };
}
