import type { RawStreamIngestMetricsRow } from "../events/raw-rows.js";
import type { FactStreamIngestSampleRow } from "./fact-rows.js";

/**
 * `fact_stream_ingest_samples` row of one `stream_ingest_metrics` row (sessions.md §15): a 1:1,
 * unversioned projection with `sample_ts` = envelope ts and `source_event_uid` = `raw_event_uid`.
 */
export function ingestSampleFromRow(row: RawStreamIngestMetricsRow): FactStreamIngestSampleRow {
  return {
    sample_ts: row.event_timestamp,
    workflow_session_id: row.workflow_session_id,
    stream_id: row.stream_id,
    request_id: row.request_id,
    gateway: row.gateway,
    connection_quality: row.connection_quality,
    video_jitter: row.video_jitter,
    video_packets_received: row.video_packets_received,
    video_packets_lost: row.video_packets_lost,
    video_packet_loss_pct: row.video_packet_loss_pct,
    video_rtt: row.video_rtt,
    video_last_input_ts: row.video_last_input_ts,
    video_latency: row.video_latency,
    audio_jitter: row.audio_jitter,
    audio_packets_received: row.audio_packets_received,
    audio_packets_lost: row.audio_packets_lost,
    audio_packet_loss_pct: row.audio_packet_loss_pct,
    audio_rtt: row.audio_rtt,
    audio_last_input_ts: row.audio_last_input_ts,
    audio_latency: row.audio_latency,
    bytes_received: row.bytes_received,
    bytes_sent: row.bytes_sent,
    source_event_uid: row.raw_event_uid,
  };
}
