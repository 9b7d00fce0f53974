import { NONE } from "../attribution/attribution-decision.js";
import type { AttributionDecision } from "../attribution/attribution-decision.js";
import { isExcusableMessage } from "../taxonomy/excusable-errors.js";
import { blankToNull, ciAscii, fnb2, isBlank } from "../values/java-trim.js";
import type { LifecycleSignal } from "./lifecycle-signal.js";
import { SeenValues } from "./seen-values.js";

/**
 * The session accumulator of sessions.md §8.1 (mutable, owned by one derivation). The coverage
 * machine (§12) reuses it with the plain transition only.
 */
export interface SessionState {
  /** Org of the first signal; null before any signal. */
  org: string | null;
  streamId: string;
  requestId: string;
  pipeline: string;
  gateway: string;
  orchestratorAddress: string;
  orchestratorUrl: string;
  modelId: string | null;
  gpuId: string | null;
  decision: AttributionDecision;
  /** +∞ before any signal. */
  startTs: number;
  /** −∞ before any signal. */
  endTs: number;
  firstStreamRequestTs: number | null;
  firstProcessedTs: number | null;
  firstPlayableTs: number | null;
  knownStream: boolean;
  startupSuccess: boolean;
  noOrchestrators: boolean;
  lastErrorOccurred: boolean;
  confirmedSwaps: number;
  errorCount: number;
  excusableErrorCount: number;
  statusSamples: number;
  nonLoadingSamples: number;
  positiveOutputSamples: number;
  statusErrorSamples: number;
  readonly canonicalSeen: SeenValues;
  readonly modelIdsSeen: SeenValues;
  readonly pipelinesSeen: SeenValues;
}

/** Accumulator defaults of §8.1. */
export function emptySessionState(): SessionState {
  return {
    org: null,
    streamId: "",
    requestId: "",
    pipeline: "",
    gateway: "",
    orchestratorAddress: "",
    orchestratorUrl: "",
    modelId: null,
    gpuId: null,
    decision: NONE,
    startTs: Number.POSITIVE_INFINITY,
    endTs: Number.NEGATIVE_INFINITY,
    firstStreamRequestTs: null,
    firstProcessedTs: null,
    firstPlayableTs: null,
    knownStream: false,
    startupSuccess: false,
    noOrchestrators: false,
    lastErrorOccurred: false,
    confirmedSwaps: 0,
    errorCount: 0,
    excusableErrorCount: 0,
    statusSamples: 0,
    nonLoadingSamples: 0,
    positiveOutputSamples: 0,
    statusErrorSamples: 0,
    canonicalSeen: new SeenValues(),
    modelIdsSeen: new SeenValues(),
    pipelinesSeen: new SeenValues(),
  };
}

function minTs(a: number | null, b: number): number {
  return a === null || b < a ? b : a;
}

/**
 * The transition of §8.3 for one signal, with `pipeline` = the machine's copy of
 * `signal.pipeline` (the resolved pipeline for the session machine, the raw label for coverage).
 */
export function transition(acc: SessionState, signal: LifecycleSignal, pipeline: string): void {
  acc.org ??= signal.org;
  acc.streamId = fnb2(acc.streamId, signal.streamId);
  acc.requestId = fnb2(acc.requestId, signal.requestId);
  acc.gateway = fnb2(acc.gateway, signal.gateway);
  acc.pipeline = fnb2(acc.pipeline, pipeline);
  acc.modelId = blankToNull(fnb2(acc.modelId, signal.modelHint));
  if (acc.pipeline !== "") acc.pipelinesSeen.add(acc.pipeline);
  if (acc.modelId !== null) acc.modelIdsSeen.add(acc.modelId);
  if (!isBlank(signal.orchUrl)) acc.orchestratorUrl = signal.orchUrl;
  if (signal.ts < acc.startTs) acc.startTs = signal.ts;
  if (signal.startTimeMs !== null && signal.startTimeMs < acc.startTs)
    acc.startTs = signal.startTimeMs;
  if (signal.ts > acc.endTs) acc.endTs = signal.ts;
  if (signal.family === "stream_trace") traceEffect(acc, signal);
  else if (signal.family === "ai_stream_events") aiEventEffect(acc, signal);
  else statusEffect(acc, signal);
}

function traceEffect(acc: SessionState, signal: LifecycleSignal): void {
  switch (signal.trace?.effect) {
    case "stream_request":
      acc.knownStream = true;
      acc.firstStreamRequestTs = minTs(acc.firstStreamRequestTs, signal.ts);
      break;
    case "first_processed":
      acc.firstProcessedTs = minTs(acc.firstProcessedTs, signal.ts);
      break;
    case "playable":
      acc.startupSuccess = true;
      acc.firstPlayableTs = minTs(acc.firstPlayableTs, signal.ts);
      break;
    case "no_orchestrators":
      acc.noOrchestrators = true;
      break;
    case "swap":
      acc.confirmedSwaps++;
      break;
    case "closed": // close-time attribution is the session machine's (§8.5)
    case "none":
    case undefined:
      break;
  }
}

function aiEventEffect(acc: SessionState, signal: LifecycleSignal): void {
  if (!ciAscii(signal.aiEventType, "error")) return;
  acc.errorCount++;
  if (isExcusableMessage(signal.message)) acc.excusableErrorCount++;
}

function statusEffect(acc: SessionState, signal: LifecycleSignal): void {
  acc.statusSamples++;
  if (!ciAscii(signal.state, "loading")) acc.nonLoadingSamples++;
  if (signal.outputFps > 0) acc.positiveOutputSamples++;
  if (!isBlank(signal.lastError)) {
    acc.lastErrorOccurred = true;
    acc.statusErrorSamples++;
  }
}
