// The five dashboard panels: each turns fetched rows into a chart and its summary table.
import { combine, groupBy, metricSeries, timeSeries, topKeys, type Combined } from "./aggregate.js";
import type { ApiRow } from "./api-client.js";
import { drawChart } from "./charts.js";
import { renderSummary, type SummaryRow } from "./summary.js";

/** Rows of one refresh, per endpoint. */
export interface Fetched {
  readonly sla: readonly ApiRow[];
  readonly gpu: readonly ApiRow[];
  readonly demand: readonly ApiRow[];
}

/** Orchestrators drawn in the SLA chart (the most known sessions first). */
const MAX_SLA_SERIES = 8;

const num = (r: ApiRow, field: string): number => {
  const v = r[field];
  return typeof v === "number" ? v : 0;
};
const sum = (rows: readonly ApiRow[], field: string): number =>
  rows.reduce((a, r) => a + num(r, field), 0);
const short = (a: string): string =>
  /^0x[0-9a-f]{40}$/.test(a) ? `${a.slice(0, 8)}…${a.slice(-4)}` : a || "(empty)";

function slaPanel(rows: readonly ApiRow[]): void {
  const known = (r: ApiRow): number => num(r, "known_sessions");
  const top = topKeys(rows, "orchestrator_address", known, MAX_SLA_SERIES);
  drawChart(
    "chart-sla",
    timeSeries(
      rows,
      (r) => String(r["orchestrator_address"]),
      (c) => c.ratios.sla_score,
      top,
    ),
    {
      unit: "SLA score",
    },
  );
  const slaValues = (c: Combined) => ({
    known_sessions: c.counters.known_sessions,
    sla_score: c.ratios.sla_score,
    startup_success_ratio: c.ratios.startup_success_ratio,
    no_swap_ratio: c.ratios.no_swap_ratio,
    output_viability_ratio: c.ratios.output_viability_ratio,
  });
  const byOrch = groupBy(rows, (r) => String(r["orchestrator_address"]));
  const summary: SummaryRow[] = [...byOrch.entries()]
    .map(([k, g]) => ({ key: k, label: short(k), values: slaValues(combine(g)) }))
    .sort(
      (a, b) =>
        (b.values.known_sessions ?? 0) - (a.values.known_sessions ?? 0) || (a.key < b.key ? -1 : 1),
    );
  summary.push({ key: "*", label: "all", values: slaValues(combine(rows)) });
  renderSummary(
    "summary-sla",
    [
      ["known_sessions", "known"],
      ["sla_score", "SLA score"],
      ["startup_success_ratio", "startup"],
      ["no_swap_ratio", "no swap"],
      ["output_viability_ratio", "viability"],
    ],
    summary,
  );
}

function fpsPanel(rows: readonly ApiRow[]): void {
  drawChart(
    "chart-fps",
    metricSeries(rows, [
      ["avg_output_fps", (c) => c.ratios.avg_output_fps],
      ["jitter_coeff_fps", (c) => c.ratios.jitter_coeff_fps],
    ]),
    { unit: "output FPS", rightSeries: ["jitter_coeff_fps"], rightUnit: "jitter (CV)" },
  );
  const c = combine(rows);
  renderSummary(
    "summary-fps",
    [
      ["status_samples", "samples"],
      ["avg_output_fps", "avg FPS"],
      ["jitter_coeff_fps", "jitter"],
    ],
    [
      {
        key: "*",
        label: "all",
        values: {
          status_samples: c.counters.status_samples,
          avg_output_fps: c.ratios.avg_output_fps,
          jitter_coeff_fps: c.ratios.jitter_coeff_fps,
        },
      },
    ],
  );
}

function startupPanel(rows: readonly ApiRow[]): void {
  drawChart(
    "chart-startup",
    metricSeries(rows, [
      ["success_sessions", (c) => c.counters.success_sessions],
      ["excused_sessions", (c) => c.counters.excused_sessions],
      ["unexcused_sessions", (c) => c.counters.unexcused_sessions],
    ]),
    { unit: "sessions", stepped: true },
  );
  const c = combine(rows);
  renderSummary(
    "summary-startup",
    [
      ["known_sessions", "known"],
      ["success_sessions", "success"],
      ["excused_sessions", "excused"],
      ["unexcused_sessions", "unexcused"],
      ["startup_success_ratio", "startup ratio"],
    ],
    [
      {
        key: "*",
        label: "all",
        values: {
          known_sessions: c.counters.known_sessions,
          success_sessions: c.counters.success_sessions,
          excused_sessions: c.counters.excused_sessions,
          unexcused_sessions: c.counters.unexcused_sessions,
          startup_success_ratio: c.ratios.startup_success_ratio,
        },
      },
    ],
  );
}

function demandPanel(rows: readonly ApiRow[]): void {
  drawChart(
    "chart-demand",
    metricSeries(rows, [
      ["served_sessions", (c) => c.counters.served_sessions],
      ["unserved_sessions", (c) => c.counters.unserved_sessions],
      ["total_inference_minutes", (c) => c.ratios.total_inference_minutes],
    ]),
    { unit: "sessions", rightSeries: ["total_inference_minutes"], rightUnit: "inference minutes" },
  );
  const c = combine(rows);
  renderSummary(
    "summary-demand",
    [
      ["total_demand_sessions", "demand"],
      ["served_sessions", "served"],
      ["unserved_sessions", "unserved"],
      ["total_inference_minutes", "inference min"],
      ["payment_count", "payments"],
      ["fee_payment_eth", "fees (ETH)"],
    ],
    [
      {
        key: "*",
        label: "all",
        values: {
          total_demand_sessions: sum(rows, "total_demand_sessions"),
          served_sessions: c.counters.served_sessions,
          unserved_sessions: c.counters.unserved_sessions,
          total_inference_minutes: c.ratios.total_inference_minutes,
          payment_count: c.counters.payment_count,
          fee_payment_eth: c.ratios.fee_payment_eth,
        },
      },
    ],
  );
}

function latencyPanel(rows: readonly ApiRow[]): void {
  drawChart(
    "chart-latency",
    metricSeries(rows, [
      ["prompt_to_first_frame_ms", (c) => c.ratios.prompt_to_first_frame_ms],
      ["startup_time_ms", (c) => c.ratios.startup_time_ms],
      ["e2e_latency_ms", (c) => c.ratios.e2e_latency_ms],
    ]),
    { unit: "ms" },
  );
  const c = combine(rows);
  renderSummary(
    "summary-latency",
    [
      ["prompt_to_first_frame_ms", "prompt → first frame"],
      ["startup_time_ms", "startup"],
      ["e2e_latency_ms", "end-to-end"],
      ["e2e_latency_sample_count", "e2e samples"],
    ],
    [
      {
        key: "*",
        label: "all (ms)",
        values: {
          prompt_to_first_frame_ms: c.ratios.prompt_to_first_frame_ms,
          startup_time_ms: c.ratios.startup_time_ms,
          e2e_latency_ms: c.ratios.e2e_latency_ms,
          e2e_latency_sample_count: sum(rows, "e2e_latency_sample_count"),
        },
      },
    ],
  );
}

/** Redraws every panel from one refresh's rows. */
export function renderPanels(f: Fetched): void {
  slaPanel(f.sla);
  fpsPanel(f.gpu);
  startupPanel(f.sla);
  demandPanel(f.demand);
  latencyPanel(f.gpu);
}
