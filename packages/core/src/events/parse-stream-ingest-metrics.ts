import { workflowSessionId } from "../identity/workflow-session-id.js";
import { float, INT_RANGES, int, isJsonObject, text } from "../values/json-value.js";
import type { JsonObject, JsonValue } from "../values/json-value.js";
import { asObject } from "./json-field.js";
import type { ParseContext } from "./parse-context.js";
import type { RawStreamIngestMetricsRow, TrackStats, TypedRows } from "./raw-rows.js";

/**
 * The **last** entry of `track_stats` that is an object whose `type` is exactly `kind`, or
 * undefined when none matches or `track_stats` is not an array (events.md §8.2).
 */
function lastTrack(
  trackStats: JsonValue | undefined,
  kind: "video" | "audio",
): JsonObject | undefined {
  if (!Array.isArray(trackStats)) return undefined;
  for (let i = trackStats.length - 1; i >= 0; i--) {
    const t = trackStats[i];
    if (isJsonObject(t) && t["type"] === kind) return t;
  }
  return undefined;
}

/**
 * The stats of the **last** entry of `track_stats` whose `type` is exactly `kind`; all 0 when
 * none matches or `track_stats` is not an array (events.md §8.2).
 */
export function lastTrackStats(
  trackStats: JsonValue | undefined,
  kind: "video" | "audio",
): TrackStats {
  const t = lastTrack(trackStats, kind);
  return {
    jitter: float(t?.["jitter"]),
    packets_received: int(t?.["packets_received"], INT_RANGES.UInt32),
    packets_lost: int(t?.["packets_lost"], INT_RANGES.UInt32),
    packet_loss_pct: float(t?.["packet_loss_pct"]),
    rtt: float(t?.["rtt"]),
    last_input_ts: float(t?.["last_input_ts"]),
    latency: float(t?.["latency"]),
  };
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
  // The track objects themselves (no TrackStats copies): a missing field or track reads as 0,
  // exactly like lastTrackStats.
  const v = lastTrack(tracks, "video");
  const a = lastTrack(tracks, "audio");
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
    video_jitter: float(v?.["jitter"]),
    video_packets_received: int(v?.["packets_received"], INT_RANGES.UInt32),
    video_packets_lost: int(v?.["packets_lost"], INT_RANGES.UInt32),
    video_packet_loss_pct: float(v?.["packet_loss_pct"]),
    video_rtt: float(v?.["rtt"]),
    video_last_input_ts: float(v?.["last_input_ts"]),
    video_latency: float(v?.["latency"]),
    audio_jitter: float(a?.["jitter"]),
    audio_packets_received: int(a?.["packets_received"], INT_RANGES.UInt32),
    audio_packets_lost: int(a?.["packets_lost"], INT_RANGES.UInt32),
    audio_packet_loss_pct: float(a?.["packet_loss_pct"]),
    audio_rtt: float(a?.["rtt"]),
    audio_last_input_ts: float(a?.["last_input_ts"]),
    audio_latency: float(a?.["latency"]),
  };
  return { raw_stream_ingest_metrics: [row] };
}
