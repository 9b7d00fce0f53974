import type { RawNetworkCapabilitiesRow, RawPaymentEventRow } from "../events/raw-rows.js";
import type {
  FactStreamStatusSampleRow,
  FactWorkflowLatencySampleRow,
  FactWorkflowSessionRow,
} from "../sessions/fact-rows.js";

/**
 * What the serving views read: every stored version of the facts (any order, duplicates
 * allowed), the payment rows and the capability snapshot rows.
 */
export interface ServingInputs {
  readonly sessions: ReadonlyArray<FactWorkflowSessionRow>;
  readonly latency: ReadonlyArray<FactWorkflowLatencySampleRow>;
  readonly statusSamples: ReadonlyArray<FactStreamStatusSampleRow>;
  readonly payments: ReadonlyArray<RawPaymentEventRow>;
  readonly capabilities: ReadonlyArray<RawNetworkCapabilitiesRow>;
}

/** The latest-version bases of serving.md §2. */
export interface ServingBases {
  /** `L_sessions` by `workflow_session_id`. */
  readonly sessions: ReadonlyMap<string, FactWorkflowSessionRow>;
  /** `L_latency`: latest row per session, only sessions present in `L_sessions`. */
  readonly latency: ReadonlyArray<FactWorkflowLatencySampleRow>;
  /** `L_status`: latest row per (session, source_event_uid), then `is_attributed = 1` only. */
  readonly status: ReadonlyArray<FactStreamStatusSampleRow>;
  /** `L_payments`: deduplicated on `raw_event_uid`. */
  readonly payments: ReadonlyArray<RawPaymentEventRow>;
}

/** `session_start_ts` must be strictly after 2000-01-01T00:00:00Z (serving.md §2). */
export const MIN_SESSION_START_EXCLUSIVE_MS = 946_684_800_000;

/**
 * Keeps, per logical key, the row with the greatest `version` (the first one seen on a tie:
 * equal versions of one key hold equal content, sessions.md §4.4).
 */
export function latestByKey<R extends { readonly version: bigint }>(
  rows: ReadonlyArray<R>,
  key: (row: R) => string,
): Map<string, R> {
  const out = new Map<string, R>();
  for (const row of rows) {
    const k = key(row);
    const cur = out.get(k);
    if (cur === undefined || row.version > cur.version) out.set(k, row);
  }
  return out;
}

/** `L_sessions` (serving.md §2): max version per session, then start after 2000-01-01. */
export function latestSessions(
  rows: ReadonlyArray<FactWorkflowSessionRow>,
): Map<string, FactWorkflowSessionRow> {
  const latest = latestByKey(rows, (r) => r.workflow_session_id);
  for (const [id, row] of latest) {
    if (!(row.session_start_ts > MIN_SESSION_START_EXCLUSIVE_MS)) latest.delete(id);
  }
  return latest;
}

/** `L_latency` (serving.md §2): max version per session, restricted to `L_sessions`. */
export function latestLatency(
  rows: ReadonlyArray<FactWorkflowLatencySampleRow>,
  sessions: ReadonlyMap<string, FactWorkflowSessionRow>,
): FactWorkflowLatencySampleRow[] {
  const latest = latestByKey(rows, (r) => r.workflow_session_id);
  const out: FactWorkflowLatencySampleRow[] = [];
  for (const [id, row] of latest) if (sessions.has(id)) out.push(row);
  return out;
}

/**
 * `L_status` (serving.md §2): max version per (`workflow_session_id`, `source_event_uid`), then
 * only attributed rows (a newer unattributed version hides an older attributed one).
 */
export function latestStatus(
  rows: ReadonlyArray<FactStreamStatusSampleRow>,
): FactStreamStatusSampleRow[] {
  const latest = latestByKey(
    rows,
    (r) => `${r.workflow_session_id.length}:${r.workflow_session_id}${r.source_event_uid}`,
  );
  const out: FactStreamStatusSampleRow[] = [];
  for (const row of latest.values()) if (row.is_attributed === 1) out.push(row);
  return out;
}

/** `L_payments` (serving.md §2): first row per `raw_event_uid`. */
export function latestPayments(rows: ReadonlyArray<RawPaymentEventRow>): RawPaymentEventRow[] {
  const seen = new Set<string>();
  const out: RawPaymentEventRow[] = [];
  for (const row of rows) {
    if (seen.has(row.raw_event_uid)) continue;
    seen.add(row.raw_event_uid);
    out.push(row);
  }
  return out;
}

/** Builds every base of serving.md §2 from stored rows. */
export function latestBases(inputs: Omit<ServingInputs, "capabilities">): ServingBases {
  const sessions = latestSessions(inputs.sessions);
  return {
    sessions,
    latency: latestLatency(inputs.latency, sessions),
    status: latestStatus(inputs.statusSamples),
    payments: latestPayments(inputs.payments),
  };
}
