/** A column of a text table: header and how to render a row's cell. */
export interface TextColumn<Row> {
  readonly header: string;
  readonly cell: (row: Row) => string;
  /** Right-align (numbers). */
  readonly right?: boolean;
}

/** Renders rows as an aligned plain-text table with a header rule. */
export function formatTable<Row>(
  rows: readonly Row[],
  columns: readonly TextColumn<Row>[],
): string {
  const cells = rows.map((r) => columns.map((c) => c.cell(r)));
  const widths = columns.map((c, i) =>
    Math.max(c.header.length, ...cells.map((row) => (row[i] ?? "").length)),
  );
  const line = (vals: readonly string[]): string =>
    vals
      .map((v, i) => (columns[i]?.right ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [
    line(columns.map((c) => c.header)),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...cells.map(line),
  ].join("\n");
}

/** A nullable number with fixed decimals, `-` for null (a ratio with an empty denominator). */
export function fixed(v: number | null, digits = 3): string {
  return v === null ? "-" : v.toFixed(digits);
}
