import { decideAttribution, isStale, NONE } from "../attribution/attribution-decision.js";
import type { AttributionDecision } from "../attribution/attribution-decision.js";
import type { SnapshotCandidate } from "../attribution/snapshot-candidate.js";
import { SEMANTICS_VERSION } from "../version.js";
import { blankToNull, fnb2 } from "../values/java-trim.js";
import { attributeSignal } from "./derivation-context.js";
import type { DerivationContext } from "./derivation-context.js";
import type { FactWorkflowSessionSegmentRow, SegmentReason } from "./fact-rows.js";
import type { LifecycleSignal } from "./lifecycle-signal.js";

/** One segment window while the machine runs (sessions.md §10). */
export interface SegmentWindow {
  index: number;
  startTs: number;
  endTs: number | null;
  gateway: string;
  pipeline: string;
  orchestratorAddress: string;
  orchestratorUrl: string;
  modelId: string | null;
  gpuId: string | null;
  decision: AttributionDecision;
  reason: SegmentReason;
  sourceTraceType: string;
  sourceEventUid: string;
}

/** The segment machine's state: the current segment (null until the first signal) and the closed ones. */
export interface SegmentState {
  current: SegmentWindow | null;
  readonly closed: SegmentWindow[];
}

/** Initial state of §10. */
export function emptySegmentState(): SegmentState {
  return { current: null, closed: [] };
}

function freshWindow(): SegmentWindow {
  return {
    index: 0,
    startTs: 0,
    endTs: null,
    gateway: "",
    pipeline: "",
    orchestratorAddress: "",
    orchestratorUrl: "",
    modelId: null,
    gpuId: null,
    decision: NONE,
    reason: "initial",
    sourceTraceType: "",
    sourceEventUid: "",
  };
}

/** One step of the segment machine (§10 cases A, B, C). */
export function segmentStep(
  ctx: DerivationContext,
  state: SegmentState,
  signal: LifecycleSignal,
): void {
  const prev = state.current;
  const seg = prev ?? freshWindow();
  const step = attributeSignal(
    ctx,
    signal,
    seg.orchestratorAddress,
    seg.pipeline,
    seg.modelId,
    seg.gpuId,
  );
  if (step.model !== "") seg.modelId = step.model;
  // Canonical addresses are normalized when indexed (`candidateFromRow`), and a window's address
  // only ever holds one of them: `norm` of either is the identity here.
  const e = step.snap === null ? "" : step.snap.canonical;
  if (prev === null) {
    openWindow(seg, signal, step.pipeline, e, "initial");
  } else if (e !== "" && seg.orchestratorAddress !== "" && seg.orchestratorAddress !== e) {
    state.closed.push({
      ...seg,
      endTs: signal.ts,
      reason: "orchestrator_change",
      sourceTraceType: fnb2(signal.traceType, seg.sourceTraceType),
      sourceEventUid: fnb2(signal.uid, seg.sourceEventUid),
    });
    seg.index++;
    openWindow(seg, signal, step.pipeline, e, "orchestrator_change");
  } else {
    seg.gateway = fnb2(seg.gateway, signal.gateway);
    seg.pipeline = fnb2(seg.pipeline, step.pipeline);
    if (e !== "") seg.orchestratorAddress = e;
    seg.orchestratorUrl = fnb2(signal.orchUrl, seg.orchestratorUrl);
    seg.sourceTraceType = fnb2(signal.traceType, seg.sourceTraceType);
    seg.sourceEventUid = fnb2(signal.uid, seg.sourceEventUid);
  }
  if (step.snap !== null) applySnapshot(ctx, seg, signal, step.snap);
  if (signal.trace?.terminal === true) {
    seg.endTs = signal.ts;
    seg.reason = "stream_closed";
  }
  state.current = seg;
}

/** Case A (and the opening half of B): a window starting at the signal. */
function openWindow(
  seg: SegmentWindow,
  signal: LifecycleSignal,
  pipeline: string,
  canonical: string,
  reason: SegmentReason,
): void {
  seg.startTs = signal.ts;
  seg.endTs = null;
  seg.gateway = fnb2(seg.gateway, signal.gateway);
  seg.pipeline = fnb2(seg.pipeline, pipeline);
  seg.orchestratorAddress = fnb2(canonical, seg.orchestratorAddress);
  seg.orchestratorUrl = fnb2(signal.orchUrl, seg.orchestratorUrl);
  seg.reason = reason;
  seg.sourceTraceType = signal.traceType;
  seg.sourceEventUid = fnb2(signal.uid, seg.sourceEventUid);
}

/** Applying a snapshot to a segment (§10): the snapshot URL is preferred, unlike sessions. */
function applySnapshot(
  ctx: DerivationContext,
  seg: SegmentWindow,
  signal: LifecycleSignal,
  snap: SnapshotCandidate,
): void {
  seg.decision = decideAttribution(signal.ts, snap.s, ctx.ttlMs);
  if (snap.canonical !== "") seg.orchestratorAddress = snap.canonical;
  seg.orchestratorUrl = fnb2(snap.url, seg.orchestratorUrl);
  if (!isStale(seg.decision)) {
    seg.modelId = blankToNull(snap.modelId);
    seg.gpuId = blankToNull(snap.gpuId);
  }
}

/** The final segment list: closed segments plus the current one, in index order. */
export function finalSegments(state: SegmentState): ReadonlyArray<SegmentWindow> {
  return state.current === null ? state.closed : [...state.closed, state.current];
}

/** `fact_workflow_session_segments` row of a window (§10 columns). */
export function segmentRow(
  seg: SegmentWindow,
  org: string,
  workflowSessionId: string,
  version: bigint,
): FactWorkflowSessionSegmentRow {
  return {
    org,
    workflow_session_id: workflowSessionId,
    segment_index: seg.index,
    segment_start_ts: seg.startTs,
    segment_end_ts: seg.endTs,
    gateway: seg.gateway,
    pipeline: seg.pipeline,
    orchestrator_address: seg.orchestratorAddress,
    orchestrator_url: seg.orchestratorUrl,
    worker_id: "",
    gpu_id: seg.gpuId,
    model_id: seg.modelId,
    region: null,
    gpu_attribution_method: seg.decision.method,
    gpu_attribution_confidence: seg.decision.confidence,
    reason: seg.reason,
    source_trace_type: seg.sourceTraceType,
    source_event_uid: seg.sourceEventUid,
    version,
    semantics_version: SEMANTICS_VERSION,
  };
}
