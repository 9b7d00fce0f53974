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
export type {
  BatchDeriverOptions,
  BatchCounters,
  OutputRow,
  BatchDeriver,
} from "./batch/batch-deriver.js";
export { createBatchDeriver, BATCH_OUTPUT_TABLES } from "./batch/batch-deriver.js";
export type { RecordOrigin } from "./batch/batch-deriver.js";
export { encodeOutputRow } from "./batch/batch-deriver.js";
export { lifecycleEventsOf } from "./batch/lifecycle-events-of.js";
export { emitFacts, type FactLine } from "./batch/emit-facts.js";
export { rowSizeUpperBound } from "./schema/encode-row.js";

// Events: parsing, validation, rejection taxonomy, dedup, size guard.
export type { ParseOptions, ParseResult, RecordParser } from "./events/parse-event.js";
export { createRecordParser, parseEvent } from "./events/parse-event.js";
export type { RecordSource } from "./events/record-source.js";
export { UNKNOWN_SOURCE, UNKNOWN_ORG } from "./events/record-source.js";
export type { AcceptedEnvelope } from "./events/accepted-envelope.js";
export type { RejectedEventJson } from "./events/rejected-envelope.js";
export {
  toRejectedEventRow,
  toRejectedEventJson,
  REJECTED_ENVELOPE_SCHEMA_VERSION,
} from "./events/rejected-envelope.js";
export type { Rejection, RejectionPayload } from "./events/rejection.js";
export { envelopeRejection } from "./events/rejection.js";
export type {
  FailureStage,
  FailureClass,
  FailureReason,
  RejectionDestination,
} from "./events/rejection-taxonomy.js";
export { REJECTION_TAXONOMY, failureOf } from "./events/rejection-taxonomy.js";
export type { EnvelopeCheck } from "./events/validate-envelope.js";
export { validateEnvelope, VALIDATION_DETAILS } from "./events/validate-envelope.js";
export type { EventFamily } from "./events/event-families.js";
export {
  EVENT_FAMILIES,
  eventFamilyOf,
  isEventFamily,
  REQUIRED_PATHS,
} from "./events/event-families.js";
export {
  extractEventVersion,
  DEFAULT_SUPPORTED_VERSIONS,
  DEFAULT_EVENT_VERSION,
} from "./events/envelope-version.js";
export type {
  DedupState,
  DedupOptions,
  DedupOutcome,
  DedupSnapshot,
  ContentCheckMode,
} from "./events/dedup-state.js";
export {
  createDedupState,
  checkDedup,
  snapshotDedupState,
  restoreDedupState,
  DEDUP_WINDOW_MS,
} from "./events/dedup-state.js";
export type { SizedRow, GuardedRow } from "./events/size-guard.js";
export { guardRowSize, sizeRow, exceedsSizeLimit, MAX_RECORD_BYTES } from "./events/size-guard.js";
export { parseFaceValueWei } from "./events/face-value-wei.js";
export { integerLikeKey, integerLikeKeys } from "./events/integer-like-key.js";
export { EnvelopeSchema, EVENT_SCHEMAS } from "./events/schemas.js";

// Identity.
export { canonicalJson, canonicalPayloadJson } from "./identity/canonical-json.js";
export type { DedupKey, DedupStrategy } from "./identity/dedup-key.js";
export { dedupKey, payloadHashInput } from "./identity/dedup-key.js";
export type { EventDimensions } from "./identity/event-dimensions.js";
export { eventDimensions, NO_DIMENSIONS } from "./identity/event-dimensions.js";
export type { Sha256Hex } from "./identity/sha256-hex.js";
export { sha256Hex } from "./identity/sha256-hex.js";

// Table registry.
export type { RawTableName } from "./schema/raw-tables.js";
export { RAW_TABLES, RAW_TYPED_TABLES } from "./schema/raw-tables.js";
export type {
  CapabilityDimBase,
  DimCapabilitySnapshotRow,
  DimCapabilityAdvertisedRow,
  DimCapabilityModelConstraintRow,
  DimCapabilityPriceRow,
} from "./schema/dim-tables.js";
export {
  DIM_TABLES,
  toCapabilitySnapshotDim,
  toCapabilityAdvertisedDim,
  toCapabilityModelConstraintDim,
  toCapabilityPriceDim,
} from "./schema/dim-tables.js";
export { FACT_TABLES } from "./schema/fact-tables.js";

// Taxonomy.
export type { TraceCategory, TraceSessionEffect, TraceTypeInfo } from "./taxonomy/trace-types.js";
export {
  traceCategory,
  traceTypeInfo,
  TRACE_TYPES,
  TRACE_STREAM_CLOSED,
  TRACE_ORCHESTRATOR_SWAP,
} from "./taxonomy/trace-types.js";
export { isExcusableMessage, EXCUSABLE_ERROR_SUBSTRINGS } from "./taxonomy/excusable-errors.js";

// Attribution.
export type { SnapshotCandidate } from "./attribution/snapshot-candidate.js";
export { candidateFromRow } from "./attribution/snapshot-candidate.js";
export { SnapshotIndex } from "./attribution/snapshot-index.js";
export type { SnapshotProfile } from "./attribution/snapshot-index.js";
export { selectSnapshot } from "./attribution/select-snapshot.js";
export type { AttributionDecision } from "./attribution/attribution-decision.js";
export { decideAttribution, isStale, DEFAULT_TTL_MS } from "./attribution/attribution-decision.js";
export type { PipelineModelMode } from "./attribution/pipeline-model-resolver.js";
export {
  resolvePipelineModel,
  canonicalPipeline,
  parsePipelineModelMode,
} from "./attribution/pipeline-model-resolver.js";
export { relevantSnapshots, derivationVersion } from "./attribution/relevant-snapshots.js";

// Sessions.
export type { DeriveOptions } from "./sessions/derivation-context.js";
export { deriveSession, sortedUniqueSignals } from "./sessions/derive-session.js";
export { deriveAll } from "./sessions/derive-all.js";
export type { SessionAccumulator } from "./sessions/session-accumulator.js";
export {
  emptySession,
  addEvent,
  combineSessions,
  finishSession,
  sessionEventCount,
} from "./sessions/session-accumulator.js";
export type {
  LifecycleEvent,
  LifecycleFamily,
  LifecycleSignal,
} from "./sessions/lifecycle-signal.js";
export { toSignal, compareSignals, eventUid, eventSessionId } from "./sessions/lifecycle-signal.js";
export { ingestSampleFromRow } from "./sessions/ingest-sample.js";
export { latencySampleRow, latencyDeltaMs } from "./sessions/latency-sample.js";
export { matchSegment } from "./sessions/segment-window-join.js";
export { WORKFLOW_TYPE } from "./sessions/session-machine.js";

// SLA: counters, formulas, serving views.
export type { Granularity, SlaGranularity } from "./sla/granularity.js";
export { bucketStart, GRANULARITY_MS, HOUR_MS } from "./sla/granularity.js";
export type { KpiCounters, SessionFlags } from "./sla/kpi-counters.js";
export {
  emptyCounters,
  combineCounters,
  sessionFlags,
  countersFromSession,
} from "./sla/kpi-counters.js";
export type { KpiRatios } from "./sla/kpi-ratios.js";
export { ratiosFromCounters, slaScore } from "./sla/kpi-ratios.js";
export {
  P95,
  quantileExactInclusive,
  populationStdDev,
  jitterFromSums,
  jitterCoefficient,
} from "./sla/quantile.js";
export { weiToEth } from "./sla/wei-to-eth.js";
export type { ServingInputs, ServingBases } from "./sla/latest-bases.js";
export { latestBases } from "./sla/latest-bases.js";
export { dropTailArtifacts } from "./sla/tail-artifact.js";
export { matchPaymentSession } from "./sla/fee-matching.js";
export type { GpuMetadata } from "./sla/gpu-metadata.js";
export { latestGpuMetadata, cudaVersion, gpuMetadataKey } from "./sla/gpu-metadata.js";
export { compareUtf8 } from "./sla/utf8-order.js";
export type { GpuMetricsRow, GpuMetricsRowOf } from "./sla/gpu-metrics-view.js";
export { gpuMetricsView, GPU_METRICS_KEYS } from "./sla/gpu-metrics-view.js";
export type { NetworkDemandRow, NetworkDemandRowOf } from "./sla/network-demand-view.js";
export { networkDemandView, NETWORK_DEMAND_KEYS } from "./sla/network-demand-view.js";
export type { SlaComplianceRow, SlaComplianceRowOf } from "./sla/sla-compliance-view.js";
export { slaComplianceView, SLA_COMPLIANCE_KEYS } from "./sla/sla-compliance-view.js";
export type { ReaggregateOptions } from "./sla/reaggregate.js";
export {
  reaggregateGpuMetrics,
  reaggregateNetworkDemand,
  reaggregateSlaCompliance,
  countersFromRow,
} from "./sla/reaggregate.js";
