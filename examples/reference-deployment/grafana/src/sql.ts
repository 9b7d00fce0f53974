// SQL fragments shared by the dashboards. Every ratio is recomputed from summed additive
// counters (serving.md §7): rows of the hourly views are combined by summing, never by
// averaging their ratios; a zero denominator gives NULL (serving.md §4, D7).

/** Database of every table and view (serving.md §1). */
export const DB = "livepeer_analytics";

/** A table or view of {@link DB}. */
export const t = (name: string): string => `${DB}.${name}`;

/** `num / den` with NULL for a zero denominator. */
export const ratio = (num: string, den: string): string => `${num} / nullIf(${den}, 0)`;

/** `1 − Σ part / Σ known_sessions` (startup success, no swap, output viability, success). */
export const complement = (counter: string): string =>
  `1 - ${ratio(`sum(${counter})`, "sum(known_sessions)")}`;

/** `health_completeness_ratio` from summed counters. */
export const healthRatio = ratio("sum(health_signal_count)", "sum(health_expected_signal_count)");

/**
 * `sla_score` from summed counters (serving.md §4): 100 × health × (0.4 × startup success +
 * 0.2 × no swap + 0.4 × output viability); NULL when no known session or no expected signal.
 */
export const slaScore = `100 * (${healthRatio}) * (0.4 * (${complement("unexcused_sessions")}) + 0.2 * (${complement("swapped_sessions")}) + 0.4 * (${complement("output_failed_sessions")}))`;

/** `avg_output_fps` = Σ output_fps_sum / Σ status_samples. */
export const avgFps = ratio("sum(output_fps_sum)", "sum(status_samples)");

/** `jitter_coeff_fps` = √max(0, Σx²/N − m²) / m (serving.md §7), NULL when N = 0 or m = 0. */
export const jitter = `sqrt(greatest(0, ${ratio("sum(output_fps_sq_sum)", "sum(status_samples)")} - pow(${avgFps}, 2))) / nullIf(${avgFps}, 0)`;

/** A latency average from its sum and sample count columns. */
export const latencyAvg = (metric: string, count: string): string =>
  ratio(`sum(${metric}_sum)`, `sum(${count}_sample_count)`);

/** Σ `fee_payment_wei` (decimal strings, exact UInt256) as ETH. */
export const feesEth = "toFloat64(sum(toUInt256OrZero(fee_payment_wei))) / 1e18";

/**
 * Filter on a multi-value template variable; `1=1` when the variable is on All. No space after
 * the comma: the plugin matches the macro's text literally when it substitutes it.
 */
export const pick = (column: string, variable: string): string =>
  `$__conditionalAll(${column} IN (\${${variable}:singlequote}),$${variable})`;

/** `AND`-joined filters on the grain keys of the GPU-metrics and SLA views. */
export const gpuKeyFilters = [
  pick("orchestrator_address", "orchestrator"),
  pick("pipeline", "pipeline"),
  pick("model_id", "model"),
  pick("gpu_id", "gpu"),
].join("\n  AND ");

/** `AND`-joined filters on the grain keys of the demand view. */
export const demandKeyFilters = [
  pick("gateway", "gateway"),
  pick("pipeline", "pipeline"),
  pick("model_id", "model"),
].join("\n  AND ");

/** Bucket of an hourly view row at the panel interval (never finer than the view's hour). */
export const bucket = (column = "window_start"): string => `$__timeInterval(${column})`;

/** Short label of an orchestrator address: `0x1234…abcd`. */
export const shortAddress = (column: string): string =>
  `concat(substring(${column}, 1, 6), '…', substring(${column}, length(${column}) - 3, 4))`;
