/**
 * Keyspace unions (serving.md §6): each component of a view aggregates its own rows per
 * (window_start, key) into the same column list, with zeros (or NULL quantiles) for the
 * columns it does not own; `UNION ALL` + `GROUP BY` then merges them, so a key present in only
 * one component gets zero counters and null averages from the others.
 */

/**
 * How a column is zeroed and merged: `count` (UInt64, summed), `float` (Float64, summed),
 * `quantile` (Nullable(Float64), owned by one component, merged with `max`, which skips
 * NULLs), `wei` (UInt256, summed).
 */
export type ColumnKind = "count" | "float" | "quantile" | "wei";

/** One merged column of a view's component union. */
export interface ComponentColumn {
  readonly name: string;
  readonly kind: ColumnKind;
}

const ZERO: { readonly [K in ColumnKind]: string } = {
  count: "toUInt64(0)",
  float: "toFloat64(0)",
  quantile: "CAST(NULL AS Nullable(Float64))",
  wei: "toUInt256(0)",
};

const MERGE: { readonly [K in ColumnKind]: string } = {
  count: "sum",
  float: "sum",
  quantile: "max",
  wei: "sum",
};

/** `name` columns of one kind. */
export function columnsOf(kind: ColumnKind, names: readonly string[]): ComponentColumn[] {
  return names.map((name) => ({ name, kind }));
}

/**
 * One component: `SELECT window_start, <keys>, <column exprs> <tail>`, where `tail` holds the
 * FROM, WHERE and GROUP BY clauses and `provided` the aggregate of each column the component
 * owns (every other column is its zero).
 */
export function componentSql(
  keys: readonly string[],
  columns: readonly ComponentColumn[],
  provided: Readonly<Record<string, string>>,
  tail: string,
): string {
  for (const name of Object.keys(provided))
    if (!columns.some((c) => c.name === name)) throw new Error(`not a view column: ${name}`);
  const cols = columns.map((c) => `${provided[c.name] ?? ZERO[c.kind]} AS ${c.name}`);
  return `SELECT window_start, ${keys.join(", ")},\n    ${cols.join(",\n    ")}\n  ${tail}`;
}

/** Merges components per (window_start, keys): `sum` of counters, `max` of quantiles. */
export function mergeComponentsSql(
  keys: readonly string[],
  columns: readonly ComponentColumn[],
  components: readonly string[],
): string {
  const group = ["window_start", ...keys].join(", ");
  const merged = columns.map((c) => `${MERGE[c.kind]}(${c.name}) AS ${c.name}`);
  const union = components.map((c) => `(${c})`).join("\n  UNION ALL\n  ");
  return `SELECT ${group},\n    ${merged.join(",\n    ")}\n  FROM (\n  ${union}\n  )\n  GROUP BY ${group}`;
}
