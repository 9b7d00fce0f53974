import fc from "fast-check";
import type { JsonObject, JsonValue } from "@livepeer-analytics/core";
import {
  assembleEnvelope,
  envelopeParts,
  epochMs,
  modelLabel,
  orchestratorUrl,
  putOptional,
  requestId,
  streamId,
  walletAddress,
} from "./envelope-fields.js";

/** Trace types of sessions.md §5.1 plus app/other/unlisted ones. */
export const TRACE_TYPES: readonly string[] = [
  "gateway_receive_stream_request",
  "gateway_receive_first_processed_segment",
  "gateway_receive_few_processed_segments",
  "gateway_no_orchestrators_available",
  "orchestrator_swap",
  "gateway_ingest_stream_closed",
  "gateway_send_first_ingest_segment",
  "gateway_receive_first_data_segment",
  "runner_receive_first_ingest_segment",
  "runner_send_first_processed_segment",
  "stream_stopped",
  "stream_orchestrator_token_refresh",
  "app_start_broadcast",
  "stream_heartbeat",
  "pipeline_loaded",
  "websocket_disconnected",
  "error",
  "some_future_trace",
];

/** `orchestrator_info` as producers send it: sometimes empty strings, sometimes absent. */
function orchestratorInfo(): fc.Arbitrary<JsonValue | undefined> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({ address: walletAddress(), url: orchestratorUrl() }) },
    { weight: 2, arbitrary: fc.constant({ address: "", url: "" }) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

const statusData = fc
  .record({
    stream_id: streamId(),
    request_id: requestId(),
    pipeline: modelLabel(),
    state: fc.constantFrom(
      "ONLINE",
      "LOADING",
      "DEGRADED_INPUT",
      "DEGRADED_INFERENCE",
      "OFFLINE",
      "",
    ),
    info: orchestratorInfo(),
    fps: fc.double({ min: 0, max: 60, noNaN: true }),
    inFps: fc.double({ min: 0, max: 60, noNaN: true }),
    restarts: fc.integer({ min: 0, max: 10 }),
    lastError: fc.option(
      fc.constantFrom(
        "Error updating params: Cannot change output resolution mid-stream",
        "",
        "runner crashed",
      ),
      { nil: null },
    ),
    startTime: fc.option(epochMs(), { nil: undefined }),
    prompt: fc.option(fc.oneof(fc.string({ maxLength: 40 }), fc.constant({ text: "nested" })), {
      nil: undefined,
    }),
    t: epochMs(),
  })
  .map((r): JsonObject => {
    const lastParams: JsonObject = { height: 512, width: 512 };
    putOptional(lastParams, "prompt", r.prompt);
    const data: JsonObject = {
      inference_status: {
        fps: r.fps,
        last_error: r.lastError,
        last_error_time: r.lastError === null ? null : r.t - 1000,
        last_params: lastParams,
        last_params_hash: "f2f41bce75e30de92f8c308a6722859b",
        restart_count: r.restarts,
      },
      input_status: { fps: r.inFps, last_input_time: r.t - 8 },
    };
    putOptional(data, "orchestrator_info", r.info);
    Object.assign(data, {
      pipeline: r.pipeline,
      pipeline_id: "",
      request_id: r.request_id,
      state: r.state,
      stream_id: r.stream_id,
    });
    putOptional(data, "start_time", r.startTime);
    data["timestamp"] = r.t;
    data["type"] = "status";
    return data;
  });

/** Valid `ai_stream_status` envelopes (events.md §8.1 shape; all required paths non-empty strings). */
export function aiStreamStatusEnvelope(): fc.Arbitrary<JsonObject> {
  return fc
    .tuple(envelopeParts(false), statusData)
    .map(([p, d]) => assembleEnvelope("ai_stream_status", p, d));
}

const traceData = fc
  .record({
    stream_id: streamId(),
    request_id: requestId(),
    type: fc.constantFrom(...TRACE_TYPES),
    info: orchestratorInfo(),
    t: fc.option(fc.oneof({ weight: 5, arbitrary: epochMs() }, fc.constant(0)), { nil: undefined }),
    message: fc.option(fc.constantFrom("orchestrator is slow", ""), { nil: undefined }),
  })
  .map((r): JsonObject => {
    const data: JsonObject = {};
    putOptional(data, "orchestrator_info", r.info);
    putOptional(data, "message", r.message);
    Object.assign(data, { pipeline_id: "", request_id: r.request_id, stream_id: r.stream_id });
    putOptional(data, "timestamp", r.t);
    data["type"] = r.type;
    return data;
  });

/** Valid `stream_trace` envelopes (id always present; `data.timestamp` sometimes 0 or absent). */
export function streamTraceEnvelope(): fc.Arbitrary<JsonObject> {
  return fc
    .tuple(envelopeParts(true), traceData)
    .map(([p, d]) => assembleEnvelope("stream_trace", p, d));
}

const aiEventData = fc
  .record({
    stream_id: streamId(),
    request_id: requestId(),
    pipeline: modelLabel(),
    type: fc.constantFrom("error", "params_update", "warning", "info", "ERROR"),
    message: fc.option(
      fc.constantFrom(
        "no orchestrators available",
        "whip disconnected",
        "WHIP disconnected unexpectedly",
        "Stream exceeded max duration",
        "",
      ),
      { nil: undefined },
    ),
  })
  .map((r): JsonObject => {
    const data: JsonObject = { capability: "" };
    putOptional(data, "message", r.message);
    Object.assign(data, {
      pipeline: r.pipeline,
      pipeline_id: "",
      request_id: r.request_id,
      stream_id: r.stream_id,
      type: r.type,
    });
    return data;
  });

/** Valid `ai_stream_events` envelopes (errors with excusable and other messages, params updates, …). */
export function aiStreamEventsEnvelope(): fc.Arbitrary<JsonObject> {
  return fc
    .tuple(envelopeParts(false), aiEventData)
    .map(([p, d]) => assembleEnvelope("ai_stream_events", p, d));
}
