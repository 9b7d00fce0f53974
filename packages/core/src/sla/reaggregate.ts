import { compareServingOrder, tupleKey } from "./bucket-groups.js";
import { bucketStart, GRANULARITY_MS, type Granularity } from "./granularity.js";
import {
  addCountersInto,
  emptyCounters,
  NUMERIC_COUNTER_NAMES,
  type KpiCounters,
  type MutableKpiCounters,
} from "./kpi-counters.js";
import { NO_GPU_METADATA } from "./gpu-metadata.js";
import {
  buildGpuMetricsRow,
  GPU_METRICS_KEYS,
  NO_GPU_QUANTILES,
  type GpuMetricsKey,
  type GpuMetricsRowOf,
} from "./gpu-metrics-view.js";
import {
  buildNetworkDemandRow,
  NETWORK_DEMAND_KEYS,
  type NetworkDemandKey,
  type NetworkDemandRowOf,
} from "./network-demand-view.js";
import {
  buildSlaComplianceRow,
  SLA_COMPLIANCE_KEYS,
  type SlaComplianceKey,
  type SlaComplianceRowOf,
} from "./sla-compliance-view.js";

/** Target grain of a re-aggregation (serving.md §7). */
export interface ReaggregateOptions<Key extends string> {
  /** Target bucket size; must be a multiple of the rows' bucket size (e.g. `1h` rows → `1d`). */
  readonly granularity: Granularity;
  /** Grain keys to keep (default: all); dropped keys become null in the output rows. */
  readonly keys?: ReadonlyArray<Key>;
}

/**
 * The additive counters carried by a serving row (serving.md §7); counters the row does not
 * carry are 0, `fee_payment_wei` is parsed from its decimal string.
 */
export function countersFromRow(row: object): KpiCounters {
  const r = row as Record<string, unknown>;
  const c = emptyCounters();
  for (const name of NUMERIC_COUNTER_NAMES) {
    const v = r[name];
    if (typeof v === "number") c[name] = v;
  }
  const wei = r["fee_payment_wei"];
  if (typeof wei === "string") c.fee_payment_wei = BigInt(wei);
  return c;
}

interface Regroup<R> {
  readonly windowStart: number;
  readonly keys: Record<string, string | null>;
  readonly keyTuple: ReadonlyArray<string>;
  readonly counters: MutableKpiCounters;
  readonly members: R[];
}

/** Groups rows by (coarser bucket, kept keys), summing counters. Output in serving order. */
function regroup<R extends { readonly window_start: number }>(
  rows: ReadonlyArray<R>,
  keyNames: ReadonlyArray<string>,
  options: ReaggregateOptions<string>,
): Regroup<R>[] {
  const size = GRANULARITY_MS[options.granularity];
  const kept = new Set(options.keys ?? keyNames);
  const groups = new Map<string, Regroup<R>>();
  for (const row of rows) {
    const rec = row as unknown as Record<string, string | null>;
    const keys: Record<string, string | null> = {};
    const tuple: string[] = [];
    const idParts: string[] = [];
    for (const k of keyNames) {
      // A key dropped by the target grain (or by an earlier re-aggregation) is null.
      const v = kept.has(k) ? (rec[k] ?? null) : null;
      keys[k] = v;
      tuple.push(v ?? "");
      idParts.push(v === null ? "-" : `v${v}`);
    }
    const windowStart = bucketStart(row.window_start, size);
    const id = `${windowStart}|${tupleKey(idParts)}`;
    let g = groups.get(id);
    if (g === undefined) {
      g = { windowStart, keys, keyTuple: tuple, counters: emptyCounters(), members: [] };
      groups.set(id, g);
    }
    addCountersInto(g.counters, countersFromRow(row));
    g.members.push(row);
  }
  return [...groups.values()].sort((a, b) =>
    compareServingOrder(a.windowStart, a.keyTuple, b.windowStart, b.keyTuple),
  );
}

/** The only member when a group has exactly one row (its non-additive values stay exact). */
const single = <R>(g: Regroup<R>): R | undefined =>
  g.members.length === 1 ? g.members[0] : undefined;

/**
 * Re-aggregates GPU-metrics rows into a coarser grain (serving.md §7): counters summed, ratios
 * and averages recomputed. p95s are kept only for single-row groups (else null); metadata is
 * kept when the group has one row or keeps both `orchestrator_address` and `gpu_id` (metadata
 * is a function of that pair), else null.
 */
export function reaggregateGpuMetrics(
  rows: ReadonlyArray<GpuMetricsRowOf<string | null>>,
  options: ReaggregateOptions<GpuMetricsKey>,
): GpuMetricsRowOf<string | null>[] {
  const kept = new Set<string>(options.keys ?? GPU_METRICS_KEYS);
  const keepMeta = kept.has("orchestrator_address") && kept.has("gpu_id");
  return regroup(rows, GPU_METRICS_KEYS, options).map((g) => {
    const one = single(g);
    const first = g.members[0];
    const meta = one ?? (keepMeta ? first : undefined) ?? NO_GPU_METADATA;
    return buildGpuMetricsRow(
      g.windowStart,
      g.keys as { [P in GpuMetricsKey]: string | null },
      g.counters,
      {
        gpu_name: meta.gpu_name,
        runner_version: meta.runner_version,
        cuda_version: meta.cuda_version,
        gpu_memory_total: meta.gpu_memory_total,
      },
      one ?? NO_GPU_QUANTILES,
    );
  });
}

/**
 * Re-aggregates network-demand rows into a coarser grain (serving.md §7): counters and
 * `fee_payment_wei` summed, ratios and `fee_payment_eth` recomputed; `total_streams` and
 * `total_sessions` (distinct counts) kept only for single-row groups, else null.
 */
export function reaggregateNetworkDemand(
  rows: ReadonlyArray<NetworkDemandRowOf<string | null, number | null>>,
  options: ReaggregateOptions<NetworkDemandKey>,
): NetworkDemandRowOf<string | null, number | null>[] {
  return regroup(rows, NETWORK_DEMAND_KEYS, options).map((g) => {
    const one = single(g);
    return buildNetworkDemandRow(
      g.windowStart,
      g.keys as { [P in NetworkDemandKey]: string | null },
      g.counters,
      {
        total_streams: one === undefined ? null : one.total_streams,
        total_sessions: one === undefined ? null : one.total_sessions,
      },
    );
  });
}

/**
 * Re-aggregates SLA rows into a coarser grain (serving.md §7): counters summed, ratios and
 * `sla_score` recomputed. Summing hours weights a session once per hour it was active
 * (intended), so this differs from the view computed directly at `1d`.
 */
export function reaggregateSlaCompliance(
  rows: ReadonlyArray<SlaComplianceRowOf<string | null>>,
  options: ReaggregateOptions<SlaComplianceKey>,
): SlaComplianceRowOf<string | null>[] {
  return regroup(rows, SLA_COMPLIANCE_KEYS, options).map((g) =>
    buildSlaComplianceRow(
      g.windowStart,
      g.keys as { [P in SlaComplianceKey]: string | null },
      g.counters,
    ),
  );
}
