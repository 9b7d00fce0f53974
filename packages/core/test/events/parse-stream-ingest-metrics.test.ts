// The parser reads the last video/audio track in place; its columns equal lastTrackStats'.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  lastTrackStats,
  parseStreamIngestMetrics,
} from "../../src/events/parse-stream-ingest-metrics.js";
import type { JsonValue } from "../../src/values/json-value.js";

const value = fc.oneof(
  fc.double(),
  fc.integer({ min: -5, max: 5_000_000_000 }),
  fc.constantFrom("12", " 3.5 ", "x", "", true, false, null),
);
const track = fc.oneof(
  fc.record(
    {
      type: fc.constantFrom("video", "audio", "Video", "data"),
      jitter: value,
      packets_received: value,
      packets_lost: value,
      packet_loss_pct: value,
      rtt: value,
      last_input_ts: value,
      latency: value,
    },
    { requiredKeys: ["type"] },
  ),
  fc.constantFrom<JsonValue>(null, 7, "video", ["video"]),
);

describe("stream_ingest_metrics track columns (events.md §8.2)", () => {
  it("equal lastTrackStats of the same track_stats", () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(track, { maxLength: 5 }), value), (tracks) => {
        const data = { stream_id: "s", request_id: "r", stats: { track_stats: tracks } };
        const base = {
          event_timestamp: 1,
          raw_event_uid: "u",
          org: "o",
          gateway: "",
          raw_json: "",
        };
        const rows = parseStreamIngestMetrics({ root: { data }, data, eventId: "u", base });
        const row = rows.raw_stream_ingest_metrics![0]!;
        const v = lastTrackStats(tracks, "video");
        const a = lastTrackStats(tracks, "audio");
        expect([
          row.video_jitter,
          row.video_packets_received,
          row.video_packets_lost,
          row.video_packet_loss_pct,
          row.video_rtt,
          row.video_last_input_ts,
          row.video_latency,
        ]).toEqual([
          v.jitter,
          v.packets_received,
          v.packets_lost,
          v.packet_loss_pct,
          v.rtt,
          v.last_input_ts,
          v.latency,
        ]);
        expect([
          row.audio_jitter,
          row.audio_packets_received,
          row.audio_packets_lost,
          row.audio_packet_loss_pct,
          row.audio_rtt,
          row.audio_last_input_ts,
          row.audio_latency,
        ]).toEqual([
          a.jitter,
          a.packets_received,
          a.packets_lost,
          a.packet_loss_pct,
          a.rtt,
          a.last_input_ts,
          a.latency,
        ]);
      }),
      { numRuns: 500 },
    );
  });

  it("no matching track reads as all zeros", () => {
    expect(lastTrackStats([{ type: "data", jitter: 3 }], "video")).toEqual({
      jitter: 0,
      packets_received: 0,
      packets_lost: 0,
      packet_loss_pct: 0,
      rtt: 0,
      last_input_ts: 0,
      latency: 0,
    });
  });
});
