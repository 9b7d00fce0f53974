import { isStale, NONE } from "../attribution/attribution-decision.js";
import type { AttributionDecision } from "../attribution/attribution-decision.js";
import { SEMANTICS_VERSION } from "../version.js";
import { blankToNull, ciAscii, fnb2 } from "../values/java-trim.js";
import { attributeSignal } from "./derivation-context.js";
import type { DerivationContext } from "./derivation-context.js";
import type { FactWorkflowParamUpdateRow } from "./fact-rows.js";
import type { LifecycleSignal } from "./lifecycle-signal.js";

/** Own state of the param-update machine (sessions.md §11). */
export interface ParamUpdateState {
  streamId: string;
  requestId: string;
  gateway: string;
  /** Earliest non-blank here (fnb-sticky), unlike sessions. */
  orchestratorUrl: string;
  pipeline: string;
  modelId: string | null;
  orchestratorAddress: string;
  gpuId: string | null;
  decision: AttributionDecision;
}

/** Initial state of §11. */
export function emptyParamUpdateState(): ParamUpdateState {
  return {
    streamId: "",
    requestId: "",
    gateway: "",
    orchestratorUrl: "",
    pipeline: "",
    modelId: null,
    orchestratorAddress: "",
    gpuId: null,
    decision: NONE,
  };
}

/** True for an AI event with `ci(type, "params_update")`. */
export function isParamsUpdate(signal: LifecycleSignal): boolean {
  return signal.family === "ai_stream_events" && ciAscii(signal.aiEventType, "params_update");
}

/**
 * One step of §11; returns the row of a `params_update` AI event (state after the signal),
 * else null.
 */
export function paramUpdateStep(
  ctx: DerivationContext,
  st: ParamUpdateState,
  signal: LifecycleSignal,
  workflowSessionId: string,
  version: bigint,
): FactWorkflowParamUpdateRow | null {
  st.streamId = fnb2(st.streamId, signal.streamId);
  st.requestId = fnb2(st.requestId, signal.requestId);
  st.gateway = fnb2(st.gateway, signal.gateway);
  st.orchestratorUrl = fnb2(st.orchestratorUrl, signal.orchUrl);
  const step = attributeSignal(
    ctx,
    signal,
    st.orchestratorAddress,
    st.pipeline,
    st.modelId,
    st.gpuId,
  );
  st.pipeline = fnb2(st.pipeline, step.pipeline);
  st.modelId = blankToNull(fnb2(st.modelId, step.model));
  const snap = step.snap;
  if (snap !== null) {
    if (snap.canonical !== "") st.orchestratorAddress = snap.canonical;
    st.orchestratorUrl = fnb2(st.orchestratorUrl, snap.url);
    st.decision = step.decision;
    if (!isStale(step.decision)) {
      st.modelId = blankToNull(snap.modelId);
      st.gpuId = blankToNull(snap.gpuId);
    }
  }
  if (!isParamsUpdate(signal)) return null;
  return {
    update_ts: signal.ts,
    workflow_session_id: workflowSessionId,
    stream_id: st.streamId,
    request_id: st.requestId,
    pipeline: st.pipeline,
    gateway: st.gateway,
    orchestrator_address: st.orchestratorAddress,
    orchestrator_url: st.orchestratorUrl,
    model_id: st.modelId,
    gpu_id: st.gpuId,
    gpu_attribution_method: st.decision.method,
    gpu_attribution_confidence: st.decision.confidence,
    update_type: "params_update",
    message: signal.message,
    source_event_uid: signal.uid,
    version,
    semantics_version: SEMANTICS_VERSION,
  };
}
