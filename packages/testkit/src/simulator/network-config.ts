import type { DeliveryOptions } from "./delivery.js";
import type { GatewaySpec, OrchestratorSpec } from "./network-layout.js";
import { generateGateways, generateOrchestrators } from "./network-layout.js";
import { Prng, mixSeed } from "./prng.js";
import type { OutcomeMix } from "./session-outcome.js";

/**
 * Configuration of {@link simulateNetwork}. Everything is deterministic in `seed`; time starts at
 * `startMs` (no wall clock).
 */
export interface NetworkConfig {
  readonly seed: number;
  /** Epoch ms of the first capability publication and the earliest session start. */
  readonly startMs: number;
  /** Sessions start within [startMs, startMs + durationMs); they may end after it. */
  readonly durationMs: number;
  /** Number of sessions (exact; starts are stratified over the duration). */
  readonly sessions: number;
  /** Gateway count (generated) or explicit gateways. Default 3. */
  readonly gateways?: number | readonly GatewaySpec[];
  /** Live-video orchestrator count (generated) or explicit orchestrators (any kind). Default 8. */
  readonly orchestrators?: number | readonly OrchestratorSpec[];
  /** Hardware-less LLM orchestrators added when `orchestrators` is a number. Default 2. */
  readonly llmOrchestrators?: number;
  /** Outcome weights. Default `DEFAULT_OUTCOME_MIX`. */
  readonly outcomeMix?: OutcomeMix;
  /** Gap between `network_capabilities` publications (ms). Default 300,000 (5 min). */
  readonly capabilityIntervalMs?: number;
  /** Gap between status samples (and ingest metrics) of a session (ms). Default 5,000. */
  readonly statusIntervalMs?: number;
  /** Session length range (ms). Default [20,000, 600,000]; the minimum is raised to 20,000. */
  readonly sessionDurationMs?: readonly [number, number];
  /** Delivery distortions (duplicates, lateness, local shuffles). Default none. */
  readonly delivery?: DeliveryOptions;
}

/** The resolved network: gateways and orchestrators actually simulated. */
export interface NetworkLayout {
  readonly gateways: readonly GatewaySpec[];
  readonly orchestrators: readonly OrchestratorSpec[];
}

/** Salts of the independent random streams derived from the seed. */
export const STREAM_SALT = { layout: 1, session: 2, capability: 3, delivery: 4 } as const;

/** Default capability publication interval (ms). */
export const DEFAULT_CAPABILITY_INTERVAL_MS = 300_000;

/**
 * Resolves the gateways and orchestrators of a config (generating them from the seed when
 * counts are given). Generated hot-wallet rotations happen at the capability tick closest to
 * the middle of the duration, so every hot wallet is published.
 */
export function networkLayout(config: NetworkConfig): NetworkLayout {
  const rng = new Prng(mixSeed(config.seed, STREAM_SALT.layout));
  const g = config.gateways ?? 3;
  const gateways = typeof g === "number" ? generateGateways(rng, Math.max(1, g)) : g;
  const o = config.orchestrators ?? 8;
  const interval = config.capabilityIntervalMs ?? DEFAULT_CAPABILITY_INTERVAL_MS;
  const rotationMs =
    config.startMs + Math.max(1, Math.floor(config.durationMs / 2 / interval)) * interval;
  const orchestrators =
    typeof o === "number"
      ? generateOrchestrators(rng, o, config.llmOrchestrators ?? 2, rotationMs)
      : o;
  return { gateways, orchestrators };
}
