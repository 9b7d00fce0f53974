import type { DashboardSpec, PanelSpec } from "./panels.js";
import { bucket, ratio, t } from "./sql.js";

// Pipeline health is about processing time: every panel buckets by `ingestion_timestamp` (when
// the consumer or `lpa load` stored a row), not by event time. Raw tables are read with FINAL
// (serving.md §1: readers of raw tables deduplicate).

const BY_INGESTION = bucket("ingestion_timestamp");
const IN_RANGE = "$__timeFilter(ingestion_timestamp)";

const FACT_TABLES = [
  "fact_workflow_sessions",
  "fact_workflow_session_segments",
  "fact_workflow_param_updates",
  "fact_lifecycle_edge_coverage",
  "fact_workflow_latency_samples",
  "fact_stream_status_samples",
  "fact_stream_trace_edges",
  "fact_stream_ingest_samples",
] as const;

/** Seconds since the newest `ingestion_timestamp` of a table in the range. */
const sinceLastWrite = (title: string, table: string, description: string): PanelSpec => ({
  type: "stat",
  title,
  description,
  w: 6,
  h: 4,
  unit: "s",
  interval: "1m",
  sql: `SELECT dateDiff('second', max(ingestion_timestamp), now()) AS seconds_since_last_write
FROM ${t(table)}
WHERE ${IN_RANGE}`,
});

/** Where records went, DLQ rate, lag and freshness — from the tables the pipeline writes. */
export const PIPELINE_HEALTH: DashboardSpec = {
  uid: "lpa-pipeline-health",
  title: "Livepeer · Pipeline health",
  description:
    "Ingestion outcomes, DLQ rate and reasons, event-to-storage lag and freshness by processing time (docs/operations.md).",
  file: "pipeline-health",
  variables: [],
  panels: [
    sinceLastWrite(
      "Last event stored",
      "raw_streaming_events",
      "Seconds since the newest accepted envelope was stored.",
    ),
    sinceLastWrite(
      "Last session derived",
      "fact_workflow_sessions",
      "Seconds since a session fact version was last written.",
    ),
    {
      type: "stat",
      title: "Newest event age",
      description: "now − the newest event time among envelopes stored in the range.",
      w: 6,
      h: 4,
      unit: "s",
      interval: "1m",
      sql: `SELECT dateDiff('second', max(event_timestamp), now()) AS newest_event_age_s
FROM ${t("raw_streaming_events")}
WHERE ${IN_RANGE}`,
    },
    {
      type: "stat",
      title: "DLQ rate",
      description: "Rejected records / (accepted + rejected) stored in the range.",
      w: 6,
      h: 4,
      unit: "percentunit",
      decimals: 2,
      interval: "1m",
      sql: `SELECT ${ratio("countIf(outcome = 'dlq')", "count()")} AS dlq_rate
FROM (
  SELECT 'accepted' AS outcome FROM ${t("raw_streaming_events")} FINAL WHERE ${IN_RANGE}
  UNION ALL
  SELECT 'dlq' AS outcome FROM ${t("raw_streaming_events_dlq")} FINAL WHERE ${IN_RANGE}
)`,
    },
    {
      type: "timeseries",
      title: "Records by outcome",
      description:
        "Stored records per interval: accepted envelopes, DLQ rejections, quarantined duplicates, unknown types.",
      stacked: true,
      interval: "1m",
      sql: `SELECT ${BY_INGESTION} AS time, outcome, count() AS records
FROM (
  SELECT ingestion_timestamp, 'accepted' AS outcome FROM ${t("raw_streaming_events")} FINAL WHERE ${IN_RANGE}
  UNION ALL
  SELECT ingestion_timestamp, 'dlq' AS outcome FROM ${t("raw_streaming_events_dlq")} FINAL WHERE ${IN_RANGE}
  UNION ALL
  SELECT ingestion_timestamp, 'quarantine' AS outcome FROM ${t("raw_streaming_events_quarantine")} FINAL WHERE ${IN_RANGE}
  UNION ALL
  SELECT ingestion_timestamp, 'unknown_type' AS outcome FROM ${t("raw_unknown_events")} FINAL WHERE ${IN_RANGE}
)
GROUP BY time, outcome
ORDER BY time`,
    },
    {
      type: "timeseries",
      title: "DLQ by failure class",
      description: "Rejected records per interval by failure_class (events.md §5).",
      stacked: true,
      interval: "1m",
      sql: `SELECT ${BY_INGESTION} AS time, failure_class, count() AS records
FROM ${t("raw_streaming_events_dlq")} FINAL
WHERE ${IN_RANGE}
GROUP BY time, failure_class
ORDER BY time`,
    },
    {
      type: "timeseries",
      title: "Event-to-storage lag",
      description:
        "ingestion_timestamp − event time of accepted envelopes (p50, p95, max). Replays and backfills show as large lags.",
      unit: "ms",
      interval: "1m",
      sql: `SELECT ${BY_INGESTION} AS time,
  quantileExact(0.5)(dateDiff('millisecond', event_timestamp, ingestion_timestamp)) AS p50_lag_ms,
  quantileExact(0.95)(dateDiff('millisecond', event_timestamp, ingestion_timestamp)) AS p95_lag_ms,
  max(dateDiff('millisecond', event_timestamp, ingestion_timestamp)) AS max_lag_ms
FROM ${t("raw_streaming_events")}
WHERE ${IN_RANGE}
GROUP BY time
ORDER BY time`,
    },
    {
      type: "timeseries",
      title: "Fact versions written",
      description:
        "Fact rows (all versions) written per interval and table: derivation throughput.",
      stacked: true,
      interval: "1m",
      sql: `SELECT ${BY_INGESTION} AS time, fact_table, count() AS rows
FROM (
${FACT_TABLES.map((f) => `  SELECT ingestion_timestamp, '${f}' AS fact_table FROM ${t(f)} WHERE ${IN_RANGE}`).join("\n  UNION ALL\n")}
)
GROUP BY time, fact_table
ORDER BY time`,
    },
    {
      type: "table",
      title: "Top DLQ reasons",
      description: "Rejections in the range by stage, class and reason, with the last one seen.",
      w: 24,
      h: 9,
      interval: "1m",
      sql: `SELECT failure_stage, failure_class, failure_reason, event_type,
  count() AS records, max(ingestion_timestamp) AS last_seen, any(failure_details) AS example_details
FROM ${t("raw_streaming_events_dlq")} FINAL
WHERE ${IN_RANGE}
GROUP BY failure_stage, failure_class, failure_reason, event_type
ORDER BY records DESC
LIMIT 50`,
    },
    {
      type: "table",
      title: "Input progress by topic partition",
      description:
        "Last offset stored and time since the last write per Kafka partition (consumer lag itself: the consumer's /metrics, lpa_consumer_lag).",
      w: 24,
      h: 7,
      interval: "1m",
      sql: `SELECT source_topic, source_partition,
  max(source_offset) AS last_offset, count() AS records,
  max(ingestion_timestamp) AS last_write,
  dateDiff('second', max(ingestion_timestamp), now()) AS seconds_since_last_write
FROM ${t("raw_streaming_events")}
WHERE ${IN_RANGE}
GROUP BY source_topic, source_partition
ORDER BY source_topic, source_partition`,
    },
  ],
};
