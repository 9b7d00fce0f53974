import { DIM_TABLES, FACT_TABLES, RAW_TABLES, type TableSpec } from "@livepeer-analytics/core";
import { INGESTION_TIMESTAMP, type StorageSpec } from "./storage-spec.js";

type AnyTable = TableSpec<string, never>;
const spec = (t: AnyTable): AnyTable => t;

/**
 * Retention counts from when a row was stored (`ingestion_timestamp`), not from its event time:
 * an event-time TTL would delete a backfill, a replay or a late event on insert (differs from
 * the reference, whose TTLs were on event dates).
 */
const retention = (days: number): string =>
  `toDateTime(ingestion_timestamp) + INTERVAL ${days} DAY`;

const EVENT_DATE = "event_date Date MATERIALIZED toDate(event_timestamp)";
const WSID_BLOOM = "INDEX idx_wsid workflow_session_id TYPE bloom_filter(0.01) GRANULARITY 4";

function rawTyped(
  t: AnyTable,
  orderBy: readonly string[],
  ttlDays: number,
  lifecycle = false,
): StorageSpec {
  return {
    table: spec(t),
    engine: "ReplacingMergeTree",
    orderBy,
    ttl: retention(ttlDays),
    extraColumns: orderBy.includes("event_date") ? [EVENT_DATE] : [],
    ...(lifecycle ? { indexes: [WSID_BLOOM] } : {}),
  };
}

function rejected(t: AnyTable, ttlDays: number): StorageSpec {
  return {
    table: spec(t),
    // Differs from serving.md §1.1 (MergeTree): a record re-delivered after a crash is the same
    // (topic, partition, offset); ReplacingMergeTree collapses it like every raw table.
    engine: "ReplacingMergeTree",
    orderBy: [
      "event_date",
      "failure_class",
      "event_type",
      "source_topic",
      "source_partition",
      "source_offset",
    ],
    ttl: retention(ttlDays),
    extraColumns: [
      "event_date Date MATERIALIZED toDate(ifNull(event_timestamp, source_record_timestamp))",
    ],
  };
}

function dim(t: AnyTable, ordinal: string, head: readonly string[]): StorageSpec {
  return {
    table: spec(t),
    engine: "ReplacingMergeTree(snapshot_ts)",
    orderBy: [...head, "snapshot_ts", "source_event_uid", ordinal],
    ttl: retention(180),
  };
}

function fact(t: AnyTable, orderBy: readonly string[], partitionBy?: string): StorageSpec {
  return {
    table: spec(t),
    engine: "ReplacingMergeTree(version)",
    orderBy,
    ...(partitionBy === undefined ? {} : { partitionBy }),
    ttl: retention(180),
  };
}

const F: Record<string, AnyTable> = Object.fromEntries(
  FACT_TABLES.map((t) => [t.name, t as AnyTable]),
);
const fk = (name: string): AnyTable => {
  const t = F[name];
  if (t === undefined) throw new Error(`core has no fact table ${name}`);
  return t;
};
const WS_UID = ["workflow_session_id", "source_event_uid"];

/**
 * Storage of every table of serving.md §1, in creation order. Columns come from core's table
 * registry, so a column cannot exist in TypeScript without existing in ClickHouse.
 */
export const STORAGE_SPECS: readonly StorageSpec[] = [
  {
    table: spec(RAW_TABLES.raw_streaming_events),
    engine: "ReplacingMergeTree",
    orderBy: ["event_date", "type", "event_timestamp", "raw_event_uid"],
    ttl: retention(90),
    extraColumns: [
      "event_timestamp DateTime64(3, 'UTC') MATERIALIZED fromUnixTimestamp64Milli(toInt64(timestamp), 'UTC')",
      EVENT_DATE,
    ],
  },
  rejected(RAW_TABLES.raw_streaming_events_dlq, 30),
  rejected(RAW_TABLES.raw_streaming_events_quarantine, 7),
  rawTyped(
    RAW_TABLES.raw_unknown_events,
    ["event_date", "event_type", "event_timestamp", "raw_event_uid"],
    30,
  ),
  rawTyped(
    RAW_TABLES.raw_ai_stream_status,
    [
      "event_date",
      "orchestrator_address",
      "pipeline",
      "stream_id",
      "event_timestamp",
      "raw_event_uid",
    ],
    90,
    true,
  ),
  rawTyped(
    RAW_TABLES.raw_stream_ingest_metrics,
    ["event_date", "stream_id", "event_timestamp", "raw_event_uid"],
    90,
    true,
  ),
  rawTyped(
    RAW_TABLES.raw_stream_trace_events,
    ["event_date", "request_id", "trace_type", "data_timestamp", "raw_event_uid"],
    90,
    true,
  ),
  rawTyped(
    RAW_TABLES.raw_network_capabilities,
    [
      "orchestrator_address",
      "orch_uri",
      "pipeline",
      "model_id",
      "ifNull(gpu_id, '')",
      "capability_id",
      "event_timestamp",
      "raw_event_uid",
      "snapshot_row_ordinal",
    ],
    90,
  ),
  rawTyped(
    RAW_TABLES.raw_network_capabilities_advertised,
    ["orchestrator_address", "capability_id", "event_timestamp", "raw_event_uid", "row_ordinal"],
    180,
  ),
  rawTyped(
    RAW_TABLES.raw_network_capabilities_model_constraints,
    [
      "orchestrator_address",
      "capability_id",
      "model_id",
      "event_timestamp",
      "raw_event_uid",
      "row_ordinal",
    ],
    180,
  ),
  rawTyped(
    RAW_TABLES.raw_network_capabilities_prices,
    ["orchestrator_address", "capability_id", "event_timestamp", "raw_event_uid", "row_ordinal"],
    180,
  ),
  rawTyped(
    RAW_TABLES.raw_ai_stream_events,
    ["event_date", "stream_id", "event_timestamp", "raw_event_uid"],
    90,
    true,
  ),
  rawTyped(
    RAW_TABLES.raw_discovery_results,
    ["event_date", "orchestrator_address", "event_timestamp", "raw_event_uid", "element_index"],
    30,
  ),
  rawTyped(
    RAW_TABLES.raw_payment_events,
    ["event_date", "recipient", "orchestrator", "event_timestamp", "raw_event_uid"],
    90,
  ),
  dim(DIM_TABLES.dim_orchestrator_capability_snapshots, "snapshot_row_ordinal", [
    "orchestrator_address",
    "pipeline",
    "model_id",
    "capability_id",
    "ifNull(gpu_id, '')",
  ]),
  dim(DIM_TABLES.dim_orchestrator_capability_advertised_snapshots, "row_ordinal", [
    "orchestrator_address",
    "capability_id",
  ]),
  dim(DIM_TABLES.dim_orchestrator_capability_model_constraints, "row_ordinal", [
    "orchestrator_address",
    "capability_id",
    "model_id",
  ]),
  dim(DIM_TABLES.dim_orchestrator_capability_prices, "row_ordinal", [
    "orchestrator_address",
    "capability_id",
  ]),
  fact(fk("fact_workflow_sessions"), ["workflow_session_id"]),
  fact(fk("fact_workflow_session_segments"), ["workflow_session_id", "segment_index"]),
  fact(fk("fact_workflow_param_updates"), WS_UID, "toYYYYMM(update_ts)"),
  fact(fk("fact_lifecycle_edge_coverage"), WS_UID, "toYYYYMM(signal_ts)"),
  fact(fk("fact_workflow_latency_samples"), ["workflow_session_id"]),
  fact(fk("fact_stream_status_samples"), WS_UID, "toYYYYMM(sample_ts)"),
  fact(fk("fact_stream_trace_edges"), WS_UID, "toYYYYMM(edge_ts)"),
  {
    table: spec(fk("fact_stream_ingest_samples")),
    engine: "ReplacingMergeTree",
    orderBy: ["workflow_session_id", "sample_ts", "source_event_uid"],
    partitionBy: "toYYYYMM(sample_ts)",
    ttl: retention(180),
  },
];

/** Storage spec by table name. */
export const STORAGE_BY_NAME: ReadonlyMap<string, StorageSpec> = new Map(
  STORAGE_SPECS.map((s) => [s.table.name, s]),
);

export { INGESTION_TIMESTAMP };
