import type { EventFamily } from "./event-families.js";
import { parseAiStreamEvents } from "./parse-ai-stream-events.js";
import { parseAiStreamStatus } from "./parse-ai-stream-status.js";
import type { FamilyParser } from "./parse-context.js";
import { parseCreateNewPayment } from "./parse-create-new-payment.js";
import { parseDiscoveryResults } from "./parse-discovery-results.js";
import { parseNetworkCapabilities } from "./parse-network-capabilities.js";
import { parseStreamIngestMetrics } from "./parse-stream-ingest-metrics.js";
import { parseStreamTrace } from "./parse-stream-trace.js";

/** The parser of each known family (events.md §8), as data. */
export const FAMILY_PARSERS: { readonly [F in EventFamily]: FamilyParser } = {
  ai_stream_status: parseAiStreamStatus,
  stream_ingest_metrics: parseStreamIngestMetrics,
  stream_trace: parseStreamTrace,
  network_capabilities: parseNetworkCapabilities,
  ai_stream_events: parseAiStreamEvents,
  discovery_results: parseDiscoveryResults,
  create_new_payment: parseCreateNewPayment,
};
