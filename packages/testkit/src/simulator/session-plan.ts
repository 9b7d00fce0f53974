import { workflowSessionId } from "@livepeer-analytics/core";
import { EXCUSABLE_MESSAGES, NON_EXCUSABLE_MESSAGES } from "./excusable-messages.js";
import type { GatewaySpec, OrchestratorSpec } from "./network-layout.js";
import { LIVE_MODELS, liveModels } from "./network-layout.js";
import type { Prng } from "./prng.js";
import type { OrchestratorBinding, PlannedEvent } from "./session-builder.js";
import { SessionBuilder, bindOrchestrator } from "./session-builder.js";
import type { SessionOutcome } from "./session-outcome.js";
import type { SessionTruth } from "./session-truth.js";
import { truthFromTally } from "./session-truth.js";

/** Inputs shared by every session plan. */
export interface PlanContext {
  /** Live-video orchestrators (sessions are only served by these). */
  readonly live: readonly OrchestratorSpec[];
  readonly gateways: readonly GatewaySpec[];
  /** Mean gap between status samples (ms); ingest metrics use the same cadence. */
  readonly statusIntervalMs: number;
  /** Session length range (ms, inclusive), measured from the first event to the close. */
  readonly sessionDurationMs: readonly [number, number];
}

/** One planned session: its events sorted by emission time, its truth and its last event time. */
export interface PlannedSession {
  readonly events: readonly PlannedEvent[];
  readonly truth: SessionTruth;
  readonly endMs: number;
}

type StatusMode = "positive" | "zero" | "loading";
const NON_LOADING = ["ONLINE", "ONLINE", "ONLINE", "DEGRADED_INFERENCE", "DEGRADED_INPUT"];

class Flow {
  constructor(
    readonly s: SessionBuilder,
    readonly rng: Prng,
    readonly ctx: PlanContext,
    readonly start: number,
    readonly end: number,
  ) {}

  /** First-ingest traces (and processed-segment traces when `processed`) on binding `b`. */
  join(b: OrchestratorBinding, t0: number, processed: boolean): void {
    const { s, rng } = this;
    s.attribute(b);
    s.payment(t0 - rng.int(1, 50), b);
    s.trace(t0, "gateway_send_first_ingest_segment", b);
    s.trace(t0 + rng.int(60, 150), "runner_receive_first_ingest_segment", b);
    if (!processed) return;
    s.trace(t0 + rng.int(150, 250), "runner_send_first_processed_segment", b);
    s.trace(t0 + rng.int(300, 900), "gateway_receive_first_processed_segment", b);
  }

  /** Status samples every ~interval from `from` while before `to` (at least one). */
  statuses(b: OrchestratorBinding, from: number, to: number, mode: StatusMode): void {
    const { s, rng } = this;
    let t = from;
    do {
      const state = mode === "loading" ? "LOADING" : rng.pick(NON_LOADING);
      const fps = mode === "positive" ? rng.float(12, 30) : 0;
      s.status(t, b, state, fps, this.start + 2);
      t += this.ctx.statusIntervalMs + rng.int(-30, 30);
    } while (t < to);
  }

  /** Ingest metrics and periodic payments from `from` to the end. */
  media(b: OrchestratorBinding, from: number): void {
    for (let t = from + 2; t < this.end; t += this.ctx.statusIntervalMs) this.s.ingest(t);
    for (let t = from + 60_000; t < this.end; t += 60_000 + this.rng.int(-500, 500))
      this.s.payment(t, b);
  }

  discovery(t: number, b: OrchestratorBinding): void {
    const others = this.rng.int(0, 2);
    const list = [b];
    for (let i = 0; i < others; i++) {
      const o = this.rng.pick(this.ctx.live);
      if (o !== b.orchestrator) list.push(bindOrchestrator(o, b.model, t));
    }
    this.s.discovery(t, list);
  }

  close(t: number): void {
    this.s.trace(t, "gateway_ingest_stream_closed", null);
  }
}

function pickModelAndOrchestrator(
  rng: Prng,
  live: readonly OrchestratorSpec[],
): [OrchestratorSpec, string] {
  const o = rng.pick(live);
  return [o, rng.pick(liveModels(o))];
}

function otherServing(
  live: readonly OrchestratorSpec[],
  o: OrchestratorSpec,
  model: string,
): OrchestratorSpec[] {
  const key = o.canonical.toLowerCase();
  return live.filter((x) => x.canonical.toLowerCase() !== key && liveModels(x).includes(model));
}

/** success, zero_fps, unknown_stream, and both swap outcomes. */
function servedFlow(f: Flow, outcome: SessionOutcome, pool: readonly OrchestratorSpec[]): void {
  const { s, rng, start, end } = f;
  const [o1, model] = pickModelAndOrchestrator(rng, pool);
  if (outcome !== "unknown_stream") s.trace(start, "gateway_receive_stream_request", null);
  const b1 = bindOrchestrator(o1, model, start);
  const t0 = start + rng.int(300, 3000);
  f.discovery(start + rng.int(100, 290), b1);
  f.join(b1, t0, true);
  s.trace(t0 + rng.int(1500, 4000), "gateway_receive_few_processed_segments", b1);
  const swapping = outcome === "confirmed_swap" || outcome === "inferred_swap";
  const swapT = swapping ? t0 + Math.floor((end - t0) * rng.float(0.3, 0.6)) : end;
  f.statuses(b1, t0 + rng.int(800, 1500), swapT, outcome === "zero_fps" ? "zero" : "positive");
  f.media(b1, t0);
  if (rng.chance(0.2))
    s.aiEvent(t0 + rng.int(2000, Math.max(2000, swapT - t0 - 1)), "params_update", "", model);
  if (swapping) {
    const o2 = rng.pick(otherServing(f.ctx.live, o1, model));
    if (outcome === "confirmed_swap") {
      s.trace(swapT, "orchestrator_swap", b1, { message: "orchestrator is slow", pipeline: model });
    }
    const b2 = bindOrchestrator(o2, model, swapT);
    const t2 = swapT + rng.int(300, 2000);
    f.discovery(t2 - 100, b2);
    f.join(b2, t2, true);
    f.statuses(b2, t2 + rng.int(800, 1500), end, "positive");
  }
  f.close(end);
  if (rng.chance(0.3))
    s.aiEvent(end, "error", rng.pick(["mediamtx ingest disconnected", "whip disconnected"]), model);
}

/** excused_errors, unexcused (with an orchestrator) and loading_only. */
function stalledFlow(f: Flow, outcome: SessionOutcome): void {
  const { s, rng, start, end } = f;
  const [o, model] = pickModelAndOrchestrator(rng, f.ctx.live);
  s.trace(start, "gateway_receive_stream_request", null);
  const b = bindOrchestrator(o, model, start);
  const t0 = start + rng.int(300, 3000);
  f.discovery(start + rng.int(100, 290), b);
  f.join(b, t0, false);
  f.media(b, t0);
  if (outcome === "loading_only") {
    f.statuses(b, t0 + rng.int(800, 1500), end, "loading");
    f.close(end);
    return;
  }
  const n = rng.int(1, 3);
  let t = t0 + rng.int(1000, 5000);
  for (let i = 0; i < n; i++) {
    const msg =
      outcome === "excused_errors" || i > 0
        ? rng.pick(EXCUSABLE_MESSAGES)
        : rng.pick(NON_EXCUSABLE_MESSAGES);
    s.aiEvent(Math.min(t, end - 1), "error", msg, model);
    t += rng.int(50, 3000);
  }
  f.close(end);
}

function noOrchestratorFlow(f: Flow, outcome: SessionOutcome): void {
  const { s, rng, start } = f;
  s.trace(start, "gateway_receive_stream_request", null);
  if (outcome === "unexcused") {
    f.close(f.end);
    return;
  }
  const model = rng.pick(f.ctx.live.length > 0 ? f.ctx.live.flatMap(liveModels) : LIVE_MODELS);
  const t1 = start + rng.int(3, 20);
  s.aiEvent(
    t1,
    "error",
    rng.pick(["no orchestrators available", "no orchestrators available within 2s timeout"]),
    model,
  );
  s.trace(t1, "gateway_no_orchestrators_available", null);
  const t2 = t1 + rng.int(50, 200);
  f.close(t2);
  s.aiEvent(t2, "error", "mediamtx ingest disconnected", model);
}

function swappable(live: readonly OrchestratorSpec[]): OrchestratorSpec[] {
  return live.filter((o) => liveModels(o).every((m) => otherServing(live, o, m).length > 0));
}

/**
 * The outcome actually planned for a requested one: served outcomes need a live orchestrator
 * (else `excused_no_orchestrator`; `unexcused` falls back to its no-orchestrator variant), swaps
 * need two canonical orchestrators serving one model (else `success`).
 */
export function feasibleOutcome(
  live: readonly OrchestratorSpec[],
  outcome: SessionOutcome,
): SessionOutcome {
  if (outcome === "excused_no_orchestrator" || outcome === "unexcused") return outcome;
  if (live.length === 0) return "excused_no_orchestrator";
  if (outcome !== "confirmed_swap" && outcome !== "inferred_swap") return outcome;
  return swappable(live).length > 0 ? outcome : "success";
}

function runFlow(f: Flow, outcome: SessionOutcome): void {
  switch (outcome) {
    case "success":
    case "zero_fps":
    case "unknown_stream":
      return servedFlow(f, outcome, f.ctx.live);
    case "confirmed_swap":
    case "inferred_swap":
      return servedFlow(f, outcome, swappable(f.ctx.live));
    case "excused_no_orchestrator":
      return noOrchestratorFlow(f, outcome);
    case "unexcused":
      if (f.ctx.live.length === 0 || f.rng.chance(0.4)) return noOrchestratorFlow(f, outcome);
      return stalledFlow(f, outcome);
    case "excused_errors":
    case "loading_only":
      return stalledFlow(f, outcome);
  }
}

/**
 * Plans one session starting at `startMs` with the requested outcome (see `SessionOutcome` for
 * the events of each; {@link feasibleOutcome} for fallbacks). Returns the events sorted by
 * emission time (stable) and the ground truth.
 */
export function planSession(
  ctx: PlanContext,
  rng: Prng,
  requested: SessionOutcome,
  startMs: number,
): PlannedSession {
  const outcome = feasibleOutcome(ctx.live, requested);
  const streamId = `aiJobTesterStream-${startMs}${rng.digits(6)}`;
  const requestId = rng.hex(8);
  const s = new SessionBuilder(rng, streamId, requestId, rng.pick(ctx.gateways));
  const end = startMs + rng.int(ctx.sessionDurationMs[0], ctx.sessionDurationMs[1]);
  runFlow(new Flow(s, rng, ctx, startMs, end), outcome);
  const events = s.events.sort((a, b) => a.t - b.t);
  const ids = {
    workflow_session_id: workflowSessionId(streamId, requestId, ""),
    stream_id: streamId,
    request_id: requestId,
    gateway: s.gateway.name,
    outcome,
  };
  return {
    events,
    truth: truthFromTally(ids, s.tally),
    endMs: events[events.length - 1]?.t ?? startMs,
  };
}
