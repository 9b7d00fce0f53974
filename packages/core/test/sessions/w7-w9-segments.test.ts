// W7 (shared hot wallet, D3), W8 (segments) and W9 (window join) of sessions.md §16.
import { describe, expect, it } from "vitest";
import { SnapshotIndex } from "../../src/attribution/snapshot-index.js";
import { deriveSession } from "../../src/sessions/derive-session.js";
import { statusSampleRow, traceEdgeRow } from "../../src/sessions/segment-window-join.js";
import type { SegmentWindow } from "../../src/sessions/segment-machine.js";
import { toSignal } from "../../src/sessions/lifecycle-signal.js";
import { snapRow, status, trace } from "./builders.js";

const FIRST = "gateway_receive_first_processed_segment";

describe("W7 — shared hot wallet and hardware-less rows", () => {
  const T0 = 1_700_000_000_000;
  const idx = SnapshotIndex.from([
    snapRow({
      ts: T0,
      uid: "V",
      hot: "0xhot",
      canonical: "0xlive",
      model: "streamdiffusion-sdxl",
      gpu: "GPU-V",
    }),
    snapRow({
      ts: T0,
      uid: "L",
      hot: "0xhot",
      canonical: "0xllm",
      pipeline: "llm",
      model: "meta-llama/Meta-Llama-3.1-8B-Instruct",
    }),
  ]);

  it("ambiguous without a model, then V by hint", () => {
    const first = trace({ uid: "a", ts: T0 + 11000, type: FIRST, addr: "0xhot" });
    const onlyFirst = deriveSession([first], idx).session;
    expect(onlyFirst).toMatchObject({ orchestrator_address: "", gpu_attribution_method: "none" });
    const s = deriveSession(
      [
        first,
        status({ uid: "b", ts: T0 + 12000, addr: "0xhot", pipeline: "streamdiffusion-sdxl" }),
        trace({ uid: "c", ts: T0 + 13000, type: "stream_heartbeat", addr: "0xhot" }),
      ],
      idx,
    ).session;
    expect(s).toMatchObject({
      orchestrator_address: "0xlive",
      gpu_id: "GPU-V",
      gpu_attribution_method: "nearest_prior_snapshot",
      gpu_attribution_confidence: 0.9,
      inferred_orchestrator_change_count: 0,
    });
  });

  it("llama-drift regression", () => {
    const hot = "0x52cf2968b3dc6016778742d3539449a6597d5954";
    const canon = "0xd00354656922168815fcd1e51cbddb9e359e3c7f";
    const gpu = "GPU-6f1bacf5-d5be-9cad-aa38-e35f905daebe";
    const rows = SnapshotIndex.from([
      snapRow({
        ts: 1739040506612,
        uid: "a",
        hot,
        canonical: canon,
        model: "streamdiffusion-sdxl",
        gpu,
      }),
      snapRow({
        ts: 1739040519000,
        uid: "c",
        hot,
        canonical: canon,
        model: "streamdiffusion-sdxl",
        gpu,
      }),
      snapRow({
        ts: 1739040509903,
        uid: "b",
        hot,
        canonical: canon,
        model: "meta-llama/Meta-Llama-3.1-8B-Instruct",
      }),
    ]);
    const c = { stream: "aiJobTesterStream-1771579795824071406", request: "f43724b2" };
    const f = deriveSession(
      [
        status({ ...c, uid: "s", ts: 1739041800304, addr: hot, pipeline: "streamdiffusion-sdxl" }),
        trace({ ...c, uid: "t", ts: 1739041803000, type: FIRST }),
      ],
      rows,
    );
    expect(f.session).toMatchObject({
      pipeline: "live-video-to-video",
      model_id: "streamdiffusion-sdxl",
      gpu_id: gpu,
      orchestrator_address: canon,
    });
    expect(f.session.has_model_change).toBe(0);
    expect(f.segments[0]).toMatchObject({ model_id: "streamdiffusion-sdxl", gpu_id: gpu });
  });
});

describe("W8 — segments", () => {
  it("orchestrator change splits", () => {
    const idx = SnapshotIndex.from([
      snapRow({ ts: 1000, uid: "r1", hot: "0xhot1", canonical: "0xofficial1" }),
      snapRow({ ts: 2000, uid: "r2", hot: "0xhot2", canonical: "0xofficial2" }),
    ]);
    const f = deriveSession(
      [
        trace({ uid: "a", ts: 1000, type: "gateway_receive_stream_request", addr: "0xhot1" }),
        trace({ uid: "b", ts: 2000, type: "orchestrator_swap", addr: "0xhot2" }),
      ],
      idx,
    );
    expect(
      f.segments.map((s) => [
        s.segment_index,
        s.segment_start_ts,
        s.segment_end_ts,
        s.orchestrator_address,
        s.reason,
        s.gpu_attribution_method,
        s.gpu_attribution_confidence,
        s.version,
      ]),
    ).toEqual([
      [
        0,
        1000,
        2000,
        "0xofficial1",
        "orchestrator_change",
        "exact_orchestrator_time_match",
        1.0,
        f.version,
      ],
      [
        1,
        2000,
        null,
        "0xofficial2",
        "orchestrator_change",
        "exact_orchestrator_time_match",
        1.0,
        f.version,
      ],
    ]);
  });

  it("close with the same orchestrator", () => {
    const idx = SnapshotIndex.from([
      snapRow({ ts: 1000, uid: "r1", hot: "0xhot1", canonical: "0xofficial1" }),
      snapRow({ ts: 2500, uid: "r2", hot: "0xhot1", canonical: "0xofficial1" }),
    ]);
    const f = deriveSession(
      [
        trace({ uid: "a", ts: 1000, type: "gateway_receive_stream_request", addr: "0xhot1" }),
        trace({ uid: "b", ts: 2500, type: "gateway_ingest_stream_closed", addr: "0xhot1" }),
      ],
      idx,
    );
    expect(f.segments).toHaveLength(1);
    expect(f.segments[0]).toMatchObject({
      segment_end_ts: 2500,
      reason: "stream_closed",
      gpu_attribution_method: "exact_orchestrator_time_match",
    });
  });

  it("no change → one open segment", () => {
    const idx = SnapshotIndex.from([
      snapRow({ ts: 1000, uid: "r1", hot: "0xhot1", canonical: "0xofficial1" }),
    ]);
    const f = deriveSession(
      [
        trace({ uid: "a", ts: 1000, type: "gateway_receive_stream_request", addr: "0xhot1" }),
        trace({ uid: "b", ts: 1500, type: FIRST, addr: "0xhot1" }),
      ],
      idx,
    );
    expect(f.segments).toHaveLength(1);
    expect(f.segments[0]).toMatchObject({ segment_index: 0, segment_end_ts: null });
  });
});

describe("W9 — status and trace rows against segments", () => {
  const seg = (start: number): SegmentWindow => ({
    index: 0,
    startTs: start,
    endTs: null,
    gateway: "naap-gateway",
    pipeline: "live-video-to-video",
    orchestratorAddress: "0xcanonical",
    orchestratorUrl: "https://orch.example",
    modelId: "streamdiffusion-sdxl-v2v",
    gpuId: "gpu-1",
    decision: { method: "nearest_prior_snapshot", confidence: 0.9 },
    reason: "initial",
    sourceTraceType: "",
    sourceEventUid: "",
  });

  it("status sample", () => {
    const sig = toSignal(
      status({
        uid: "st",
        ts: 2000,
        gateway: "naap-gateway",
        state: "running",
        fps: 24.0,
        inFps: 30.0,
      }),
    );
    expect(statusSampleRow(sig, [seg(1900)], "s|r", 7n)).toMatchObject({
      sample_ts: 2000,
      orchestrator_address: "0xcanonical",
      orchestrator_url: "https://orch.example",
      pipeline: "live-video-to-video",
      model_id: "streamdiffusion-sdxl-v2v",
      gpu_id: "gpu-1",
      gateway: "naap-gateway",
      state: "running",
      output_fps: 24.0,
      input_fps: 30.0,
      is_attributed: 1,
      gpu_attribution_method: "segment_window_join",
      gpu_attribution_confidence: 1.0,
    });
  });

  it("trace edge", () => {
    const sig = toSignal(trace({ uid: "tr", ts: 1000, type: FIRST, envelopeTs: 1005 }));
    expect(traceEdgeRow(sig, [seg(900)], "s|r", 7n)).toMatchObject({
      edge_ts: 1000,
      orchestrator_address: "0xcanonical",
      pipeline: "live-video-to-video",
      model_id: "streamdiffusion-sdxl-v2v",
      trace_category: "gateway",
      is_swap_event: 0,
      is_attributed: 1,
    });
  });

  it("pipeline equal to the model label is blanked (canonicalPipeline)", () => {
    const s = { ...seg(0), pipeline: "streamdiffusion-sdxl-v2v" };
    const sig = toSignal(status({ uid: "st", ts: 10 }));
    expect(statusSampleRow(sig, [s], "s|r", 1n).pipeline).toBe("");
  });
});
