// Expands the SQL of a provisioned Grafana panel the way Grafana and the ClickHouse data source
// plugin (grafana-clickhouse-datasource v4) do before a query reaches ClickHouse: template
// variables first (Grafana), then the plugin's `$__` macros. Pure; only what our dashboards use
// is supported, and anything else is an error so a dashboard cannot rely on an untested macro.

/** The dashboard state a query is expanded for. */
export interface QueryContext {
  /** Panel time range, epoch ms: [fromMs, toMs]. */
  readonly fromMs: number;
  readonly toMs: number;
  /** `$__interval` in seconds (Grafana: panel min interval or range / max data points). */
  readonly intervalS: number;
  /** Template variables: `"all"` = the All option, else the selected values. */
  readonly variables: ReadonlyMap<string, "all" | readonly string[]>;
  /** Every value of each variable (what All expands to). */
  readonly allValues: ReadonlyMap<string, readonly string[]>;
}

/** Raised for a macro, variable or format the expander does not know. */
export class UnsupportedSqlError extends Error {
  override readonly name = "UnsupportedSqlError";
}

const sec = (ms: number): number => Math.floor(ms / 1000);
const quote = (v: string): string => `'${v.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;

/** Values a variable expands to (All → every value). */
function valuesOf(ctx: QueryContext, name: string): readonly string[] {
  const sel = ctx.variables.get(name);
  if (sel === undefined) throw new UnsupportedSqlError(`unknown template variable $${name}`);
  return sel === "all" ? (ctx.allValues.get(name) ?? []) : sel;
}

/** Grafana's variable formats used by our dashboards. */
function formatVariable(ctx: QueryContext, name: string, format: string | undefined): string {
  const values = valuesOf(ctx, name);
  switch (format) {
    case undefined:
    case "csv":
      return values.join(",");
    case "singlequote":
    case "sqlstring":
      // An empty multi-value list would make `IN ()`; Grafana sends the empty string quoted.
      return values.length === 0 ? "''" : values.map(quote).join(",");
    default:
      throw new UnsupportedSqlError(`unsupported variable format \${${name}:${format}}`);
  }
}

/** Grafana core: `$__interval`, `$__from` … and template variables (`$v`, `${v}`, `${v:fmt}`). */
export function interpolateVariables(sql: string, ctx: QueryContext): string {
  const builtins: Record<string, string> = {
    __interval: `${ctx.intervalS}s`,
    __interval_ms: `${ctx.intervalS * 1000}`,
    __from: `${ctx.fromMs}`,
    __to: `${ctx.toMs}`,
    __range_s: `${sec(ctx.toMs - ctx.fromMs)}`,
  };
  return sql.replace(
    /\$\{(\w+)(?::(\w+))?\}|\$(\w+)/g,
    (whole, braced: string | undefined, fmt: string | undefined, bare: string | undefined) => {
      const name = braced ?? bare ?? "";
      if (name in builtins) return builtins[name] as string;
      if (name.startsWith("__")) return whole; // the plugin's macros, expanded afterwards
      if (bare !== undefined && ctx.variables.get(name) === undefined) return whole;
      return formatVariable(ctx, name, fmt);
    },
  );
}

/** Splits `s` (the text after a macro's `(`) into top-level arguments; returns them and the end. */
function macroArgs(s: string, open: number): { args: string[]; end: number } {
  const args: string[] = [];
  let depth = 0;
  let quoteChar: string | null = null;
  let start = open + 1;
  for (let i = open + 1; i < s.length; i++) {
    const c = s[i] as string;
    if (quoteChar !== null) {
      if (c === "\\") i++;
      else if (c === quoteChar) quoteChar = null;
    } else if (c === "'" || c === '"' || c === "`") quoteChar = c;
    else if (c === "(") depth++;
    else if (c === ")" && depth > 0) depth--;
    else if (c === ")" || (c === "," && depth === 0)) {
      args.push(s.slice(start, i).trim());
      if (c === ")") return { args, end: i + 1 };
      start = i + 1;
    }
  }
  throw new UnsupportedSqlError(`unbalanced macro call at ${s.slice(open - 20, open + 20)}`);
}

type Macro = (args: readonly string[], ctx: QueryContext) => string;

const one = (name: string, args: readonly string[]): string => {
  if (args.length !== 1 || args[0] === "")
    throw new UnsupportedSqlError(`$__${name} takes one argument`);
  return args[0] as string;
};

const from = (c: QueryContext): string => `toDateTime(${sec(c.fromMs)})`;
const to = (c: QueryContext): string => `toDateTime(${sec(c.toMs)})`;
const fromMs = (c: QueryContext): string => `fromUnixTimestamp64Milli(${c.fromMs})`;
const toMs = (c: QueryContext): string => `fromUnixTimestamp64Milli(${c.toMs})`;
const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The plugin's macros (expansions as documented for grafana-clickhouse-datasource v4). */
const MACROS: Record<string, Macro> = {
  timeFilter: (a, c) => {
    const col = one("timeFilter", a);
    return `${col} >= ${from(c)} AND ${col} <= ${to(c)}`;
  },
  timeFilter_ms: (a, c) => {
    const col = one("timeFilter_ms", a);
    return `${col} >= ${fromMs(c)} AND ${col} <= ${toMs(c)}`;
  },
  dateFilter: (a, c) => {
    const col = one("dateFilter", a);
    return `${col} >= toDate('${day(c.fromMs)}') AND ${col} <= toDate('${day(c.toMs)}')`;
  },
  timeInterval: (a, c) =>
    `toStartOfInterval(toDateTime(${one("timeInterval", a)}), INTERVAL ${c.intervalS} second)`,
  timeInterval_ms: (a, c) =>
    `toStartOfInterval(toDateTime64(${one("timeInterval_ms", a)}, 3), INTERVAL ${c.intervalS * 1000} millisecond)`,
};

const CONSTANTS: Record<string, (c: QueryContext) => string> = {
  fromTime: from,
  toTime: to,
  fromTime_ms: fromMs,
  toTime_ms: toMs,
  interval_s: (c) => `${c.intervalS}`,
};

/**
 * The plugin's front end: `$__conditionalAll(condition, $variable)` becomes `1=1` when the
 * variable is on All, else the condition. Runs before variable interpolation, which would
 * otherwise erase the difference between All and a full selection.
 */
export function applyConditionalAll(sql: string, ctx: QueryContext): string {
  const token = "$__conditionalAll(";
  let out = "";
  let i = 0;
  for (let at = sql.indexOf(token); at >= 0; at = sql.indexOf(token, i)) {
    const { args, end } = macroArgs(sql, at + token.length - 1);
    const [condition, variable] = args;
    const name = /^\$\{?(\w+)\}?$/.exec(variable ?? "")?.[1];
    if (args.length !== 2 || condition === undefined || name === undefined)
      throw new UnsupportedSqlError("$__conditionalAll(condition, $variable)");
    if (!ctx.variables.has(name))
      throw new UnsupportedSqlError(`unknown template variable $${name}`);
    out += sql.slice(i, at) + (ctx.variables.get(name) === "all" ? "1=1" : condition);
    i = end;
  }
  return out + sql.slice(i);
}

/** The plugin's back end: its `$__` macros (arguments hold column expressions, not macros). */
export function expandMacros(sql: string, ctx: QueryContext): string {
  let out = "";
  let i = 0;
  const re = /\$__(\w+)/g;
  for (let m = re.exec(sql); m !== null; m = re.exec(sql)) {
    const name = m[1] as string;
    out += sql.slice(i, m.index);
    const after = m.index + m[0].length;
    const macro = MACROS[name];
    const constant = CONSTANTS[name];
    if (macro !== undefined && sql[after] === "(") {
      const { args, end } = macroArgs(sql, after);
      out += macro(args, ctx);
      i = end;
    } else if (constant !== undefined) {
      out += constant(ctx);
      i = after;
    } else {
      throw new UnsupportedSqlError(`unsupported macro $__${name}`);
    }
    re.lastIndex = i;
  }
  return out + sql.slice(i);
}

/** Grafana, then the plugin: the SQL ClickHouse receives for a panel query. */
export function expandPanelSql(sql: string, ctx: QueryContext): string {
  const expanded = expandMacros(interpolateVariables(applyConditionalAll(sql, ctx), ctx), ctx);
  const left = /\$\{?\w+|\[\[\w+/.exec(expanded);
  if (left !== null) throw new UnsupportedSqlError(`unexpanded ${left[0]} in: ${expanded}`);
  return expanded;
}
