// Public API of @livepeer-analytics/testkit. Explicit named exports only.

// Arbitraries (fast-check)
export type {
  EventFamily,
  RejectionReason,
  ExpectedOutcome,
  RecordCase,
} from "./arbitraries/expected-outcome.js";
export { EVENT_FAMILIES, REQUIRED_PATHS, rejected } from "./arbitraries/expected-outcome.js";
export type { EnvelopeParts } from "./arbitraries/envelope-fields.js";
export {
  hexString,
  walletAddress,
  eventId,
  streamId,
  requestId,
  gatewayName,
  modelLabel,
  orchestratorUrl,
  epochMs,
  validTimestampValue,
  supportedVersion,
  envelopeParts,
  assembleEnvelope,
} from "./arbitraries/envelope-fields.js";
export {
  TRACE_TYPES,
  aiStreamStatusEnvelope,
  streamTraceEnvelope,
  aiStreamEventsEnvelope,
} from "./arbitraries/lifecycle-envelopes.js";
export {
  streamIngestMetricsEnvelope,
  discoveryResultsEnvelope,
  createNewPaymentEnvelope,
} from "./arbitraries/side-envelopes.js";
export { networkCapabilitiesEnvelope } from "./arbitraries/network-capabilities-envelope.js";
export {
  FAMILY_ENVELOPES,
  UNKNOWN_TYPES,
  familyEnvelope,
  validEnvelope,
  unknownTypeEnvelope,
} from "./arbitraries/valid-envelope.js";
export type { MalformedOptions } from "./arbitraries/malformed-record.js";
export {
  BAD_TIMESTAMPS,
  nullPayloadCase,
  nonJsonCase,
  rootNotObjectCase,
  missingTypeCase,
  badTimestampCase,
  missingDataCase,
  unsupportedVersionCase,
  missingFieldCase,
  emptyArrayCase,
  invalidDataShapeCase,
  wrongTypeAcceptedCase,
} from "./arbitraries/malformed-record.js";
export {
  ODD_UNITS,
  oddUnicodeCase,
  deepNestingCase,
  hugeStringCase,
  utf8BytesCase,
} from "./arbitraries/edge-case-records.js";
export {
  malformedCase,
  malformedRecord,
  anyRecordCase,
  anyRecord,
} from "./arbitraries/any-record.js";

// Network simulator
export { Prng, mixSeed } from "./simulator/prng.js";
export type { SessionOutcome, OutcomeMix } from "./simulator/session-outcome.js";
export { SESSION_OUTCOMES, DEFAULT_OUTCOME_MIX } from "./simulator/session-outcome.js";
export {
  EXCUSABLE_SUBSTRINGS,
  EXCUSABLE_MESSAGES,
  NON_EXCUSABLE_MESSAGES,
  isExcusableMessage,
} from "./simulator/excusable-messages.js";
export type {
  GpuSpec,
  HotWallet,
  OrchestratorSpec,
  GatewaySpec,
} from "./simulator/network-layout.js";
export {
  LIVE_MODELS,
  LLM_MODEL,
  randomWallet,
  randomGpuId,
  generateGateways,
  generateOrchestrators,
  activeHotWallet,
  liveModels,
  pinnedGpuId,
} from "./simulator/network-layout.js";
export { capabilityElement, capabilityEnvelope } from "./simulator/capability-event.js";
export type { SessionTruth, SessionTally } from "./simulator/session-truth.js";
export { emptyTally, truthFromTally } from "./simulator/session-truth.js";
export type { PlanContext, PlannedSession } from "./simulator/session-plan.js";
export { planSession, feasibleOutcome } from "./simulator/session-plan.js";
export type { PlannedEvent, OrchestratorBinding } from "./simulator/session-builder.js";
export { SessionBuilder, bindOrchestrator } from "./simulator/session-builder.js";
export type { DeliveryOptions, Timed } from "./simulator/delivery.js";
export { withDuplicates, withLateDelivery, withLocalShuffle } from "./simulator/delivery.js";
export { MinHeap } from "./simulator/min-heap.js";
export type { NetworkConfig, NetworkLayout } from "./simulator/network-config.js";
export {
  STREAM_SALT,
  DEFAULT_CAPABILITY_INTERVAL_MS,
  networkLayout,
} from "./simulator/network-config.js";
export type { SimulationResult } from "./simulator/simulate-network.js";
export { simulateNetwork, simulateNetworkStream } from "./simulator/simulate-network.js";
export { NETWORK_HOUR_START_MS, networkHour } from "./simulator/network-hour.js";

// Node-only fixture helpers (node:fs). Testkit is Node-first; browser users import the modules above.
export type { ProdFixture } from "./fixtures/index.js";
export {
  findRepoRoot,
  samplesDir,
  listSampleFiles,
  listProdFixtures,
  readLines,
  readJsonLines,
} from "./fixtures/index.js";
