import type { JsonObject, JsonValue } from "@livepeer-analytics/core";
import { isExcusableMessage } from "./excusable-messages.js";
import type { GatewaySpec, OrchestratorSpec } from "./network-layout.js";
import { activeHotWallet, pinnedGpuId } from "./network-layout.js";
import type { Prng } from "./prng.js";
import type { SessionTally } from "./session-truth.js";
import { emptyTally } from "./session-truth.js";

/** An envelope with its emission time (gateway clock, epoch ms). */
export interface PlannedEvent {
  readonly t: number;
  readonly env: JsonObject;
}

/** Where a session's orchestrator-side events point: hot wallet (lowercase) and service URL. */
export interface OrchestratorBinding {
  readonly orchestrator: OrchestratorSpec;
  readonly hot: string;
  readonly url: string;
  readonly model: string;
}

/** Binds a session to orchestrator `o` at time `t` (hot wallet active then, lowercased). */
export function bindOrchestrator(
  o: OrchestratorSpec,
  model: string,
  t: number,
): OrchestratorBinding {
  return { orchestrator: o, hot: activeHotWallet(o, t).toLowerCase(), url: o.url, model };
}

/**
 * Emits the envelopes of one session (real field names and shapes of the samples) and tallies
 * what the derivation will see. Each method appends one event; times are epoch ms.
 */
export class SessionBuilder {
  /** Emitted events, in call order (sorted later by time). */
  readonly events: PlannedEvent[] = [];
  /** Counters for the ground truth. */
  readonly tally: SessionTally = emptyTally();
  private bytesReceived = 0;
  /** Hash of the session's prompt parameters (constant: the simulator never changes them). */
  private readonly paramsHash: string;

  constructor(
    private readonly rng: Prng,
    readonly streamId: string,
    readonly requestId: string,
    readonly gateway: GatewaySpec,
  ) {
    this.paramsHash = rng.hex(32);
  }

  private envelope(type: string, t: number, data: JsonValue): JsonObject {
    // Real producers send string timestamps; about one in ten is a JSON number (both valid).
    const timestamp: JsonValue = this.rng.chance(0.1) ? t : String(t);
    const env: JsonObject = {
      id: this.rng.uuid(),
      type,
      timestamp,
      gateway: this.gateway.name,
      data,
    };
    this.events.push({ t, env });
    return env;
  }

  private info(b: OrchestratorBinding | null): JsonObject {
    return { address: b?.hot ?? "", url: b?.url ?? "" };
  }

  /** Records that `b`'s orchestrator is (now) the session's canonical orchestrator. */
  attribute(b: OrchestratorBinding): void {
    this.tally.canonicals.push(b.orchestrator.canonical.toLowerCase());
    this.tally.gpuId = pinnedGpuId(b.orchestrator, b.model);
    this.tally.modelHint ??= b.model;
  }

  /** A `stream_trace` (data.timestamp = t; the envelope clock may lag by 0–3 ms). */
  trace(t: number, type: string, b: OrchestratorBinding | null, extra?: JsonObject): void {
    const data: JsonObject = {
      orchestrator_info: this.info(b),
      pipeline_id: "",
      request_id: this.requestId,
      stream_id: this.streamId,
      timestamp: t,
      type,
      ...extra,
    };
    this.envelope("stream_trace", t + this.rng.int(0, 3), data);
    this.tally.lifecycleEventCount++;
    if (type === "gateway_receive_stream_request") this.tally.hasStreamRequest = true;
    if (type === "gateway_receive_few_processed_segments") this.tally.hasFewProcessed = true;
    if (type === "gateway_no_orchestrators_available") this.tally.hasNoOrchestratorTrace = true;
    if (type === "orchestrator_swap") this.tally.swapTraceCount++;
  }

  /** An `ai_stream_status` sample with `orchestrator_info` = (hot, URL) and `pipeline` = model. */
  status(t: number, b: OrchestratorBinding, state: string, fps: number, startTime: number): void {
    const lastError = this.rng.chance(0.03)
      ? "Error updating params: Cannot change output resolution mid-stream"
      : null;
    const data: JsonObject = {
      inference_status: {
        fps,
        last_error: lastError,
        last_error_time: lastError === null ? null : t - this.rng.int(100, 5000),
        last_output_time: t - this.rng.int(5, 40),
        last_params: { height: 512, width: 512, prompt: "a cyberpunk city at night" },
        last_params_hash: this.paramsHash,
        last_params_update_time: startTime,
        last_restart_logs: null,
        last_restart_time: null,
        restart_count: 0,
      },
      input_status: {
        fps: fps > 0 ? fps + this.rng.float(-1, 1) : this.rng.float(14, 30),
        last_input_time: t - 8,
      },
      last_state_update_time: startTime + 100,
      last_status_timestamp: t - this.rng.int(5000, 10000),
      orchestrator_info: this.info(b),
      pipeline: b.model,
      pipeline_id: "",
      request_id: this.requestId,
      start_time: startTime,
      state,
      stream_id: this.streamId,
      timestamp: t - this.rng.int(1, 20),
      type: "status",
    };
    this.envelope("ai_stream_status", t, data);
    const t2 = this.tally;
    t2.lifecycleEventCount++;
    t2.statusCount++;
    if (state.trim().toLowerCase() === "loading") t2.loadingCount++;
    if (fps > 0) t2.positiveFpsCount++;
    t2.modelHint ??= b.model;
  }

  /** An `ai_stream_events` event (`type` error, params_update, …) with `pipeline` = model. */
  aiEvent(t: number, type: string, message: string, model: string): void {
    const data: JsonObject = {
      capability: "",
      message,
      pipeline: model,
      pipeline_id: "",
      request_id: this.requestId,
      stream_id: this.streamId,
      type,
    };
    this.envelope("ai_stream_events", t, data);
    this.tally.lifecycleEventCount++;
    this.tally.modelHint ??= model;
    if (type === "error") {
      this.tally.errorCount++;
      if (isExcusableMessage(message)) this.tally.excusableErrorCount++;
    }
  }

  /** A `stream_ingest_metrics` sample (WebRTC stats; not a lifecycle signal). */
  ingest(t: number): void {
    this.bytesReceived += this.rng.int(800_000, 1_200_000);
    const track = (type: string): JsonObject => ({
      type,
      jitter: this.rng.float(1, 25),
      packets_lost: this.rng.chance(0.1) ? this.rng.int(1, 20) : 0,
      packets_received: Math.floor(this.bytesReceived / 1200),
      packet_loss_pct: 0,
      rtt: 0,
      last_input_ts: (t % 1_000_000) / 1000,
      last_output_ts: 0,
      latency: 0,
    });
    const data: JsonObject = {
      pipeline_id: "",
      request_id: this.requestId,
      stats: {
        peer_conn_stats: {
          ID: "iceTransport",
          BytesReceived: this.bytesReceived,
          BytesSent: this.rng.int(1000, 300_000),
        },
        track_stats: [track("video"), track("audio")],
        conn_quality: this.rng.chance(0.9) ? "good" : "poor",
      },
      stream_id: this.streamId,
      timestamp: t,
    };
    this.envelope("stream_ingest_metrics", t, data);
  }

  /** A `create_new_payment` for this session's request (`requestID`, face value in "… WEI"). */
  payment(t: number, b: OrchestratorBinding): void {
    const data: JsonObject = {
      capability: "",
      clientIP: "",
      faceValue: `${this.rng.int(2_000_000, 2_600_000)}000000000 WEI`,
      manifestID: `35_${b.model}`,
      numTickets: String(this.rng.int(1, 3)),
      orchestrator: b.url,
      price: `${this.rng.int(1000, 3000)}.${this.rng.digits(3)} wei/pixel`,
      recipient: b.orchestrator.canonical,
      requestID: this.requestId,
      sender: this.gateway.ethAddress,
      sessionID: this.rng.hex(8),
      winProb: "0.0009990010",
    };
    this.envelope("create_new_payment", t, data);
  }

  /** A `discovery_results` event listing the given orchestrators (hot wallet, latency, URL). */
  discovery(t: number, bindings: readonly OrchestratorBinding[]): void {
    const data = bindings.map((b) => ({
      address: b.hot,
      latency_ms: String(this.rng.int(40, 250)),
      url: b.url,
    }));
    this.envelope("discovery_results", t, data);
  }
}
