// §12 coverage examples, §14 latency examples, §15 ingest projection, §11 param updates.
import { describe, expect, it } from "vitest";
import { SnapshotIndex } from "../../src/attribution/snapshot-index.js";
import type { RawStreamIngestMetricsRow } from "../../src/events/raw-rows.js";
import { unmatchedReason } from "../../src/sessions/coverage-machine.js";
import { deriveSession } from "../../src/sessions/derive-session.js";
import { ingestSampleFromRow } from "../../src/sessions/ingest-sample.js";
import { latencyDeltaMs } from "../../src/sessions/latency-sample.js";
import { aiEvent, snapRow, status, trace } from "./builders.js";

const none = new SnapshotIndex();

describe("§12 coverage", () => {
  it("known, processed 2000, playable 2500, few_processed@2500", () => {
    const f = deriveSession(
      [
        trace({ uid: "r", ts: 1000, type: "gateway_receive_stream_request" }),
        trace({ uid: "p", ts: 2000, type: "gateway_receive_first_processed_segment" }),
        trace({ uid: "evt", ts: 2500, type: "gateway_receive_few_processed_segments" }),
      ],
      none,
    );
    expect(f.coverage[2]).toMatchObject({
      source_event_uid: "evt",
      known_stream: 1,
      startup_edge_matched: 1,
      playable_edge_matched: 1,
      unmatched_reason: "",
      orchestrator_address: "",
    });
  });

  it("known, request only", () => {
    const f = deriveSession(
      [trace({ uid: "evt", ts: 1000, type: "gateway_receive_stream_request" })],
      none,
    );
    expect(f.coverage[0]).toMatchObject({
      unmatched_reason: "awaiting_first_processed_segment_edge",
      is_terminal_signal: 0,
    });
  });

  it("known, no edges, close@3000", () => {
    const f = deriveSession(
      [
        trace({ uid: "r", ts: 1000, type: "gateway_receive_stream_request" }),
        trace({ uid: "evt", ts: 3000, type: "gateway_ingest_stream_closed" }),
      ],
      none,
    );
    expect(f.coverage[1]).toMatchObject({
      is_terminal_signal: 1,
      unmatched_reason: "missing_first_processed_segment_edge",
    });
  });

  it("reason precedence", () => {
    expect(unmatchedReason(false, true, true, true)).toBe("missing_stream_request_edge");
    expect(unmatchedReason(true, true, false, true)).toBe("missing_playable_edge");
    expect(unmatchedReason(true, true, false, false)).toBe("awaiting_playable_edge");
  });
});

describe("§14 latency", () => {
  it("delta", () => {
    expect(latencyDeltaMs(1000, 1200)).toBe(200);
    expect(latencyDeltaMs(1200, 4300)).toBe(3100);
    expect(latencyDeltaMs(1000, 4300)).toBe(3300);
    expect(latencyDeltaMs(5, 5)).toBe(0);
    expect(latencyDeltaMs(2000, 1000)).toBeNull();
    expect(latencyDeltaMs(null, 1000)).toBeNull();
    expect(latencyDeltaMs(1000, null)).toBeNull();
  });

  it("request 1000, processed 1200, playable 4300", () => {
    const f = deriveSession(
      [
        trace({ uid: "a", ts: 1000, type: "gateway_receive_stream_request" }),
        trace({ uid: "b", ts: 1200, type: "gateway_receive_first_processed_segment" }),
        trace({ uid: "c", ts: 4300, type: "gateway_receive_few_processed_segments" }),
      ],
      none,
    );
    expect(f.latency).toMatchObject({
      prompt_to_first_frame_ms: 200,
      startup_time_ms: 3100,
      e2e_latency_ms: 3300,
      has_prompt_to_first_frame: 1,
      has_startup_time: 1,
      has_e2e_latency: 1,
      edge_semantics_version: "v1",
    });
  });

  it("request 2000, processed 1000, no playable", () => {
    const f = deriveSession(
      [
        trace({ uid: "a", ts: 2000, type: "gateway_receive_stream_request" }),
        trace({ uid: "b", ts: 1000, type: "gateway_receive_first_processed_segment" }),
      ],
      none,
    );
    expect(f.latency).toMatchObject({
      prompt_to_first_frame_ms: null,
      startup_time_ms: null,
      e2e_latency_ms: null,
      has_prompt_to_first_frame: 0,
      has_startup_time: 0,
      has_e2e_latency: 0,
    });
  });
});

describe("§11 param updates", () => {
  it("one row per params_update with the state after it", () => {
    const idx = SnapshotIndex.from([
      snapRow({
        ts: 1000,
        uid: "r",
        hot: "0xhot",
        canonical: "0xc",
        url: "https://snap",
        model: "sd",
        gpu: "G",
      }),
    ]);
    const f = deriveSession(
      [
        status({ uid: "a", ts: 1000, addr: "0xhot", url: "https://first", pipeline: "sd" }),
        status({ uid: "b", ts: 1001, addr: "0xhot", url: "https://second" }),
        aiEvent({ uid: "p", ts: 1500, type: "Params_Update", message: "prompt changed" }),
        aiEvent({ uid: "q", ts: 1600, type: "warning" }),
      ],
      idx,
    );
    expect(f.paramUpdates).toHaveLength(1);
    expect(f.paramUpdates[0]).toMatchObject({
      update_ts: 1500,
      orchestrator_address: "0xc",
      orchestrator_url: "https://first",
      pipeline: "live-video-to-video",
      model_id: "sd",
      gpu_id: "G",
      gpu_attribution_method: "nearest_prior_snapshot",
      update_type: "params_update",
      message: "prompt changed",
      source_event_uid: "p",
      version: f.version,
    });
  });
});

describe("§15 ingest samples", () => {
  it("projects 1:1", () => {
    const row: RawStreamIngestMetricsRow = {
      event_timestamp: 1234,
      raw_event_uid: "u",
      org: "o",
      gateway: "g",
      raw_json: "{}",
      workflow_session_id: "s|r",
      stream_id: "s",
      request_id: "r",
      connection_quality: "good",
      bytes_received: 10,
      bytes_sent: 20,
      video_jitter: 1,
      video_packets_received: 2,
      video_packets_lost: 3,
      video_packet_loss_pct: 4,
      video_rtt: 5,
      video_last_input_ts: 6,
      video_latency: 7,
      audio_jitter: 8,
      audio_packets_received: 9,
      audio_packets_lost: 10,
      audio_packet_loss_pct: 11,
      audio_rtt: 12,
      audio_last_input_ts: 13,
      audio_latency: 14,
    };
    const s = ingestSampleFromRow(row);
    expect(s).toMatchObject({
      sample_ts: 1234,
      source_event_uid: "u",
      workflow_session_id: "s|r",
      gateway: "g",
      bytes_sent: 20,
      audio_latency: 14,
    });
    expect(Object.keys(s)).toHaveLength(23);
  });
});
