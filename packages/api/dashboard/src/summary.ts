// Summary tables next to the charts: the numbers the charts show, each cell carrying its exact
// value in `data-value` (and its metric in `data-metric`) for readers and tests.

/** One summary row: a key (series or total) and its metric values. */
export interface SummaryRow {
  readonly key: string;
  readonly label: string;
  readonly values: Readonly<Record<string, number | null>>;
}

const fmt = (v: number | null): string =>
  v === null
    ? "—"
    : Number.isInteger(v)
      ? v.toLocaleString("en-US")
      : v.toFixed(Math.abs(v) < 1 ? 4 : 2);

/** Renders `rows` into the table `#<id>` with one column per metric of `columns`. */
export function renderSummary(
  id: string,
  columns: ReadonlyArray<readonly [metric: string, title: string]>,
  rows: readonly SummaryRow[],
): void {
  const table = document.getElementById(id);
  if (table === null) return;
  const head = document.createElement("thead");
  const hr = head.insertRow();
  for (const title of ["", ...columns.map(([, t]) => t)]) {
    const th = document.createElement("th");
    th.textContent = title;
    hr.append(th);
  }
  const body = document.createElement("tbody");
  for (const r of rows) {
    const tr = body.insertRow();
    tr.dataset["key"] = r.key;
    const th = document.createElement("th");
    th.textContent = r.label;
    th.title = r.key;
    tr.append(th);
    for (const [metric] of columns) {
      const td = tr.insertCell();
      const v = r.values[metric] ?? null;
      td.dataset["metric"] = metric;
      td.dataset["value"] = v === null ? "null" : String(v);
      td.textContent = fmt(v);
    }
  }
  table.replaceChildren(head, body);
}
