import type { KpiCounters } from "./kpi-counters.js";
import { jitterFromSums } from "./quantile.js";
import { weiToEth } from "./wei-to-eth.js";

/**
 * Every recomputed (R) field of serving.md §4/§7, derived only from additive counters.
 * A ratio whose denominator is 0 is null (D7) and nulls propagate.
 */
export interface KpiRatios {
  /** health_signal_count / health_expected_signal_count. */
  readonly health_completeness_ratio: number | null;
  /** unexcused / known. */
  readonly failure_rate: number | null;
  /** swapped / known. */
  readonly swap_rate: number | null;
  /** 1 − unexcused / known. */
  readonly startup_success_ratio: number | null;
  /** 1 − effective_failed / known. */
  readonly success_ratio: number | null;
  /** 1 − swapped / known. */
  readonly no_swap_ratio: number | null;
  /** 1 − output_failed / known. */
  readonly output_viability_ratio: number | null;
  /** 100 × health × (0.4 × startup + 0.2 × no_swap + 0.4 × viability), in [0, 100]. */
  readonly sla_score: number | null;
  /** output_fps_sum / status_samples (frames/s, zeros included). */
  readonly avg_output_fps: number | null;
  /** Population std-dev / mean of output_fps, from sums; null when n = 0 or mean = 0. */
  readonly jitter_coeff_fps: number | null;
  /** Average prompt-to-first-frame latency (ms). */
  readonly prompt_to_first_frame_ms: number | null;
  /** Average startup time (ms). */
  readonly startup_time_ms: number | null;
  /** Average end-to-end latency (ms). */
  readonly e2e_latency_ms: number | null;
  /** status_samples / 60 (usage proxy, minutes); never null. */
  readonly total_inference_minutes: number;
  /** The double nearest to fee_payment_wei / 10^18; never null. */
  readonly fee_payment_eth: number;
}

/** a / b, null when b = 0 (D7). */
export function ratioOrNull(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}

/** 1 − a / b, null when b = 0. */
function complementOrNull(a: number, b: number): number | null {
  return b === 0 ? null : 1 - a / b;
}

/**
 * `sla_score` of serving.md §4, evaluated in the written order:
 * `100 × h × (0.4 × s + 0.2 × n + 0.4 × o)`; null when any input is null.
 * @example slaScore(8 / 12, 0.75, 0.75, 0.5) // 43.333333333333336 (X1)
 */
export function slaScore(
  health: number | null,
  startup: number | null,
  noSwap: number | null,
  viability: number | null,
): number | null {
  if (health === null || startup === null || noSwap === null || viability === null) return null;
  return 100 * health * (0.4 * startup + 0.2 * noSwap + 0.4 * viability);
}

/**
 * Recomputes every ratio of serving.md §4 from summed counters (§7: never average ratios).
 * @example ratiosFromCounters({ ...emptyCounters(), known_sessions: 5, unexcused_sessions: 2 })
 *   .startup_success_ratio === 0.6
 */
export function ratiosFromCounters(c: KpiCounters): KpiRatios {
  const known = c.known_sessions;
  const health = ratioOrNull(c.health_signal_count, c.health_expected_signal_count);
  const startup = complementOrNull(c.unexcused_sessions, known);
  const noSwap = complementOrNull(c.swapped_sessions, known);
  const viability = complementOrNull(c.output_failed_sessions, known);
  return {
    health_completeness_ratio: health,
    failure_rate: ratioOrNull(c.unexcused_sessions, known),
    swap_rate: ratioOrNull(c.swapped_sessions, known),
    startup_success_ratio: startup,
    success_ratio: complementOrNull(c.effective_failed_sessions, known),
    no_swap_ratio: noSwap,
    output_viability_ratio: viability,
    sla_score: known === 0 ? null : slaScore(health, startup, noSwap, viability),
    avg_output_fps: ratioOrNull(c.output_fps_sum, c.status_samples),
    jitter_coeff_fps: jitterFromSums(c.status_samples, c.output_fps_sum, c.output_fps_sq_sum),
    prompt_to_first_frame_ms: ratioOrNull(
      c.prompt_to_first_frame_ms_sum,
      c.prompt_to_first_frame_sample_count,
    ),
    startup_time_ms: ratioOrNull(c.startup_time_ms_sum, c.startup_time_sample_count),
    e2e_latency_ms: ratioOrNull(c.e2e_latency_ms_sum, c.e2e_latency_sample_count),
    total_inference_minutes: c.status_samples / 60,
    fee_payment_eth: weiToEth(c.fee_payment_wei),
  };
}
