import type { JsonObject } from "@livepeer-analytics/core";
import { capabilityEnvelope } from "./capability-event.js";
import type { Timed } from "./delivery.js";
import { withDuplicates, withLateDelivery, withLocalShuffle } from "./delivery.js";
import { MinHeap } from "./min-heap.js";
import type { NetworkConfig, NetworkLayout } from "./network-config.js";
import { DEFAULT_CAPABILITY_INTERVAL_MS, STREAM_SALT, networkLayout } from "./network-config.js";
import { Prng, mixSeed } from "./prng.js";
import { DEFAULT_OUTCOME_MIX, SESSION_OUTCOMES } from "./session-outcome.js";
import type { PlanContext } from "./session-plan.js";
import { planSession } from "./session-plan.js";
import type { SessionTruth } from "./session-truth.js";

/** Result of {@link simulateNetwork}. */
export interface SimulationResult {
  /** Envelopes in delivery order (duplicates included). */
  readonly events: JsonObject[];
  /** Ground truth per `workflow_session_id`. */
  readonly truth: Map<string, SessionTruth>;
  /** The simulated gateways and orchestrators. */
  readonly layout: NetworkLayout;
}

const MIN_SESSION_MS = 20_000;

function planContext(config: NetworkConfig, layout: NetworkLayout): PlanContext {
  const [lo, hi] = config.sessionDurationMs ?? [MIN_SESSION_MS, 600_000];
  const min = Math.max(MIN_SESSION_MS, lo);
  return {
    live: layout.orchestrators.filter((o) => o.kind === "live-video" && o.gpus.length > 0),
    gateways: layout.gateways,
    statusIntervalMs: Math.max(100, config.statusIntervalMs ?? 5_000),
    sessionDurationMs: [min, Math.max(min, hi)],
  };
}

/**
 * Events in generation (emission-time) order: capability publications every interval while
 * anything is going on plus one after the last session event, and each session's events,
 * planned when the session starts and merged through a heap (memory ∝ open sessions).
 */
function* generate(
  config: NetworkConfig,
  layout: NetworkLayout,
  onTruth: (t: SessionTruth) => void,
): Generator<Timed> {
  const ctx = planContext(config, layout);
  const weights = SESSION_OUTCOMES.map((o) => (config.outcomeMix ?? DEFAULT_OUTCOME_MIX)[o] ?? 0);
  const interval = Math.max(1000, config.capabilityIntervalMs ?? DEFAULT_CAPABILITY_INTERVAL_MS);
  const capRng = new Prng(mixSeed(config.seed, STREAM_SALT.capability));
  const heap = new MinHeap<Timed>();
  const n = Math.max(0, Math.floor(config.sessions));
  const horizon = config.startMs + config.durationMs;
  let tick = config.startMs;
  let tickIndex = 0;
  let next = 0;
  let nextRng = new Prng(mixSeed(config.seed, STREAM_SALT.session, 0));
  let nextStart =
    config.startMs + Math.floor(nextRng.next() * (config.durationMs / Math.max(1, n)));
  const emitTick = (): Timed => {
    const gw = layout.gateways[tickIndex++ % layout.gateways.length]?.name ?? "";
    const t = tick;
    tick += interval;
    return { t, env: capabilityEnvelope(layout.orchestrators, t, gw, capRng) };
  };
  for (;;) {
    const busy = next < n || heap.size > 0;
    if (!busy) break;
    const hk = heap.peekKey() ?? Infinity;
    const sk = next < n ? nextStart : Infinity;
    if (tick <= hk && tick <= sk) {
      yield emitTick();
    } else if (sk <= hk) {
      const outcome = SESSION_OUTCOMES[nextRng.weighted(weights)] ?? "success";
      const plan = planSession(ctx, nextRng, outcome, nextStart);
      onTruth(plan.truth);
      for (const e of plan.events) heap.push(e.t, e);
      next++;
      nextRng = new Prng(mixSeed(config.seed, STREAM_SALT.session, next));
      nextStart =
        config.startMs + Math.floor((next + nextRng.next()) * (config.durationMs / Math.max(1, n)));
    } else {
      yield heap.pop() as Timed;
    }
  }
  // Keep publishing until the horizon, then once more after the last event.
  while (tick <= horizon) yield emitTick();
  yield emitTick();
}

/**
 * Streaming form of {@link simulateNetwork}: yields the same envelopes in the same delivery order,
 * holding only open sessions' pending events, late events and the shuffle window in memory — use
 * it for million-event benchmark corpora. `onTruth` receives each session's truth when the
 * session is planned (before its events are yielded).
 */
export function* simulateNetworkStream(
  config: NetworkConfig,
  onTruth: (truth: SessionTruth) => void = () => {},
): Generator<JsonObject> {
  const layout = networkLayout(config);
  const d = config.delivery ?? {};
  const drng = (k: number): Prng => new Prng(mixSeed(config.seed, STREAM_SALT.delivery, k));
  let s: Iterable<Timed> = generate(config, layout, onTruth);
  // Each stage is only inserted when enabled (a generator layer per event costs throughput).
  if ((d.duplicateRate ?? 0) > 0) s = withDuplicates(s, drng(1), d);
  if ((d.lateRate ?? 0) > 0) s = withLateDelivery(s, drng(2), d);
  if ((d.shuffleWindow ?? 0) > 1) s = withLocalShuffle(s, drng(3), d);
  for (const e of s) yield e.env;
}

/**
 * Simulates a Livepeer AI live-video network deterministically from `config.seed`.
 *
 * Returns every envelope in delivery order and the ground truth of each session (the
 * `fact_workflow_sessions` values the spec's derivation must give, see `SessionTruth`). Same
 * config → identical output; delivery options only reorder/duplicate the same event set.
 * @example const { events, truth } = simulateNetwork(networkHour(7));
 */
export function simulateNetwork(config: NetworkConfig): SimulationResult {
  const truth = new Map<string, SessionTruth>();
  const events = [...simulateNetworkStream(config, (t) => truth.set(t.workflow_session_id, t))];
  return { events, truth, layout: networkLayout(config) };
}
