import type { TraceTypeInfo } from "../taxonomy/trace-types.js";
import type { LifecycleFamily, LifecycleSignal } from "../sessions/lifecycle-signal.js";

/** Signals per chunk (2^SHIFT): columns grow by whole chunks, never by copying. */
const SHIFT = 12;
const CHUNK = 1 << SHIFT;
/** Number columns per signal: ts, outputFps, inputFps, startTimeMs (NaN for null). */
const NUMS = 4;
/**
 * Reference columns per signal: family, uid, streamId, requestId, pipeline, gateway, org,
 * orchAddr, orchUrl, traceType, trace, aiEventType, message, state, lastError.
 */
const REFS = 15;

const NO_PREVIOUS: readonly unknown[] = [];

/** One session's signals in a {@link SignalStore}: first and last index of its chain. */
export interface SignalChain {
  readonly workflowSessionId: string;
  readonly head: number;
  tail: number;
}

/**
 * The lifecycle signals a batch retains until `finish`, in columns: numbers in `Float64Array`
 * chunks (unboxed), references in array chunks, and each session's signals chained by index.
 * A string equal to the one its session's previous signal holds in the same field is stored as
 * that one, so a retained signal costs a few slots and usually no object of its own (its uid).
 *
 * Why: as objects (22 fields, boxed doubles, a fresh copy of every repeated id, URL and label),
 * the signals of a large batch were most of what the young-generation collector had to copy and
 * promote. Chunks never move, so growth makes no garbage either. Only signals built by
 * `lifecycleSignalOf` are added: their `pipelineHint` and `modelHint` are their `pipeline`.
 */
export class SignalStore {
  private readonly nums: Float64Array[] = [];
  private readonly refs: unknown[][] = [];
  private readonly next: Int32Array[] = [];
  private size = 0;
  /** Length of the longest string of any signal stored (UTF-16 units). */
  maxStringLength = 0;

  /** Stores the first signal of a session; returns its chain. */
  start(signal: LifecycleSignal): SignalChain {
    this.maxStringLength = Math.max(this.maxStringLength, signal.workflowSessionId.length);
    const i = this.add(signal, -1);
    return { workflowSessionId: signal.workflowSessionId, head: i, tail: i };
  }

  /** Appends a signal of the chain's session (its `workflowSessionId` equals the chain's). */
  append(chain: SignalChain, signal: LifecycleSignal): void {
    const i = this.add(signal, chain.tail);
    this.next[chain.tail >> SHIFT]![chain.tail & (CHUNK - 1)] = i;
    chain.tail = i;
  }

  /** The chain's signals in insertion order, as new {@link LifecycleSignal} objects. */
  signals(chain: SignalChain): LifecycleSignal[] {
    const out: LifecycleSignal[] = [];
    for (let i = chain.head; i !== -1; i = this.next[i >> SHIFT]![i & (CHUNK - 1)]!)
      out.push(this.signal(i, chain.workflowSessionId));
    return out;
  }

  private add(s: LifecycleSignal, previous: number): number {
    const i = this.size++;
    const at = i & (CHUNK - 1);
    if (at === 0) {
      this.nums.push(new Float64Array(CHUNK * NUMS));
      this.refs.push(new Array<unknown>(CHUNK * REFS).fill(null));
      this.next.push(new Int32Array(CHUNK).fill(-1));
    }
    const n = this.nums[i >> SHIFT]!;
    n[at * NUMS] = s.ts;
    n[at * NUMS + 1] = s.outputFps;
    n[at * NUMS + 2] = s.inputFps;
    n[at * NUMS + 3] = s.startTimeMs ?? Number.NaN;
    const r = this.refs[i >> SHIFT]!;
    const b = at * REFS;
    const p = previous === -1 ? NO_PREVIOUS : this.refs[previous >> SHIFT]!;
    const pb = previous === -1 ? 0 : (previous & (CHUNK - 1)) * REFS;
    // Each string: the previous signal's when equal (one copy retained per session).
    r[b] = s.family;
    r[b + 1] = s.uid;
    r[b + 2] = keep(p, pb + 2, s.streamId);
    r[b + 3] = keep(p, pb + 3, s.requestId);
    r[b + 4] = keep(p, pb + 4, s.pipeline);
    r[b + 5] = keep(p, pb + 5, s.gateway);
    r[b + 6] = keep(p, pb + 6, s.org);
    r[b + 7] = keep(p, pb + 7, s.orchAddr);
    r[b + 8] = keep(p, pb + 8, s.orchUrl);
    r[b + 9] = keep(p, pb + 9, s.traceType);
    r[b + 10] = s.trace;
    r[b + 11] = keep(p, pb + 11, s.aiEventType);
    r[b + 12] = keep(p, pb + 12, s.message);
    r[b + 13] = keep(p, pb + 13, s.state);
    r[b + 14] = keep(p, pb + 14, s.lastError);
    this.maxStringLength = Math.max(this.maxStringLength, longestString(s));
    return i;
  }

  // Same key order as lifecycle-signal.ts builds, so every signal shares one hidden class.
  private signal(i: number, workflowSessionId: string): LifecycleSignal {
    const n = this.nums[i >> SHIFT]!;
    const r = this.refs[i >> SHIFT]!;
    const nAt = (i & (CHUNK - 1)) * NUMS;
    const at = (i & (CHUNK - 1)) * REFS;
    const pipeline = r[at + 4] as string;
    const start = n[nAt + 3]!;
    return {
      family: r[at] as LifecycleFamily,
      ts: n[nAt]!,
      uid: r[at + 1] as string,
      workflowSessionId,
      streamId: r[at + 2] as string,
      requestId: r[at + 3] as string,
      pipeline,
      pipelineHint: pipeline,
      modelHint: pipeline,
      gateway: r[at + 5] as string,
      org: r[at + 6] as string,
      orchAddr: r[at + 7] as string,
      orchUrl: r[at + 8] as string,
      traceType: r[at + 9] as string,
      trace: r[at + 10] as TraceTypeInfo | null,
      aiEventType: r[at + 11] as string,
      message: r[at + 12] as string,
      state: r[at + 13] as string,
      outputFps: n[nAt + 1]!,
      inputFps: n[nAt + 2]!,
      lastError: r[at + 14] as string | null,
      startTimeMs: Number.isNaN(start) ? null : start,
    };
  }
}

/** `previous[at]` when it equals `value` (the same string, already retained), else `value`. */
function keep(previous: readonly unknown[], at: number, value: string | null): string | null {
  const kept = previous[at];
  return kept === value ? (kept as string | null) : value;
}

/** Length of the signal's longest string field (its `workflowSessionId` is its chain's). */
function longestString(s: LifecycleSignal): number {
  return Math.max(
    s.uid.length,
    s.streamId.length,
    s.requestId.length,
    s.pipeline.length,
    s.gateway.length,
    s.org.length,
    s.orchAddr.length,
    s.orchUrl.length,
    s.traceType.length,
    s.aiEventType.length,
    s.message.length,
    s.state.length,
    s.lastError?.length ?? 0,
  );
}
