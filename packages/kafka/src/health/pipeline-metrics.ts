/** Counters and gauges of a running pipeline (events.md §10 names where defined). */
export interface PipelineMetrics {
  consumed: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  unknown: number;
  dedupConflicts: number;
  batches: number;
  sessionsDerived: number;
  rehydrations: number;
  writeFailures: number;
  /** Lag per `topic/partition` after the last batch of that partition. */
  readonly lag: Map<string, number>;
  /** Rejections by `failure_class/failure_reason`. */
  readonly dlq: Map<string, number>;
  readonly sinkGuardDrops: Map<string, number>;
  readonly batchLatency: LatencyHistogram;
  readonly writeLatency: LatencyHistogram;
}

/** A Prometheus-style cumulative histogram in seconds. */
export interface LatencyHistogram {
  readonly bounds: readonly number[];
  readonly counts: number[];
  sum: number;
  count: number;
}

const BOUNDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

function histogram(): LatencyHistogram {
  return { bounds: BOUNDS, counts: BOUNDS.map(() => 0), sum: 0, count: 0 };
}

/** Fresh zeroed metrics. */
export function createPipelineMetrics(): PipelineMetrics {
  return {
    consumed: 0,
    accepted: 0,
    rejected: 0,
    duplicates: 0,
    unknown: 0,
    dedupConflicts: 0,
    batches: 0,
    sessionsDerived: 0,
    rehydrations: 0,
    writeFailures: 0,
    lag: new Map(),
    dlq: new Map(),
    sinkGuardDrops: new Map(),
    batchLatency: histogram(),
    writeLatency: histogram(),
  };
}

/** Records one observation (ms) in `h`. */
export function observeMs(h: LatencyHistogram, ms: number): void {
  const s = ms / 1000;
  h.sum += s;
  h.count++;
  for (let i = 0; i < h.bounds.length; i++) if (s <= (h.bounds[i] as number)) h.counts[i]!++;
}

/** Adds 1 to `map[key]`. */
export function bump(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

const esc = (v: string): string =>
  v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");

/** The Prometheus text exposition (format 0.0.4) of `m`. */
export function metricsText(m: PipelineMetrics): string {
  const out: string[] = [];
  const counter = (name: string, help: string, v: number): void => {
    out.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`, `${name} ${v}`);
  };
  counter("lpa_events_input_total", "Records consumed.", m.consumed);
  counter("lpa_events_accepted_total", "Records accepted (known types).", m.accepted);
  counter("lpa_events_rejected_total", "Records rejected to the DLQ.", m.rejected);
  counter("lpa_events_quarantined_total", "Duplicates quarantined.", m.duplicates);
  counter("lpa_events_unknown_total", "Records of unknown type accepted.", m.unknown);
  counter("lpa_dedup_conflicts_total", "Duplicates whose content differs.", m.dedupConflicts);
  counter("lpa_batches_total", "Batches processed and committed.", m.batches);
  counter("lpa_sessions_derived_total", "Session derivations written.", m.sessionsDerived);
  counter("lpa_session_rehydrations_total", "Sessions reloaded from storage.", m.rehydrations);
  counter(
    "lpa_write_failures_total",
    "Batches whose write failed (re-delivered).",
    m.writeFailures,
  );
  out.push(
    "# HELP lpa_events_dlq_total DLQ records by failure.",
    "# TYPE lpa_events_dlq_total counter",
  );
  for (const [k, v] of m.dlq) {
    const [cls = "", reason = ""] = k.split("/");
    out.push(
      `lpa_events_dlq_total{failure_class="${esc(cls)}",failure_reason="${esc(reason)}"} ${v}`,
    );
  }
  out.push(
    "# HELP lpa_sink_guard_drops_total Oversize rows dropped.",
    "# TYPE lpa_sink_guard_drops_total counter",
  );
  for (const [k, v] of m.sinkGuardDrops)
    out.push(`lpa_sink_guard_drops_total{table="${esc(k)}"} ${v}`);
  out.push(
    "# HELP lpa_consumer_lag Records behind the high watermark.",
    "# TYPE lpa_consumer_lag gauge",
  );
  for (const [k, v] of m.lag) {
    const i = k.lastIndexOf("/");
    out.push(`lpa_consumer_lag{topic="${esc(k.slice(0, i))}",partition="${k.slice(i + 1)}"} ${v}`);
  }
  const hist = (name: string, help: string, h: LatencyHistogram): void => {
    out.push(`# HELP ${name} ${help}`, `# TYPE ${name} histogram`);
    h.bounds.forEach((b, i) => out.push(`${name}_bucket{le="${b}"} ${h.counts[i]}`));
    out.push(
      `${name}_bucket{le="+Inf"} ${h.count}`,
      `${name}_sum ${h.sum}`,
      `${name}_count ${h.count}`,
    );
  };
  hist("lpa_batch_seconds", "Batch latency (consume to commit-ready).", m.batchLatency);
  hist(
    "lpa_write_seconds",
    "Time from a step's first insert until all of its rows are durable.",
    m.writeLatency,
  );
  return out.join("\n") + "\n";
}
