/**
 * The session outcomes the simulator can produce (what the session is designed to look like).
 *
 * Per outcome, the lifecycle events emitted (sessions.md §5, §9.1; `H` = the orchestrator's hot
 * wallet, `M` = its model label):
 * - `success`: request trace, `gateway_send_first_ingest_segment`/runner traces/
 *   `gateway_receive_first_processed_segment`/`gateway_receive_few_processed_segments` with H,
 *   status samples (ONLINE/DEGRADED, fps > 0, pipeline M) every few seconds, sometimes
 *   `params_update` AI events and an excusable error at the end, `gateway_ingest_stream_closed`.
 * - `excused_no_orchestrator`: request trace, AI error "no orchestrators available…",
 *   `gateway_no_orchestrators_available`, close trace, AI error "mediamtx ingest disconnected";
 *   no address anywhere.
 * - `excused_errors`: request trace, first-ingest traces with H, 1–3 AI errors whose messages are
 *   all excusable, close trace; no status samples, no processed segments.
 * - `unexcused`: either (a) request trace, first-ingest traces with H, AI errors of which at least
 *   one is not excusable, close trace; or (b) request trace and close trace only (no orchestrator).
 * - `loading_only`: request trace, first-ingest traces with H, status samples all `LOADING` with
 *   fps 0, close trace; no processed segments, no errors (so also zero-output and unexcused).
 * - `zero_fps`: like `success` but every status sample has output fps 0 (non-loading states).
 * - `confirmed_swap`: `success` on orchestrator O1, then an `orchestrator_swap` trace (O1's hot
 *   wallet) and first-ingest/processed traces and status samples with O2's hot wallet (O2 is a
 *   different canonical orchestrator serving the same model).
 * - `inferred_swap`: `confirmed_swap` without the `orchestrator_swap` trace.
 * - `unknown_stream`: `success` without the `gateway_receive_stream_request` trace.
 */
export type SessionOutcome =
  | "success"
  | "excused_no_orchestrator"
  | "excused_errors"
  | "unexcused"
  | "loading_only"
  | "zero_fps"
  | "confirmed_swap"
  | "inferred_swap"
  | "unknown_stream";

/** Every {@link SessionOutcome}, in declaration order. */
export const SESSION_OUTCOMES: readonly SessionOutcome[] = [
  "success",
  "excused_no_orchestrator",
  "excused_errors",
  "unexcused",
  "loading_only",
  "zero_fps",
  "confirmed_swap",
  "inferred_swap",
  "unknown_stream",
];

/** Outcome weights (relative, need not sum to 1). Missing outcomes have weight 0. */
export type OutcomeMix = Partial<Readonly<Record<SessionOutcome, number>>>;

/** Default mix: mostly successes, a realistic tail of failures and swaps. */
export const DEFAULT_OUTCOME_MIX: OutcomeMix = {
  success: 55,
  excused_no_orchestrator: 8,
  excused_errors: 6,
  unexcused: 8,
  loading_only: 4,
  zero_fps: 4,
  confirmed_swap: 6,
  inferred_swap: 4,
  unknown_stream: 5,
};
