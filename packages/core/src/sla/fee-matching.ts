import type { RawPaymentEventRow } from "../events/raw-rows.js";
import type { FactWorkflowSessionRow } from "../sessions/fact-rows.js";
import { compareUtf8 } from "./utf8-order.js";

/** `L_sessions` rows indexed by non-empty `request_id`, for fee matching. */
export type SessionsByRequest = ReadonlyMap<string, ReadonlyArray<FactWorkflowSessionRow>>;

/** Indexes sessions by `request_id` (empty request ids are not indexed). */
export function indexSessionsByRequest(
  sessions: Iterable<FactWorkflowSessionRow>,
): SessionsByRequest {
  const out = new Map<string, FactWorkflowSessionRow[]>();
  for (const s of sessions) {
    if (s.request_id === "") continue;
    const list = out.get(s.request_id);
    if (list === undefined) out.set(s.request_id, [s]);
    else list.push(s);
  }
  return out;
}

/** True when `a` ranks before `b`: `better(a.start, b.start)`, ties by smaller session id. */
function ranksBefore(
  a: FactWorkflowSessionRow,
  b: FactWorkflowSessionRow,
  later: boolean,
): boolean {
  if (a.session_start_ts !== b.session_start_ts)
    return later
      ? a.session_start_ts > b.session_start_ts
      : a.session_start_ts < b.session_start_ts;
  return compareUtf8(a.workflow_session_id, b.workflow_session_id) < 0;
}

/**
 * The session a payment's fee lands on (serving.md §6.2): among `L_sessions` rows with the
 * payment's non-empty `request_id`, the greatest `session_start_ts ≤` the payment's
 * `event_timestamp`, else the smallest `session_start_ts`; ties by smaller
 * `workflow_session_id` (UTF-8 order). Null when unmatched (including empty `request_id`).
 */
export function matchPaymentSession(
  payment: RawPaymentEventRow,
  index: SessionsByRequest,
): FactWorkflowSessionRow | null {
  if (payment.request_id === "") return null;
  const candidates = index.get(payment.request_id);
  if (candidates === undefined) return null;
  let prior: FactWorkflowSessionRow | null = null;
  let earliest: FactWorkflowSessionRow | null = null;
  for (const s of candidates) {
    if (s.session_start_ts <= payment.event_timestamp) {
      if (prior === null || ranksBefore(s, prior, true)) prior = s;
    } else if (earliest === null || ranksBefore(s, earliest, false)) earliest = s;
  }
  return prior ?? earliest;
}
