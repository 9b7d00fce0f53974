// Public API of @livepeer-analytics/core. Explicit named exports only.
export { SEMANTICS_VERSION } from "./version.js";
export {
  javaTrim,
  isBlank,
  fnb,
  fnb2,
  blankToNull,
  ci,
  normalizeAddress,
  compareOrdinal,
} from "./values/java-trim.js";
export type { JsonValue, JsonObject, IntRange } from "./values/json-value.js";
export {
  isJsonObject,
  getPath,
  parseNumericString,
  text,
  nullableText,
  int,
  float,
  nullableInt,
  INT_RANGES,
} from "./values/json-value.js";
export { parseTimestamp, formatTimestamp, MAX_TIMESTAMP_MS } from "./values/timestamp.js";
export { workflowSessionId } from "./identity/workflow-session-id.js";
export type { CapabilityGroup, CapabilityInfo } from "./taxonomy/capability-catalog.js";
export {
  CAPABILITY_CATALOG_V1,
  CAPABILITY_CATALOG_VERSION,
  lookupCapability,
  capabilityPipelineSlug,
} from "./taxonomy/capability-catalog.js";
export type { ColumnType } from "./schema/column-type.js";
export { isTimestampType } from "./schema/column-type.js";
export type { ColumnSpec, TableSpec } from "./schema/table-spec.js";
export { defineTable } from "./schema/table-spec.js";
export type { EncodedRow } from "./schema/encode-row.js";
export { encodeRow, utf8ByteLength } from "./schema/encode-row.js";
export type {
  RawRowBase,
  SessionScopedRow,
  RawAiStreamStatusRow,
  TrackStats,
  RawStreamIngestMetricsRow,
  RawStreamTraceEventRow,
  RawAiStreamEventRow,
  CapabilityRowBase,
  RawNetworkCapabilitiesRow,
  RawNetworkCapabilitiesAdvertisedRow,
  RawNetworkCapabilitiesModelConstraintRow,
  RawNetworkCapabilitiesPriceRow,
  RawDiscoveryResultRow,
  RawPaymentEventRow,
  RawUnknownEventRow,
  RawStreamingEventRow,
  RejectedEventRow,
  RawTypedTables,
  RawTypedTableName,
  TypedRows,
} from "./events/raw-rows.js";
export type {
  AttributionMethod,
  VersionedFact,
  FactWorkflowSessionRow,
  SegmentReason,
  FactWorkflowSessionSegmentRow,
  FactWorkflowParamUpdateRow,
  UnmatchedReason,
  FactLifecycleEdgeCoverageRow,
  FactStreamStatusSampleRow,
  FactStreamTraceEdgeRow,
  FactWorkflowLatencySampleRow,
  FactStreamIngestSampleRow,
  SessionFacts,
} from "./sessions/fact-rows.js";
export type { BatchDeriverOptions, BatchCounters, OutputRow, BatchDeriver } from "./batch/batch-deriver.js";
export { createBatchDeriver, BATCH_OUTPUT_TABLES } from "./batch/batch-deriver.js";
