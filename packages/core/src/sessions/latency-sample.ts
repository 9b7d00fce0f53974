import { SEMANTICS_VERSION } from "../version.js";
import type { FactWorkflowLatencySampleRow, FactWorkflowSessionRow } from "./fact-rows.js";

/**
 * `delta(a, b)` of sessions.md §14: null if either is null or `b − a < 0`, else `b − a` in ms
 * (0 is valid).
 * @example latencyDeltaMs(1000, 1200) === 200; latencyDeltaMs(2000, 1000) === null
 */
export function latencyDeltaMs(fromMs: number | null, toMs: number | null): number | null {
  if (fromMs === null || toMs === null) return null;
  const d = toMs - fromMs;
  return d < 0 ? null : d;
}

/**
 * `fact_workflow_latency_samples` row of a session (§14, edge semantics v1):
 * prompt-to-first-frame = request → processed, startup = processed → playable,
 * e2e = request → playable; flags 1 when the metric is non-null; `sample_ts = session_start_ts`.
 */
export function latencySampleRow(session: FactWorkflowSessionRow): FactWorkflowLatencySampleRow {
  const ptff = latencyDeltaMs(session.first_stream_request_ts, session.first_processed_ts);
  const startup = latencyDeltaMs(session.first_processed_ts, session.first_playable_ts);
  const e2e = latencyDeltaMs(session.first_stream_request_ts, session.first_playable_ts);
  return {
    sample_ts: session.session_start_ts,
    workflow_session_id: session.workflow_session_id,
    stream_id: session.stream_id,
    request_id: session.request_id,
    gateway: session.gateway,
    orchestrator_address: session.orchestrator_address,
    pipeline: session.pipeline,
    model_id: session.model_id,
    gpu_id: session.gpu_id,
    region: session.region,
    edge_semantics_version: "v1",
    prompt_to_first_frame_ms: ptff,
    startup_time_ms: startup,
    e2e_latency_ms: e2e,
    has_prompt_to_first_frame: ptff === null ? 0 : 1,
    has_startup_time: startup === null ? 0 : 1,
    has_e2e_latency: e2e === null ? 0 : 1,
    version: session.version,
    semantics_version: SEMANTICS_VERSION,
  };
}
