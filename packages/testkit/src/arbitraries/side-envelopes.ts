import fc from "fast-check";
import type { JsonObject, JsonValue } from "@livepeer-analytics/core";
import {
  assembleEnvelope,
  envelopeParts,
  epochMs,
  orchestratorUrl,
  putOptional,
  requestId,
  streamId,
  walletAddress,
} from "./envelope-fields.js";

const trackStats = (type: string): fc.Arbitrary<JsonObject> =>
  fc.record({
    type: fc.constant(type),
    jitter: fc.double({ min: 0, max: 50, noNaN: true }),
    packets_lost: fc.nat(100),
    packets_received: fc.nat(1_000_000),
    packet_loss_pct: fc.double({ min: 0, max: 5, noNaN: true }),
    rtt: fc.nat(500),
    last_input_ts: fc.double({ min: 0, max: 10_000, noNaN: true }),
    last_output_ts: fc.constant(0),
    latency: fc.nat(2000),
  });

const ingestData = fc
  .record({
    stream_id: streamId(),
    request_id: requestId(),
    tracks: fc
      .subarray([...["video", "audio", "video", "data"]])
      .chain((types) => fc.tuple(...types.map(trackStats))),
    bytesReceived: fc.nat(2_000_000_000),
    bytesSent: fc.nat(1_000_000),
    quality: fc.constantFrom("good", "poor", ""),
    withStats: fc.boolean(),
    t: epochMs(),
  })
  .map((r): JsonObject => {
    const data: JsonObject = { pipeline_id: "", request_id: r.request_id };
    if (r.withStats) {
      data["stats"] = {
        peer_conn_stats: {
          ID: "iceTransport",
          BytesReceived: r.bytesReceived,
          BytesSent: r.bytesSent,
        },
        track_stats: r.tracks,
        conn_quality: r.quality,
      };
    }
    data["stream_id"] = r.stream_id;
    data["timestamp"] = r.t;
    return data;
  });

/** Valid `stream_ingest_metrics` envelopes (track_stats with 0–4 entries, sometimes no stats). */
export function streamIngestMetricsEnvelope(): fc.Arbitrary<JsonObject> {
  return fc
    .tuple(envelopeParts(false), ingestData)
    .map(([p, d]) => assembleEnvelope("stream_ingest_metrics", p, d));
}

const discoveryElement: fc.Arbitrary<JsonValue> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      address: walletAddress(),
      latency_ms: fc.oneof(fc.nat(500).map(String), fc.nat(500)),
      url: orchestratorUrl(),
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom<JsonValue>(null, "x", 5, {}) },
);

/** Valid `discovery_results` envelopes: `data` a non-empty array (non-object elements allowed). */
export function discoveryResultsEnvelope(): fc.Arbitrary<JsonObject> {
  return fc
    .tuple(envelopeParts(false), fc.array(discoveryElement, { minLength: 1, maxLength: 5 }))
    .map(([p, d]) => assembleEnvelope("discovery_results", p, d));
}

const paymentData = fc
  .record({
    requestID: fc.option(requestId(), { nil: undefined }),
    sessionID: requestId(),
    manifest: fc.constantFrom("35_streamdiffusion-sdxl", "35_streamdiffusion-sdxl-faceid"),
    sender: walletAddress(),
    recipient: walletAddress(),
    orchestrator: orchestratorUrl(),
    faceValue: fc.oneof(
      fc.bigInt({ min: 0n, max: 10n ** 22n }).map((n) => `${n} WEI`),
      fc.bigInt({ min: 0n, max: 10n ** 22n }).map((n) => `${n}wei`),
      fc.constantFrom<JsonValue>("0.0024 ETH", 12, "-5 WEI"),
    ),
    tickets: fc.integer({ min: 1, max: 5 }).map(String),
    price: fc.constantFrom("1635.021 wei/pixel", "2149 wei/pixel"),
    winProb: fc.constantFrom("0.0009990010", "1"),
  })
  .map((r): JsonObject => {
    const data: JsonObject = {
      capability: "",
      clientIP: "",
      faceValue: r.faceValue,
      manifestID: r.manifest,
      numTickets: r.tickets,
    };
    Object.assign(data, { orchestrator: r.orchestrator, price: r.price, recipient: r.recipient });
    putOptional(data, "requestID", r.requestID);
    Object.assign(data, { sender: r.sender, sessionID: r.sessionID, winProb: r.winProb });
    return data;
  });

/** Valid `create_new_payment` envelopes (`requestID` sometimes absent; odd face values too). */
export function createNewPaymentEnvelope(): fc.Arbitrary<JsonObject> {
  return fc
    .tuple(envelopeParts(false), paymentData)
    .map(([p, d]) => assembleEnvelope("create_new_payment", p, d));
}
