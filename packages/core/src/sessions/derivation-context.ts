import {
  decideAttribution,
  DEFAULT_TTL_MS,
  isStale,
  NONE,
} from "../attribution/attribution-decision.js";
import type { AttributionDecision } from "../attribution/attribution-decision.js";
import {
  parsePipelineModelMode,
  resolvePipelineModel,
} from "../attribution/pipeline-model-resolver.js";
import type { PipelineModelMode } from "../attribution/pipeline-model-resolver.js";
import { SelectionCache } from "../attribution/selection-cache.js";
import type { SnapshotCandidate } from "../attribution/snapshot-candidate.js";
import type { SnapshotIndex } from "../attribution/snapshot-index.js";
import { fnb2, normalizeAddress } from "../values/java-trim.js";
import type { LifecycleSignal } from "./lifecycle-signal.js";

/** Options of a session derivation (sessions.md §4.1: the mode and TTL are inputs). */
export interface DeriveOptions {
  /**
   * `legacy_misnamed` (default) or `native_correct` ({@link PipelineModelMode}); any raw setting
   * string is accepted and parsed by `parsePipelineModelMode` (§7.5).
   */
  readonly pipelineModelMode?: string;
  /** Snapshot TTL in ms; default 86,400,000 (24 h). */
  readonly ttlMs?: number;
}

/** Resolved derivation inputs shared by the state machines of one derivation. */
export interface DerivationContext {
  readonly index: SnapshotIndex;
  readonly ttlMs: number;
  readonly mode: PipelineModelMode;
  /** Selections of this derivation (the index does not change during one). */
  readonly selections: SelectionCache;
  /** One-entry memo of {@link attributeSignal}: the machines mostly ask with equal states. */
  readonly step: StepMemo;
}

interface StepMemo {
  signal: LifecycleSignal | null;
  address: string;
  pipeline: string;
  model: string | null;
  gpu: string | null;
  result: AttributionStep | null;
}

/** Builds the context of one derivation from its options. */
export function derivationContext(
  index: SnapshotIndex,
  options?: DeriveOptions,
): DerivationContext {
  const ttlMs = options?.ttlMs ?? DEFAULT_TTL_MS;
  return {
    index,
    ttlMs,
    mode: parsePipelineModelMode(options?.pipelineModelMode),
    selections: new SelectionCache(index, ttlMs),
    step: { signal: null, address: "", pipeline: "", model: null, gpu: null, result: null },
  };
}

/** `select` of §7.3 through the context's cache (same answer as `selectSnapshot`, it is pure). */
export function selectIn(
  ctx: DerivationContext,
  key: string,
  hint: string,
  url: string,
  gpu: string | null,
  t: number,
): SnapshotCandidate | null {
  if (key === "") return null;
  return ctx.selections.select(key, hint, url, gpu, t);
}

/** Result of §8.2 steps 1–4 for one signal against one machine's state. */
export interface AttributionStep {
  readonly snap: SnapshotCandidate | null;
  /** §7.1 decision for `snap` (NONE when no snapshot). */
  readonly decision: AttributionDecision;
  readonly stale: boolean;
  /** `resPipeline` (step 5 writes it into the machine's copy of the signal). */
  readonly pipeline: string;
  readonly model: string;
}

/**
 * §8.2 steps 1–4 with a machine's state: key `norm(fnb(signal.orchAddr, stateAddress))`,
 * pre-resolve without snapshot → hint, `select(key, hint, signal.orchUrl, stateGpu, ts)`,
 * final resolve with the snapshot (its model blanked when stale, §7.4).
 */
export function attributeSignal(
  ctx: DerivationContext,
  signal: LifecycleSignal,
  stateAddress: string,
  statePipeline: string,
  stateModel: string | null,
  stateGpu: string | null,
): AttributionStep {
  const m = ctx.step;
  if (
    m.result !== null &&
    m.signal === signal &&
    m.address === stateAddress &&
    m.pipeline === statePipeline &&
    m.model === stateModel &&
    m.gpu === stateGpu
  )
    return m.result;
  const result = computeStep(ctx, signal, stateAddress, statePipeline, stateModel, stateGpu);
  m.signal = signal;
  m.address = stateAddress;
  m.pipeline = statePipeline;
  m.model = stateModel;
  m.gpu = stateGpu;
  m.result = result;
  return result;
}

function computeStep(
  ctx: DerivationContext,
  signal: LifecycleSignal,
  stateAddress: string,
  statePipeline: string,
  stateModel: string | null,
  stateGpu: string | null,
): AttributionStep {
  const key = normalizeAddress(fnb2(signal.orchAddr, stateAddress));
  const pre = resolvePipelineModel(ctx.mode, signal, statePipeline, stateModel, "", "");
  const snap = selectIn(ctx, key, pre.hint, signal.orchUrl, stateGpu, signal.ts);
  if (snap === null)
    return { snap, decision: NONE, stale: false, pipeline: pre.pipeline, model: pre.model };
  const decision = decideAttribution(signal.ts, snap.s, ctx.ttlMs);
  const stale = isStale(decision);
  const res = resolvePipelineModel(
    ctx.mode,
    signal,
    statePipeline,
    stateModel,
    snap.pipeline,
    stale ? "" : snap.modelId,
  );
  return { snap, decision, stale, pipeline: res.pipeline, model: res.model };
}
