// uPlot rendering of the dashboard's time series.
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { SeriesData } from "./aggregate.js";

const PALETTE = [
  "#1f77b4",
  "#d62728",
  "#2ca02c",
  "#ff7f0e",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#17becf",
];

/** How a chart draws its series. */
export interface ChartStyle {
  /** Label of the left axis. */
  readonly unit: string;
  /** Series drawn on a second, right-hand axis (e.g. jitter next to FPS). */
  readonly rightSeries?: readonly string[];
  readonly rightUnit?: string;
  /** Draw steps (one level per bucket) instead of straight lines. */
  readonly stepped?: boolean;
}

const charts = new Map<string, uPlot>();

function steppedStyle(): Partial<uPlot.Series> {
  const steps = uPlot.paths.stepped?.({ align: 1 });
  return steps === undefined ? {} : { paths: steps };
}

const short = (name: string): string =>
  /^0x[0-9a-f]{40}$/.test(name)
    ? `${name.slice(0, 8)}…${name.slice(-4)}`
    : name === ""
      ? "(empty)"
      : name;

/**
 * Draws `data` into the element `#<id>` (replacing the previous chart) and records what it drew
 * on the element: `data-points` (buckets), `data-series` (JSON names) and `data-series-sums`
 * (JSON sum of each series' non-null values), so tests can check the chart against the API.
 */
export function drawChart(id: string, data: SeriesData, style: ChartStyle): void {
  const el = document.getElementById(id);
  if (el === null) return;
  charts.get(id)?.destroy();
  el.dataset["points"] = String(data.x.length);
  el.dataset["series"] = JSON.stringify(data.series.map((s) => s.name));
  el.dataset["seriesSums"] = JSON.stringify(
    data.series.map((s) => s.values.reduce<number>((a, v) => a + (v ?? 0), 0)),
  );
  if (data.x.length === 0) {
    el.textContent = "no data in this window";
    el.dataset["empty"] = "true";
    return;
  }
  el.textContent = "";
  el.dataset["empty"] = "false";
  const right = new Set(style.rightSeries ?? []);
  const opts: uPlot.Options = {
    width: Math.max(320, el.clientWidth),
    height: 240,
    scales: { x: { time: true } },
    axes: [
      {},
      { label: style.unit },
      ...(right.size > 0
        ? [{ scale: "right", side: 1, label: style.rightUnit ?? "", grid: { show: false } }]
        : []),
    ],
    series: [
      {},
      ...data.series.map((s, i) => ({
        label: short(s.name),
        stroke: PALETTE[i % PALETTE.length] as string,
        width: 2,
        spanGaps: false,
        ...(right.has(s.name) ? { scale: "right" } : {}),
        ...(style.stepped === true ? steppedStyle() : {}),
      })),
    ],
  };
  charts.set(
    id,
    new uPlot(opts, [data.x, ...data.series.map((s) => s.values)] as uPlot.AlignedData, el),
  );
}
