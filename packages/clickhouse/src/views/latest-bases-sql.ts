/**
 * The latest-version bases of serving.md §2 as SQL views. `FINAL` is valid because each fact's
 * sort key equals its logical key (serving.md §1.4), so readers never depend on background
 * merges and never see two versions of one fact.
 */

/** `L_sessions`: latest row per session, started after 2000-01-01T00:00:00Z. */
export const latestSessionsSql = (db: string): string =>
  `CREATE OR REPLACE VIEW ${db}.v_latest_sessions AS
SELECT * FROM ${db}.fact_workflow_sessions FINAL
WHERE session_start_ts > toDateTime64('2000-01-01 00:00:00', 3, 'UTC')`;

/** `L_latency`: latest latency row per session, restricted to sessions of `L_sessions`. */
export const latestLatencySql = (db: string): string =>
  `CREATE OR REPLACE VIEW ${db}.v_latest_latency AS
SELECT * FROM ${db}.fact_workflow_latency_samples FINAL
WHERE workflow_session_id IN (SELECT workflow_session_id FROM ${db}.v_latest_sessions)`;

/** `L_status`: latest status sample per (session, source event), attributed only. */
export const latestStatusSql = (db: string): string =>
  `CREATE OR REPLACE VIEW ${db}.v_latest_status AS
SELECT * FROM ${db}.fact_stream_status_samples FINAL
WHERE is_attributed = 1`;

/** `L_payments`: payment rows deduplicated on `raw_event_uid`. */
export const latestPaymentsSql = (db: string): string =>
  `CREATE OR REPLACE VIEW ${db}.v_latest_payments AS
SELECT * FROM ${db}.raw_payment_events FINAL`;

/** Segments of each session at the session's maximum version (sessions.md §4.5). */
export const latestSegmentsSql = (db: string): string =>
  `CREATE OR REPLACE VIEW ${db}.v_latest_segments AS
SELECT * FROM ${db}.fact_workflow_session_segments FINAL
WHERE (workflow_session_id, version) IN
  (SELECT workflow_session_id, max(version) FROM ${db}.fact_workflow_session_segments GROUP BY workflow_session_id)`;

/**
 * `dim_orchestrator_capability_current` (serving.md §1.3): per (orchestrator, pipeline, model,
 * capability, GPU) the latest snapshot row by (snapshot_ts, source_event_uid, ordinal).
 */
export const capabilityCurrentSql = (db: string): string =>
  `CREATE OR REPLACE VIEW ${db}.dim_orchestrator_capability_current AS
SELECT * FROM ${db}.dim_orchestrator_capability_snapshots
ORDER BY snapshot_ts DESC, source_event_uid DESC, snapshot_row_ordinal DESC
LIMIT 1 BY orchestrator_address, pipeline, model_id, capability_id, ifNull(gpu_id, '')`;
