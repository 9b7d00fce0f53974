import { workflowSessionId } from "../identity/workflow-session-id.js";
import { float, INT_RANGES, int, isJsonObject, text } from "../values/json-value.js";
import type { JsonValue } from "../values/json-value.js";
import { asObject } from "./json-field.js";
import type { ParseContext } from "./parse-context.js";
import type { RawStreamIngestMetricsRow, TrackStats, TypedRows } from "./raw-rows.js";

const NO_TRACK: TrackStats = {
  jitter: 0,
  packets_received: 0,
  packets_lost: 0,
  packet_loss_pct: 0,
  rtt: 0,
  last_input_ts: 0,
  latency: 0,
};

/**
 * The stats of the **last** entry of `track_stats` whose `type` is exactly `kind`; all 0 when
 * none matches or `track_stats` is not an array (events.md §8.2).
 */
export function lastTrackStats(
  trackStats: JsonValue | undefined,
  kind: "video" | "audio",
): TrackStats {
  if (!Array.isArray(trackStats)) return NO_TRACK;
  for (let i = trackStats.length - 1; i >= 0; i--) {
    const t = trackStats[i];
    if (isJsonObject(t) && t["type"] === kind) {
      return {
        jitter: float(t["jitter"]),
        packets_received: int(t["packets_received"], INT_RANGES.UInt32),
        packets_lost: int(t["packets_lost"], INT_RANGES.UInt32),
        packet_loss_pct: float(t["packet_loss_pct"]),
        rtt: float(t["rtt"]),
        last_input_ts: float(t["last_input_ts"]),
        latency: float(t["latency"]),
      };
    }
  }
  return NO_TRACK;
}

/**
 * `stream_ingest_metrics` → one `raw_stream_ingest_metrics` row (events.md §8.2): connection
 * quality, peer-connection byte counters (UInt64) and the last video / audio track stats.
 */
export function parseStreamIngestMetrics(ctx: ParseContext): TypedRows {
  const d = asObject(ctx.data);
  const stats = asObject(d?.["stats"]);
  const peer = asObject(stats?.["peer_conn_stats"]);
  const tracks = stats?.["track_stats"];
  const v = lastTrackStats(tracks, "video");
  const a = lastTrackStats(tracks, "audio");
  const streamId = text(d?.["stream_id"]);
  const requestId = text(d?.["request_id"]);
  const row: RawStreamIngestMetricsRow = {
    event_timestamp: ctx.base.event_timestamp,
    raw_event_uid: ctx.base.raw_event_uid,
    org: ctx.base.org,
    gateway: ctx.base.gateway,
    raw_json: ctx.base.raw_json,
    workflow_session_id: workflowSessionId(streamId, requestId, ctx.eventId),
    stream_id: streamId,
    request_id: requestId,
    connection_quality: text(stats?.["conn_quality"]),
    bytes_received: int(peer?.["BytesReceived"], INT_RANGES.UInt64),
    bytes_sent: int(peer?.["BytesSent"], INT_RANGES.UInt64),
    video_jitter: v.jitter,
    video_packets_received: v.packets_received,
    video_packets_lost: v.packets_lost,
    video_packet_loss_pct: v.packet_loss_pct,
    video_rtt: v.rtt,
    video_last_input_ts: v.last_input_ts,
    video_latency: v.latency,
    audio_jitter: a.jitter,
    audio_packets_received: a.packets_received,
    audio_packets_lost: a.packets_lost,
    audio_packet_loss_pct: a.packet_loss_pct,
    audio_rtt: a.rtt,
    audio_last_input_ts: a.last_input_ts,
    audio_latency: a.latency,
  };
  return { raw_stream_ingest_metrics: [row] };
}
