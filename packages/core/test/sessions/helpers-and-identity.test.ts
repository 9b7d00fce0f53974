// sessions.md §1 helper examples, §2.2 identity examples, §3 signal examples, §8.2 examples.
import { describe, expect, it } from "vitest";
import { SnapshotIndex } from "../../src/attribution/snapshot-index.js";
import { workflowSessionId } from "../../src/identity/workflow-session-id.js";
import { deriveSession } from "../../src/sessions/derive-session.js";
import { compareSignals, toSignal } from "../../src/sessions/lifecycle-signal.js";
import { blankToNull, ci, fnb, isBlank, normalizeAddress } from "../../src/values/java-trim.js";
import { aiEvent, snapRow, status, trace } from "./builders.js";

describe("§1 helpers", () => {
  it("examples", () => {
    expect(isBlank(null)).toBe(true);
    expect(isBlank("")).toBe(true);
    expect(isBlank("   ")).toBe(true);
    expect(isBlank("a")).toBe(false);
    expect(fnb(" ", null, "x", "y")).toBe("x");
    expect(fnb(" ", null, "\t")).toBe("");
    expect(blankToNull(" ")).toBeNull();
    expect(blankToNull(" value ")).toBe(" value ");
    expect(normalizeAddress(" 0xAbC123 ")).toBe("0xabc123");
    expect(ci("Error", "error")).toBe(true);
  });
});

describe("§2.2 workflow_session_id", () => {
  it("examples", () => {
    expect(workflowSessionId("stream-1", "req-1", "evt-1")).toBe("stream-1|req-1");
    expect(workflowSessionId("stream-1", "", "evt-1")).toBe("stream-1|_missing_request");
    expect(workflowSessionId("", "req-1", "evt-1")).toBe("_missing_stream|req-1");
    expect(workflowSessionId("", "", "evt-1")).toBe("_missing_stream|_missing_request|evt-1");
    expect(workflowSessionId("", "", "")).toBe("_missing_stream|_missing_request|_missing_event");
    expect(workflowSessionId(" s ", " r ", "any")).toBe("s|r");
    expect(workflowSessionId("aiJobTesterStream-1772052113991767774", "0815334c", "x")).toBe(
      "aiJobTesterStream-1772052113991767774|0815334c",
    );
  });
});

describe("§3 lifecycle signals", () => {
  it("trace uses data.timestamp, keeps gateway and session", () => {
    const s = toSignal(
      trace({
        uid: "evt-trace-1",
        gateway: "gateway-a",
        stream: "stream-1",
        request: "req-1",
        ts: 1739000000200,
        envelopeTs: 1739000000999,
        type: "x",
      }),
    );
    expect(s).toMatchObject({
      gateway: "gateway-a",
      workflowSessionId: "stream-1|req-1",
      ts: 1739000000200,
      pipeline: "",
      modelHint: "",
    });
  });

  it("AI event from another gateway", () => {
    const s = toSignal(
      aiEvent({
        uid: "e",
        ts: 5,
        gateway: "gateway-b",
        stream: "stream-2",
        request: "req-2",
        type: "error",
        pipeline: "sd",
      }),
    );
    expect(s).toMatchObject({
      gateway: "gateway-b",
      workflowSessionId: "stream-2|req-2",
      orchAddr: "",
      orchUrl: "",
      aiEventType: "error",
    });
    expect([s.pipeline, s.pipelineHint, s.modelHint]).toEqual(["sd", "sd", "sd"]);
  });

  it("status normalizes the address and reads status fields", () => {
    const s = toSignal(
      status({
        uid: "e",
        ts: 5,
        addr: " 0xAB ",
        url: "u",
        state: "LOADING",
        fps: 1.5,
        startTime: 3,
      }),
    );
    expect(s).toMatchObject({
      orchAddr: "0xab",
      orchUrl: "u",
      state: "LOADING",
      outputFps: 1.5,
      startTimeMs: 3,
    });
  });

  it("order: ts then uid by code units", () => {
    const a = toSignal(trace({ uid: "b", ts: 1, type: "x" }));
    const b = toSignal(trace({ uid: "a", ts: 2, type: "x" }));
    const c = toSignal(trace({ uid: "B", ts: 2, type: "x" }));
    expect([b, c, a].sort(compareSignals).map((s) => s.uid)).toEqual(["b", "B", "a"]);
  });
});

describe("§8.2 examples", () => {
  it("key falls back to the state address, normalized", () => {
    const idx = SnapshotIndex.from([
      snapRow({ ts: 1000, uid: "r", hot: "0xhot", canonical: "0xAbCd", model: "m", gpu: "g" }),
    ]);
    const f = deriveSession(
      [
        status({ uid: "a", ts: 1000, addr: "0xhot" }),
        trace({ uid: "b", ts: 200_000, type: "gateway_ingest_stream_closed" }),
      ],
      idx,
    );
    // the close trace has no address: key = norm(state "0xabcd") still finds the row → prior
    expect(f.session.orchestrator_address).toBe("0xabcd");
    expect(f.session.gpu_attribution_method).toBe("nearest_prior_snapshot");
  });

  it("legacy: a status label never leaks into pipeline", () => {
    const f = deriveSession(
      [status({ uid: "a", ts: 1, pipeline: "streamdiffusion-sdxl-v2v" })],
      new SnapshotIndex(),
    );
    expect(f.session).toMatchObject({
      pipeline: "",
      model_id: "streamdiffusion-sdxl-v2v",
      workflow_id: "ai_live_video_stream",
    });
  });

  it("native mode keeps the signal pipeline", () => {
    const f = deriveSession(
      [status({ uid: "a", ts: 1, pipeline: "text-to-image" })],
      new SnapshotIndex(),
      { pipelineModelMode: "native" },
    );
    expect(f.session).toMatchObject({ pipeline: "text-to-image", workflow_id: "text-to-image" });
  });
});
