// Hand-built fact rows (defaults describe a clean attributed session at T) and their output
// rows for loading, so tests can state serving inputs directly.
import {
  DIM_TABLES,
  FACT_TABLES,
  RAW_TABLES,
  toCapabilitySnapshotDim,
  type OutputRow,
  type ServingInputs,
  type TableSpec,
} from "@livepeer-analytics/core";

// One source of hand-built serving inputs: core's serving-view tests and these SQL tests state
// the same rows (a clean attributed session at T unless overridden).
export {
  capability,
  latency,
  payment,
  session,
  status,
  T,
} from "../../../core/test/sla/fixtures.js";

function factTable(name: string): TableSpec<string, never> {
  const t = FACT_TABLES.find((f) => f.name === name);
  if (t === undefined) throw new Error(`no fact table ${name}`);
  return t;
}

/** Partial serving inputs, missing lists empty. */
export function inputs(o: Partial<ServingInputs>): ServingInputs {
  return { sessions: [], latency: [], statusSamples: [], payments: [], capabilities: [], ...o };
}

/** The output rows that store `inputs` (capability rows also as their snapshot dimension). */
export function outputRowsOf(i: ServingInputs): OutputRow[] {
  const of = (table: TableSpec<string, never>, rows: readonly unknown[]): OutputRow[] =>
    rows.map((row) => ({ table, row }));
  const raw = RAW_TABLES as unknown as Record<string, TableSpec<string, never>>;
  const dim = DIM_TABLES.dim_orchestrator_capability_snapshots as TableSpec<string, never>;
  return [
    ...of(factTable("fact_workflow_sessions"), i.sessions),
    ...of(factTable("fact_workflow_latency_samples"), i.latency),
    ...of(factTable("fact_stream_status_samples"), i.statusSamples),
    ...of(raw.raw_payment_events as TableSpec<string, never>, i.payments),
    ...of(raw.raw_network_capabilities as TableSpec<string, never>, i.capabilities),
    ...of(dim, i.capabilities.map(toCapabilitySnapshotDim)),
  ];
}
