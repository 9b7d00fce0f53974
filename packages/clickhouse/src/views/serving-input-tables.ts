/**
 * The tables the serving views read (serving.md §2 bases and §6.1 metadata): loading only these
 * is enough to compute every API view. `raw_network_capabilities` is the source of the snapshot
 * dimension, written with it.
 */
export const SERVING_INPUT_TABLES: ReadonlySet<string> = new Set([
  "fact_workflow_sessions",
  "fact_workflow_latency_samples",
  "fact_stream_status_samples",
  "raw_payment_events",
  "raw_network_capabilities",
  "dim_orchestrator_capability_snapshots",
]);
