import type { NetworkConfig } from "./network-config.js";

/** 2026-02-24T16:00:00Z, the default start of {@link networkHour}. */
export const NETWORK_HOUR_START_MS = 1_771_948_800_000;

/**
 * Preset: about an hour of a small network — 5 gateways, 12 orchestrators (10 live-video, 2
 * hardware-less LLM), 300 sessions of 20 s – 10 min with the default outcome mix, capability
 * publications every 5 minutes, no delivery distortion (add `delivery` to the returned config).
 * @example simulateNetwork({ ...networkHour(1), delivery: { shuffleWindow: 50 } })
 */
export function networkHour(seed: number, startMs: number = NETWORK_HOUR_START_MS): NetworkConfig {
  return {
    seed,
    startMs,
    durationMs: 3_600_000,
    sessions: 300,
    gateways: 5,
    orchestrators: 10,
    llmOrchestrators: 2,
    capabilityIntervalMs: 300_000,
    statusIntervalMs: 5_000,
    sessionDurationMs: [20_000, 600_000],
  };
}
