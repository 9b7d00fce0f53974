import type {
  FactStreamStatusSampleRow,
  FactWorkflowLatencySampleRow,
  FactWorkflowSessionRow,
  OutputRow,
  RawNetworkCapabilitiesRow,
  RawPaymentEventRow,
  ServingInputs,
} from "@livepeer-analytics/core";

/** Mutable collector of the serving inputs (serving.md §2) out of a batch deriver's output. */
export interface ServingCollector {
  readonly inputs: ServingInputs;
  add(this: void, out: OutputRow): void;
}

/** Keeps the rows the three serving views read (sessions, latency, status, payments, capabilities). */
export function servingCollector(): ServingCollector {
  const sessions: FactWorkflowSessionRow[] = [];
  const latency: FactWorkflowLatencySampleRow[] = [];
  const statusSamples: FactStreamStatusSampleRow[] = [];
  const payments: RawPaymentEventRow[] = [];
  const capabilities: RawNetworkCapabilitiesRow[] = [];
  const sinks: Record<string, unknown[]> = {
    fact_workflow_sessions: sessions,
    fact_workflow_latency_samples: latency,
    fact_stream_status_samples: statusSamples,
    raw_payment_events: payments,
    raw_network_capabilities: capabilities,
  };
  return {
    inputs: { sessions, latency, statusSamples, payments, capabilities },
    add(out) {
      sinks[out.table.name]?.push(out.row);
    },
  };
}
