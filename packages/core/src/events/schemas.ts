import { z } from "zod";
import { parseTimestamp } from "../values/timestamp.js";
import type { JsonValue } from "../values/json-value.js";

// Lenient zod schemas of the envelope and the seven families (events.md §4, last paragraph):
// unknown keys pass through; required paths must exist and be neither null nor ""; every other
// path is optional and of any JSON type. They document the shapes read by §8 — the ordered
// checks of `validateEnvelope` stay normative for accept/reject and reason codes, and the hot
// path does not use these schemas.

/** Any JSON value, optional: a path the parsers read but do not require. */
const any = z.custom<JsonValue>().optional();
/** A required path: present, not JSON null, not `""` (a `0`, `false` or object passes). */
const required = z.custom<JsonValue>((v) => v !== undefined && v !== null && v !== "", "required");

/** The envelope of every record (events.md §2): string `type`, `ts`-parseable `timestamp`, a `data` key. */
export const EnvelopeSchema = z.looseObject({
  id: any,
  type: z.string(),
  timestamp: z.custom<JsonValue>((v) => parseTimestamp(v as JsonValue) !== undefined, "timestamp"),
  gateway: any,
  data: z.custom<JsonValue>((v) => v !== undefined, "data"),
  version: any,
  __replay: any,
});
/** An envelope (events.md §2). */
export type Envelope = z.infer<typeof EnvelopeSchema>;

const orchestratorInfo = z.looseObject({ address: any, url: any }).optional();

/** `ai_stream_status` (events.md §8.1). */
export const AiStreamStatusEventSchema = EnvelopeSchema.extend({
  type: z.literal("ai_stream_status"),
  data: z.looseObject({
    stream_id: required,
    request_id: required,
    pipeline: required,
    state: any,
    start_time: any,
    orchestrator_info: orchestratorInfo,
    input_status: z.looseObject({ fps: any }).optional(),
    inference_status: z
      .looseObject({
        fps: any,
        restart_count: any,
        last_error: any,
        last_error_time: any,
        last_params_hash: any,
        last_params: z.looseObject({ prompt: any, width: any, height: any }).optional(),
      })
      .optional(),
  }),
});
/** An `ai_stream_status` event. */
export type AiStreamStatusEvent = z.infer<typeof AiStreamStatusEventSchema>;

const trackStats = z.looseObject({
  type: any,
  jitter: any,
  packets_received: any,
  packets_lost: any,
  packet_loss_pct: any,
  rtt: any,
  last_input_ts: any,
  latency: any,
});

/** `stream_ingest_metrics` (events.md §8.2). */
export const StreamIngestMetricsEventSchema = EnvelopeSchema.extend({
  type: z.literal("stream_ingest_metrics"),
  data: z.looseObject({
    stream_id: required,
    request_id: required,
    stats: z
      .looseObject({
        conn_quality: any,
        peer_conn_stats: z.looseObject({ BytesReceived: any, BytesSent: any }).optional(),
        track_stats: z.array(trackStats).optional(),
      })
      .optional(),
  }),
});
/** A `stream_ingest_metrics` event. */
export type StreamIngestMetricsEvent = z.infer<typeof StreamIngestMetricsEventSchema>;

/** `stream_trace` (events.md §8.3); the root `id` is required. */
export const StreamTraceEventSchema = EnvelopeSchema.extend({
  id: required,
  type: z.literal("stream_trace"),
  data: z.looseObject({
    stream_id: required,
    request_id: required,
    type: required,
    timestamp: any,
    orchestrator_info: orchestratorInfo,
  }),
});
/** A `stream_trace` event. */
export type StreamTraceEvent = z.infer<typeof StreamTraceEventSchema>;

/** One orchestrator element of `network_capabilities.data` (events.md §8.4). */
export const OrchestratorCapabilitiesSchema = z.looseObject({
  address: any,
  local_address: any,
  orch_uri: any,
  capabilities: z
    .looseObject({
      version: any,
      capacities: any,
      constraints: z.looseObject({ PerCapability: any }).optional(),
    })
    .optional(),
  capabilities_prices: any,
  hardware: any,
});
/** One orchestrator element of a capability event. */
export type OrchestratorCapabilities = z.infer<typeof OrchestratorCapabilitiesSchema>;

/** `network_capabilities` (events.md §8.4): `data` is an object or an array. */
export const NetworkCapabilitiesEventSchema = EnvelopeSchema.extend({
  type: z.literal("network_capabilities"),
  data: z.union([z.array(z.custom<JsonValue>()), OrchestratorCapabilitiesSchema]),
});
/** A `network_capabilities` event. */
export type NetworkCapabilitiesEvent = z.infer<typeof NetworkCapabilitiesEventSchema>;

/** `ai_stream_events` (events.md §8.5). */
export const AiStreamEventsEventSchema = EnvelopeSchema.extend({
  type: z.literal("ai_stream_events"),
  data: z.looseObject({
    stream_id: required,
    request_id: required,
    pipeline: required,
    type: required,
    message: any,
    capability: any,
  }),
});
/** An `ai_stream_events` event. */
export type AiStreamEventsEvent = z.infer<typeof AiStreamEventsEventSchema>;

/** `discovery_results` (events.md §8.6): a non-empty array of `{address, url, latency_ms}`. */
export const DiscoveryResultsEventSchema = EnvelopeSchema.extend({
  type: z.literal("discovery_results"),
  data: z.array(z.custom<JsonValue>()).min(1),
});
/** A `discovery_results` event. */
export type DiscoveryResultsEvent = z.infer<typeof DiscoveryResultsEventSchema>;

/** `create_new_payment` (events.md §8.7); `requestID` is not required. */
export const CreateNewPaymentEventSchema = EnvelopeSchema.extend({
  type: z.literal("create_new_payment"),
  data: z.looseObject({
    sessionID: required,
    manifestID: required,
    sender: required,
    recipient: required,
    orchestrator: required,
    faceValue: required,
    numTickets: required,
    price: required,
    winProb: required,
    requestID: any,
    clientIP: any,
    capability: any,
  }),
});
/** A `create_new_payment` event. */
export type CreateNewPaymentEvent = z.infer<typeof CreateNewPaymentEventSchema>;

/** The schema of each known family. */
export const EVENT_SCHEMAS = {
  ai_stream_status: AiStreamStatusEventSchema,
  stream_ingest_metrics: StreamIngestMetricsEventSchema,
  stream_trace: StreamTraceEventSchema,
  network_capabilities: NetworkCapabilitiesEventSchema,
  ai_stream_events: AiStreamEventsEventSchema,
  discovery_results: DiscoveryResultsEventSchema,
  create_new_payment: CreateNewPaymentEventSchema,
} as const;
