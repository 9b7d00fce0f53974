// Builders of provisioned Grafana dashboard JSON (schemaVersion 39) for the ClickHouse data
// source plugin (grafana-clickhouse-datasource v4).

/** The provisioned data source (grafana/provisioning/datasources/clickhouse.yaml). */
export const DATASOURCE = { type: "grafana-clickhouse-datasource", uid: "lpa-clickhouse" } as const;

/** Tag shared by our dashboards (the dashboard links list every dashboard with it). */
export const TAG = "livepeer-analytics";

type Json = Record<string, unknown>;

/** Panel kinds we use. */
export type PanelType = "timeseries" | "stat" | "table" | "barchart" | "piechart";

/** What a dashboard author writes for one panel. */
export interface PanelSpec {
  readonly type: PanelType;
  readonly title: string;
  readonly description: string;
  readonly sql: string;
  /** Grid width (of 24) and height; default 12 × 8. */
  readonly w?: number;
  readonly h?: number;
  /** Grafana unit id (`percentunit`, `ms`, `short`, `s`, `suffix: fps` …). */
  readonly unit?: string;
  readonly min?: number;
  readonly max?: number;
  readonly decimals?: number;
  /** Stacked bars/areas for a time series. */
  readonly stacked?: boolean;
  /** Minimum interval; hourly views default to `1h`, raw tables may go finer. */
  readonly interval?: string;
}

/** A multi-value query variable with an All option (default All). */
export interface VariableSpec {
  readonly name: string;
  readonly label: string;
  readonly sql: string;
}

/** What a dashboard author writes for one dashboard. */
export interface DashboardSpec {
  readonly uid: string;
  readonly title: string;
  readonly description: string;
  /** File name under grafana/dashboards/ (without `.json`). */
  readonly file: string;
  readonly variables: readonly VariableSpec[];
  readonly panels: readonly PanelSpec[];
}

const isTimeSeries = (type: PanelType): boolean => type === "timeseries";

function target(p: PanelSpec): Json {
  const ts = isTimeSeries(p.type);
  return {
    refId: "A",
    datasource: DATASOURCE,
    editorType: "sql",
    // Plugin formats: 0 time series, 1 table.
    queryType: ts ? "timeseries" : "table",
    format: ts ? 0 : 1,
    rawSql: p.sql,
  };
}

function fieldConfig(p: PanelSpec): Json {
  const defaults: Json = { unit: p.unit ?? "short" };
  if (p.min !== undefined) defaults["min"] = p.min;
  if (p.max !== undefined) defaults["max"] = p.max;
  if (p.decimals !== undefined) defaults["decimals"] = p.decimals;
  if (p.type === "timeseries") {
    defaults["custom"] = {
      drawStyle: p.stacked ? "bars" : "line",
      lineWidth: 1,
      fillOpacity: p.stacked ? 80 : 10,
      spanNulls: false,
      showPoints: "auto",
      stacking: { mode: p.stacked ? "normal" : "none", group: "A" },
    };
  }
  return { defaults, overrides: [] };
}

function options(type: PanelType): Json {
  switch (type) {
    case "timeseries":
      return {
        legend: { displayMode: "list", placement: "bottom", showLegend: true },
        tooltip: { mode: "multi", sort: "desc" },
      };
    case "stat":
      return {
        reduceOptions: { calcs: ["lastNotNull"], fields: "", values: false },
        colorMode: "value",
        graphMode: "none",
        textMode: "auto",
      };
    case "table":
      return { showHeader: true, cellHeight: "sm", footer: { show: false } };
    case "barchart":
      return {
        orientation: "horizontal",
        showValue: "auto",
        legend: { displayMode: "list", placement: "bottom", showLegend: true },
      };
    case "piechart":
      return {
        pieType: "donut",
        reduceOptions: { calcs: ["lastNotNull"], fields: "", values: true },
        legend: { displayMode: "table", placement: "right", values: ["value", "percent"] },
      };
  }
}

/** Lays panels out left to right, wrapping at the grid's 24 columns. */
function layout(specs: readonly PanelSpec[]): Json[] {
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  return specs.map((p, i) => {
    const w = p.w ?? 12;
    const h = p.h ?? 8;
    if (x + w > 24) {
      x = 0;
      y += rowHeight;
      rowHeight = 0;
    }
    const panel: Json = {
      id: i + 1,
      type: p.type,
      title: p.title,
      description: p.description,
      gridPos: { h, w, x, y },
      datasource: DATASOURCE,
      interval: p.interval ?? "1h",
      fieldConfig: fieldConfig(p),
      options: options(p.type),
      targets: [target(p)],
    };
    x += w;
    rowHeight = Math.max(rowHeight, h);
    return panel;
  });
}

function variable(v: VariableSpec): Json {
  return {
    name: v.name,
    label: v.label,
    type: "query",
    datasource: DATASOURCE,
    query: v.sql,
    definition: v.sql,
    // 2 = refresh on time range change.
    refresh: 2,
    includeAll: true,
    multi: true,
    sort: 1,
    current: { selected: true, text: ["All"], value: ["$__all"] },
    options: [],
  };
}

/** The provisioned JSON of a dashboard. */
export function dashboardJson(d: DashboardSpec): Json {
  return {
    uid: d.uid,
    title: d.title,
    description: d.description,
    tags: [TAG],
    timezone: "utc",
    editable: true,
    graphTooltip: 1,
    schemaVersion: 39,
    version: 1,
    refresh: "1m",
    time: { from: "now-24h", to: "now" },
    annotations: { list: [] },
    links: [
      {
        type: "dashboards",
        tags: [TAG],
        asDropdown: true,
        title: "Livepeer dashboards",
        includeVars: true,
        keepTime: true,
      },
    ],
    templating: { list: d.variables.map(variable) },
    panels: layout(d.panels),
  };
}
