import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { SignalStore } from "../../src/batch/signal-store.js";
import type { SignalChain } from "../../src/batch/signal-store.js";
import type { LifecycleSignal } from "../../src/sessions/lifecycle-signal.js";
import { traceTypeInfo } from "../../src/taxonomy/trace-types.js";

const label = fc.constantFrom("", " ", "a", "A b", "x\u0130");

/** Signals as lifecycleSignalOf builds them (pipelineHint = modelHint = pipeline). */
const signal = (session: string): fc.Arbitrary<LifecycleSignal> =>
  fc
    .record({
      family: fc.constantFrom("ai_stream_status", "stream_trace", "ai_stream_events" as const),
      ts: fc.oneof(fc.integer({ min: 0, max: 9_999_999_999_999 }), fc.constant(-0)),
      uid: fc.uuid(),
      streamId: label,
      requestId: label,
      pipeline: label,
      gateway: label,
      org: label,
      orchAddr: label,
      orchUrl: label,
      traceType: fc.constantFrom("", "gateway_ingest_stream_closed", "x"),
      aiEventType: label,
      message: label,
      state: label,
      outputFps: fc.double({ noNaN: true }),
      inputFps: fc.double({ noNaN: true }),
      lastError: fc.option(label),
      startTimeMs: fc.option(fc.integer({ min: 0, max: 9_999_999_999_999 })),
    })
    .map((r): LifecycleSignal => ({
      family: r.family,
      ts: r.ts,
      uid: r.uid,
      workflowSessionId: session,
      streamId: r.streamId,
      requestId: r.requestId,
      pipeline: r.pipeline,
      pipelineHint: r.pipeline,
      modelHint: r.pipeline,
      gateway: r.gateway,
      org: r.org,
      orchAddr: r.orchAddr,
      orchUrl: r.orchUrl,
      traceType: r.traceType,
      trace: r.family === "stream_trace" ? traceTypeInfo(r.traceType) : null,
      aiEventType: r.aiEventType,
      message: r.message,
      state: r.state,
      outputFps: r.outputFps,
      inputFps: r.inputFps,
      lastError: r.lastError,
      startTimeMs: r.startTimeMs,
    }));

describe("SignalStore", () => {
  it("gives back each session's signals, equal and in insertion order", () => {
    const pushes = fc.array(
      fc.constantFrom("s1", "s2", "s3").chain((id) => signal(id)),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(pushes, (signals) => {
        const store = new SignalStore();
        const chains = new Map<string, SignalChain>();
        for (const s of signals) {
          const chain = chains.get(s.workflowSessionId);
          if (chain) store.append(chain, s);
          else chains.set(s.workflowSessionId, store.start(s));
        }
        for (const [id, chain] of chains)
          expect(store.signals(chain)).toEqual(signals.filter((s) => s.workflowSessionId === id));
      }),
    );
  });

  it("spans chunks", () => {
    const store = new SignalStore();
    const [first] = fc.sample(signal("s"), { seed: 1, numRuns: 1 });
    const all = Array.from({ length: 10_000 }, (_, i) => ({ ...first!, uid: `u${i}`, ts: i }));
    const chain = store.start(all[0]!);
    for (const s of all.slice(1)) store.append(chain, s);
    expect(store.signals(chain)).toEqual(all);
  });
});
