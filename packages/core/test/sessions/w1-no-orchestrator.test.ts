// W1 (sessions.md §16): the real scenario-2 fixture, rows built by hand with the events.md §8 rules.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SnapshotIndex } from "../../src/attribution/snapshot-index.js";
import { workflowSessionId } from "../../src/identity/workflow-session-id.js";
import { deriveSession } from "../../src/sessions/derive-session.js";
import type { LifecycleEvent } from "../../src/sessions/lifecycle-signal.js";
import { normalizeAddress } from "../../src/values/java-trim.js";

const FIXTURE =
  "/work/shared/samples/prod-fixtures/prod_snapshot_20260225T211506Z/scenario_2_no_orchestrator_then_closed/aiJobTesterStream-1772052113991767774_0815334c.events.jsonl";

interface Envelope {
  id: string;
  type: string;
  timestamp: number;
  gateway: string;
  data: Record<string, unknown> & { orchestrator_info?: { address: string; url: string } };
}

function toEvent(line: string): LifecycleEvent {
  const e = JSON.parse(line) as Envelope;
  const d = e.data;
  const str = (k: string) => (typeof d[k] === "string" ? d[k] : "");
  const base = {
    event_timestamp: e.timestamp,
    raw_event_uid: e.id,
    org: "unknown",
    gateway: e.gateway,
    raw_json: line,
    workflow_session_id: workflowSessionId(str("stream_id"), str("request_id"), e.id),
    stream_id: str("stream_id"),
    request_id: str("request_id"),
  };
  if (e.type === "stream_trace") {
    const dts =
      typeof d["timestamp"] === "number" && d["timestamp"] !== 0 ? d["timestamp"] : e.timestamp;
    return {
      family: "stream_trace",
      row: {
        ...base,
        trace_type: str("type"),
        orchestrator_address: normalizeAddress(d.orchestrator_info?.address ?? ""),
        orchestrator_url: d.orchestrator_info?.url ?? "",
        data_timestamp: dts,
      },
    };
  }
  if (e.type !== "ai_stream_events") throw new Error(`unexpected ${e.type}`);
  return {
    family: "ai_stream_events",
    row: {
      ...base,
      pipeline: str("pipeline"),
      event_type: str("type"),
      message: str("message"),
      capability: str("capability"),
    },
  };
}

const events = readFileSync(FIXTURE, "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map(toEvent);
const ID = "aiJobTesterStream-1772052113991767774|0815334c";
const V = 21474836480n;

describe("W1 — no orchestrator, then closed", () => {
  const facts = deriveSession(events, new SnapshotIndex());

  it("session fact", () => {
    expect(facts.workflowSessionId).toBe(ID);
    expect(facts.session).toEqual({
      org: "unknown",
      workflow_session_id: ID,
      workflow_type: "ai_live_video_stream",
      workflow_id: "ai_live_video_stream",
      stream_id: "aiJobTesterStream-1772052113991767774",
      request_id: "0815334c",
      gateway: "cloud-spe-ai-live-video-tester-fra",
      session_id: "",
      pipeline: "",
      orchestrator_address: "",
      orchestrator_url: "",
      model_id: "streamdiffusion-sdxl",
      gpu_id: null,
      region: null,
      has_model_change: 0,
      has_pipeline_change: 0,
      gpu_attribution_method: "none",
      gpu_attribution_confidence: 0,
      session_start_ts: 1772052118525,
      session_end_ts: 1772052118628,
      known_stream: 1,
      startup_success: 0,
      startup_excused: 1,
      startup_unexcused: 0,
      confirmed_swap_count: 0,
      inferred_orchestrator_change_count: 0,
      swap_count: 0,
      error_count: 2,
      excusable_error_count: 2,
      last_error_occurred: 0,
      loading_only_session: 0,
      zero_output_fps_session: 0,
      status_sample_count: 0,
      status_error_sample_count: 0,
      health_expected_signal_count: 3,
      health_signal_count: 0,
      health_completeness_ratio: 0,
      first_stream_request_ts: 1772052118525,
      first_processed_ts: null,
      first_playable_ts: null,
      event_count: 5,
      version: V,
      source_first_event_uid: "aa923f57-3bd7-41f7-989f-9bebe5bd49bb",
      source_last_event_uid: "3bc042c5-85b8-4df2-b78a-37da45fb5b3b",
      semantics_version: "1.0.0",
    });
  });

  it("one segment closed by the ingest close", () => {
    expect(facts.segments).toHaveLength(1);
    expect(facts.segments[0]).toMatchObject({
      segment_index: 0,
      segment_start_ts: 1772052118525,
      segment_end_ts: 1772052118628,
      reason: "stream_closed",
      orchestrator_address: "",
      model_id: "streamdiffusion-sdxl",
      pipeline: "",
      source_trace_type: "gateway_ingest_stream_closed",
      source_event_uid: "3bc042c5-85b8-4df2-b78a-37da45fb5b3b",
      version: V,
    });
  });

  it("coverage rows", () => {
    const byUid = new Map(facts.coverage.map((c) => [c.source_event_uid, c]));
    expect(facts.coverage.map((c) => c.source_event_uid)).toEqual([
      "aa923f57-3bd7-41f7-989f-9bebe5bd49bb",
      "0404da66-c005-4307-a3ee-1fc8fb7b86da",
      "ff54a52f-e9da-4b53-b7a6-2bb735b4fe25",
      "0a54e8e5-33c2-467e-8ce2-cd04add71058",
      "3bc042c5-85b8-4df2-b78a-37da45fb5b3b",
    ]);
    for (const uid of [
      "aa923f57-3bd7-41f7-989f-9bebe5bd49bb",
      "0404da66-c005-4307-a3ee-1fc8fb7b86da",
      "ff54a52f-e9da-4b53-b7a6-2bb735b4fe25",
      "3bc042c5-85b8-4df2-b78a-37da45fb5b3b",
    ])
      expect(byUid.get(uid)).toMatchObject({
        unmatched_reason: "awaiting_first_processed_segment_edge",
        is_terminal_signal: 0,
      });
    expect(byUid.get("0a54e8e5-33c2-467e-8ce2-cd04add71058")).toMatchObject({
      is_terminal_signal: 1,
      unmatched_reason: "missing_first_processed_segment_edge",
    });
    expect(facts.coverage[0]).toMatchObject({ pipeline: "", model_id: null });
    for (const row of facts.coverage.slice(1))
      expect(row).toMatchObject({
        pipeline: "streamdiffusion-sdxl",
        model_id: "streamdiffusion-sdxl",
      });
  });

  it("latency and trace edges", () => {
    expect(facts.latency).toMatchObject({
      sample_ts: 1772052118525,
      prompt_to_first_frame_ms: null,
      startup_time_ms: null,
      e2e_latency_ms: null,
      has_prompt_to_first_frame: 0,
      has_startup_time: 0,
      has_e2e_latency: 0,
      version: V,
    });
    expect(facts.traceEdges).toHaveLength(3);
    for (const e of facts.traceEdges)
      expect(e).toMatchObject({
        is_attributed: 0,
        trace_category: "gateway",
        orchestrator_address: "",
      });
    expect(facts.statusSamples).toEqual([]);
    expect(facts.paramUpdates).toEqual([]);
  });

  it("arrival order does not matter", () => {
    expect(deriveSession([...events].reverse(), new SnapshotIndex())).toEqual(facts);
  });
});
