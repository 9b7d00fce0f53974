/**
 * The KPI counters and ratios of serving.md §3–§4 as SQL fragments, mirroring core's
 * `sessionFlags` / `ratiosFromCounters` so the views and the in-memory views agree.
 */

/** Gate of serving.md §3: `known = known_stream`; every other flag is ANDed with it. */
const KNOWN = "known_stream = 1";

/** The `fact_workflow_sessions` columns the {@link SESSION_COUNTERS} read. */
export const SESSION_FLAG_COLUMNS = [
  "known_stream",
  "startup_success",
  "startup_excused",
  "startup_unexcused",
  "confirmed_swap_count",
  "inferred_orchestrator_change_count",
  "error_count",
  "last_error_occurred",
  "loading_only_session",
  "zero_output_fps_session",
  "orchestrator_address",
  "status_error_sample_count",
  "health_signal_count",
  "health_expected_signal_count",
] as const;

/** A session counter of serving.md §4 and its per-session value (0/1 flag or a gated count). */
export type SessionCounter = readonly [name: string, perSession: string];

/**
 * Every session counter (serving.md §3–§4) as a per-`L_sessions`-row expression over the
 * `fact_workflow_sessions` columns, already gated by `known` (differs from reference: ungated
 * numerators). Summing the expression over a bucket gives the counter.
 */
export const SESSION_COUNTERS: readonly SessionCounter[] = [
  ["known_sessions", KNOWN],
  ["unknown_sessions", `NOT (${KNOWN})`],
  ["success_sessions", `${KNOWN} AND startup_success = 1`],
  ["excused_sessions", `${KNOWN} AND startup_excused = 1`],
  ["unexcused_sessions", `${KNOWN} AND startup_unexcused = 1`],
  ["confirmed_swapped_sessions", `${KNOWN} AND confirmed_swap_count > 0`],
  ["inferred_orchestrator_change_sessions", `${KNOWN} AND inferred_orchestrator_change_count > 0`],
  [
    "swapped_sessions",
    `${KNOWN} AND (confirmed_swap_count > 0 OR inferred_orchestrator_change_count > 0)`,
  ],
  ["sessions_with_errors", `${KNOWN} AND error_count > 0`],
  ["sessions_with_last_error", `${KNOWN} AND last_error_occurred = 1`],
  ["loading_only_sessions", `${KNOWN} AND loading_only_session = 1`],
  ["zero_output_fps_sessions", `${KNOWN} AND zero_output_fps_session = 1`],
  [
    "output_failed_sessions",
    `${KNOWN} AND (loading_only_session = 1 OR zero_output_fps_session = 1)`,
  ],
  [
    "effective_failed_sessions",
    `${KNOWN} AND (startup_unexcused = 1 OR zero_output_fps_session = 1 OR loading_only_session = 1)`,
  ],
  ["served_sessions", `${KNOWN} AND orchestrator_address != ''`],
  ["unserved_sessions", `${KNOWN} AND orchestrator_address = ''`],
  ["status_error_samples", `if(${KNOWN}, status_error_sample_count, 0)`],
  ["health_signal_count", `if(${KNOWN}, health_signal_count, 0)`],
  ["health_expected_signal_count", `if(${KNOWN}, health_expected_signal_count, 0)`],
];

/** The session counters named in `names`, in that order (throws on an unknown name). */
export function sessionCounters(names: readonly string[]): SessionCounter[] {
  return names.map((n) => {
    const c = SESSION_COUNTERS.find(([name]) => name === n);
    if (c === undefined) throw new Error(`unknown session counter ${n}`);
    return c;
  });
}

/** `a / b`, NULL when `b = 0` (D7). Both sides are converted to Float64 before dividing. */
export function ratioSql(a: string, b: string): string {
  return `if(${b} = 0, NULL, ${a} / ${b})`;
}

/** `1 − a / b`, NULL when `b = 0`. */
export function complementSql(a: string, b: string): string {
  return `if(${b} = 0, NULL, 1 - ${a} / ${b})`;
}

/**
 * Jitter coefficient from additive sums (serving.md §4, §7): `√max(0, Σx²/n − m²) / m` with
 * `m = Σx / n`; NULL when n = 0 or m = 0. Same operation order as core's `jitterFromSums`.
 */
export function jitterSql(n: string, sum: string, sqSum: string): string {
  const m = `(${sum} / ${n})`;
  return `if(${n} = 0 OR ${m} = 0, NULL, sqrt(greatest(0, ${sqSum} / ${n} - ${m} * ${m})) / ${m})`;
}

/**
 * `sla_score` (serving.md §4): `100 × health × (0.4 × startup + 0.2 × no_swap + 0.4 ×
 * viability)` over summed counters, evaluated in the written order; NULL when `known = 0` or
 * the health denominator is 0.
 */
export function slaScoreSql(): string {
  const health = "health_signal_count / health_expected_signal_count";
  const startup = "(1 - unexcused_sessions / known_sessions)";
  const noSwap = "(1 - swapped_sessions / known_sessions)";
  const viability = "(1 - output_failed_sessions / known_sessions)";
  return `if(known_sessions = 0 OR health_expected_signal_count = 0, NULL, 100 * (${health}) * (0.4 * ${startup} + 0.2 * ${noSwap} + 0.4 * ${viability}))`;
}

/** Exact 0.95 quantile (serving.md §4) of the values where `cond` holds; NULL when none. */
export function p95IfSql(value: string, cond: string): string {
  return `if(countIf(${cond}) = 0, NULL, quantileExactInclusiveIf(0.95)(${value}, ${cond}))`;
}
