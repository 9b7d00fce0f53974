import type { FactWorkflowSessionRow } from "../sessions/fact-rows.js";

/**
 * The additive counters of serving.md §4/§7: everything a serving row needs to recompute its
 * ratios. Field names are the API names (serving.md §8.5–8.7). Summing two records of
 * disjoint populations gives the record of their union ({@link combineCounters}).
 */
export interface KpiCounters {
  /** Σ known (sessions). */
  readonly known_sessions: number;
  /** Σ (1 − known): sessions of unknown streams, counted nowhere else. */
  readonly unknown_sessions: number;
  readonly success_sessions: number;
  readonly excused_sessions: number;
  readonly unexcused_sessions: number;
  readonly confirmed_swapped_sessions: number;
  readonly inferred_orchestrator_change_sessions: number;
  /** Sessions with a confirmed OR inferred swap. */
  readonly swapped_sessions: number;
  readonly sessions_with_errors: number;
  readonly sessions_with_last_error: number;
  readonly loading_only_sessions: number;
  readonly zero_output_fps_sessions: number;
  /** Sessions that are loading-only OR zero-output (counted once). */
  readonly output_failed_sessions: number;
  /** Sessions that are unexcused OR zero-output OR loading-only. */
  readonly effective_failed_sessions: number;
  /** Known sessions with an orchestrator. */
  readonly served_sessions: number;
  /** Known sessions without an orchestrator (= `missing_capacity_count`). */
  readonly unserved_sessions: number;
  /** Σ `status_error_sample_count` of known sessions. */
  readonly status_error_samples: number;
  readonly health_signal_count: number;
  readonly health_expected_signal_count: number;
  /** Number of status samples. */
  readonly status_samples: number;
  /** Σ output_fps (frames/s). */
  readonly output_fps_sum: number;
  /** Σ output_fps². */
  readonly output_fps_sq_sum: number;
  /** Σ of valid `prompt_to_first_frame_ms` values (ms). */
  readonly prompt_to_first_frame_ms_sum: number;
  readonly prompt_to_first_frame_sample_count: number;
  /** Σ of valid `startup_time_ms` values (ms). */
  readonly startup_time_ms_sum: number;
  readonly startup_time_sample_count: number;
  /** Σ of valid `e2e_latency_ms` values (ms). */
  readonly e2e_latency_ms_sum: number;
  readonly e2e_latency_sample_count: number;
  /** Number of payments (including those with a null face value). */
  readonly payment_count: number;
  /** Σ `face_value_wei` (exact integer wei). */
  readonly fee_payment_wei: bigint;
}

/** A {@link KpiCounters} being accumulated in place (internal to the sla folder). */
export type MutableKpiCounters = { -readonly [K in keyof KpiCounters]: KpiCounters[K] };

/** Names of the `number` counters (all but `fee_payment_wei`). */
export type NumericCounterName = Exclude<keyof KpiCounters, "fee_payment_wei">;

/** Every numeric counter name, in API order. */
export const NUMERIC_COUNTER_NAMES: ReadonlyArray<NumericCounterName> = [
  "known_sessions",
  "unknown_sessions",
  "success_sessions",
  "excused_sessions",
  "unexcused_sessions",
  "confirmed_swapped_sessions",
  "inferred_orchestrator_change_sessions",
  "swapped_sessions",
  "sessions_with_errors",
  "sessions_with_last_error",
  "loading_only_sessions",
  "zero_output_fps_sessions",
  "output_failed_sessions",
  "effective_failed_sessions",
  "served_sessions",
  "unserved_sessions",
  "status_error_samples",
  "health_signal_count",
  "health_expected_signal_count",
  "status_samples",
  "output_fps_sum",
  "output_fps_sq_sum",
  "prompt_to_first_frame_ms_sum",
  "prompt_to_first_frame_sample_count",
  "startup_time_ms_sum",
  "startup_time_sample_count",
  "e2e_latency_ms_sum",
  "e2e_latency_sample_count",
  "payment_count",
];

/**
 * A fresh all-zero counter record: the identity of {@link combineCounters}.
 * Returned mutable so accumulators can start from it.
 */
export function emptyCounters(): MutableKpiCounters {
  return {
    known_sessions: 0,
    unknown_sessions: 0,
    success_sessions: 0,
    excused_sessions: 0,
    unexcused_sessions: 0,
    confirmed_swapped_sessions: 0,
    inferred_orchestrator_change_sessions: 0,
    swapped_sessions: 0,
    sessions_with_errors: 0,
    sessions_with_last_error: 0,
    loading_only_sessions: 0,
    zero_output_fps_sessions: 0,
    output_failed_sessions: 0,
    effective_failed_sessions: 0,
    served_sessions: 0,
    unserved_sessions: 0,
    status_error_samples: 0,
    health_signal_count: 0,
    health_expected_signal_count: 0,
    status_samples: 0,
    output_fps_sum: 0,
    output_fps_sq_sum: 0,
    prompt_to_first_frame_ms_sum: 0,
    prompt_to_first_frame_sample_count: 0,
    startup_time_ms_sum: 0,
    startup_time_sample_count: 0,
    e2e_latency_ms_sum: 0,
    e2e_latency_sample_count: 0,
    payment_count: 0,
    fee_payment_wei: 0n,
  };
}

/** Adds every counter of `src` into `target` (in place). */
export function addCountersInto(target: MutableKpiCounters, src: KpiCounters): void {
  for (const name of NUMERIC_COUNTER_NAMES) target[name] += src[name];
  target.fee_payment_wei += src.fee_payment_wei;
}

/**
 * Monoid combine: field-wise sum (exact for integer counters and wei; floating sums are
 * commutative, and associative up to rounding).
 */
export function combineCounters(a: KpiCounters, b: KpiCounters): KpiCounters {
  const out: MutableKpiCounters = { ...a };
  addCountersInto(out, b);
  return out;
}

/**
 * Per-session flags of serving.md §3, already ANDed with `known` (except `known` itself).
 * Each flag is 0 or 1; the three counts are non-negative integers (0 when unknown).
 */
export interface SessionFlags {
  readonly known: 0 | 1;
  readonly success: 0 | 1;
  readonly excused: 0 | 1;
  readonly unexcused: 0 | 1;
  readonly confirmed_swapped: 0 | 1;
  readonly inferred_swapped: 0 | 1;
  readonly swapped: 0 | 1;
  readonly with_errors: 0 | 1;
  readonly with_last_error: 0 | 1;
  readonly loading_only: 0 | 1;
  readonly zero_output: 0 | 1;
  readonly output_failed: 0 | 1;
  readonly effective_failed: 0 | 1;
  readonly served: 0 | 1;
  readonly unserved: 0 | 1;
  readonly status_error_samples: number;
  readonly health_signal: number;
  readonly health_expected: number;
}

const bit = (b: boolean): 0 | 1 => (b ? 1 : 0);

/**
 * The gated flags of one `L_sessions` row (serving.md §3): every flag and count except `known`
 * is ANDed with `known = known_stream`, so an unknown-stream session contributes only to
 * `unknown_sessions`. `swapped` = confirmed > 0 OR inferred > 0; `output_failed` =
 * loading_only OR zero_output; `effective_failed` = unexcused OR zero_output OR loading_only;
 * `served`/`unserved` by `orchestrator_address ≠ ""`.
 */
export function sessionFlags(s: FactWorkflowSessionRow): SessionFlags {
  const k = s.known_stream === 1;
  const confirmed = k && s.confirmed_swap_count > 0;
  const inferred = k && s.inferred_orchestrator_change_count > 0;
  const loading = k && s.loading_only_session === 1;
  const zero = k && s.zero_output_fps_session === 1;
  const unexcused = k && s.startup_unexcused === 1;
  return {
    known: bit(k),
    success: bit(k && s.startup_success === 1),
    excused: bit(k && s.startup_excused === 1),
    unexcused: bit(unexcused),
    confirmed_swapped: bit(confirmed),
    inferred_swapped: bit(inferred),
    swapped: bit(confirmed || inferred),
    with_errors: bit(k && s.error_count > 0),
    with_last_error: bit(k && s.last_error_occurred === 1),
    loading_only: bit(loading),
    zero_output: bit(zero),
    output_failed: bit(loading || zero),
    effective_failed: bit(unexcused || zero || loading),
    served: bit(k && s.orchestrator_address !== ""),
    unserved: bit(k && s.orchestrator_address === ""),
    status_error_samples: k ? s.status_error_sample_count : 0,
    health_signal: k ? s.health_signal_count : 0,
    health_expected: k ? s.health_expected_signal_count : 0,
  };
}

/** Adds the session counters of one `L_sessions` row (its gated §3 flags) into `target`. */
export function addSessionInto(target: MutableKpiCounters, s: FactWorkflowSessionRow): void {
  const f = sessionFlags(s);
  target.known_sessions += f.known;
  target.unknown_sessions += 1 - f.known;
  target.success_sessions += f.success;
  target.excused_sessions += f.excused;
  target.unexcused_sessions += f.unexcused;
  target.confirmed_swapped_sessions += f.confirmed_swapped;
  target.inferred_orchestrator_change_sessions += f.inferred_swapped;
  target.swapped_sessions += f.swapped;
  target.sessions_with_errors += f.with_errors;
  target.sessions_with_last_error += f.with_last_error;
  target.loading_only_sessions += f.loading_only;
  target.zero_output_fps_sessions += f.zero_output;
  target.output_failed_sessions += f.output_failed;
  target.effective_failed_sessions += f.effective_failed;
  target.served_sessions += f.served;
  target.unserved_sessions += f.unserved;
  target.status_error_samples += f.status_error_samples;
  target.health_signal_count += f.health_signal;
  target.health_expected_signal_count += f.health_expected;
}

/** The counters one `L_sessions` row contributes to a bucket (serving.md §3–§4). */
export function countersFromSession(s: FactWorkflowSessionRow): KpiCounters {
  const c = emptyCounters();
  addSessionInto(c, s);
  return c;
}

/** Adds one status sample (`output_fps` in frames/s) into `target`. */
export function addStatusSampleInto(target: MutableKpiCounters, outputFps: number): void {
  target.status_samples += 1;
  target.output_fps_sum += outputFps;
  target.output_fps_sq_sum += outputFps * outputFps;
}
