// The dashboard's view state: the filter form, mirrored in the page URL's query string.

/** Time window lengths offered by the form. */
export const WINDOWS: Readonly<Record<string, number>> = {
  "1h": 3_600_000,
  "6h": 6 * 3_600_000,
  "24h": 24 * 3_600_000,
  "7d": 7 * 86_400_000,
  "31d": 31 * 86_400_000,
};

/** What the dashboard shows. Empty filter = all values. */
export interface ViewState {
  readonly window: string;
  /** RFC 3339 end of the window, or "" for now. */
  readonly end: string;
  readonly orchestrator: string;
  readonly pipeline: string;
  readonly model: string;
  readonly gpu: string;
  readonly auto: boolean;
  /** Auto-refresh period, seconds (≥ 1). */
  readonly refresh: number;
}

const FIELDS = ["window", "end", "orchestrator", "pipeline", "model", "gpu", "refresh"] as const;

/** Reads the state from the form. */
export function readForm(form: HTMLFormElement): ViewState {
  const d = new FormData(form);
  const s = (k: string): string => {
    const v = d.get(k);
    return typeof v === "string" ? v.trim() : "";
  };
  const refresh = Number(s("refresh"));
  return {
    window: WINDOWS[s("window")] === undefined ? "24h" : s("window"),
    end: s("end"),
    orchestrator: s("orchestrator"),
    pipeline: s("pipeline"),
    model: s("model"),
    gpu: s("gpu"),
    auto: d.get("auto") !== null,
    refresh: Number.isFinite(refresh) && refresh >= 1 ? refresh : 60,
  };
}

/** Fills the form from the page URL (unknown select values are added as options). */
export function applyUrlToForm(form: HTMLFormElement, search: string): void {
  const q = new URLSearchParams(search);
  for (const name of FIELDS) {
    const v = q.get(name);
    if (v === null) continue;
    const el = form.elements.namedItem(name);
    if (el instanceof HTMLSelectElement) ensureOption(el, v);
    if (el instanceof HTMLSelectElement || el instanceof HTMLInputElement) el.value = v;
  }
  const auto = form.elements.namedItem("auto");
  if (auto instanceof HTMLInputElement && q.has("auto")) auto.checked = q.get("auto") !== "0";
}

/** The page URL query of a state (defaults left out). */
export function stateToSearch(s: ViewState): string {
  const q = new URLSearchParams();
  if (s.window !== "24h") q.set("window", s.window);
  for (const k of ["end", "orchestrator", "pipeline", "model", "gpu"] as const)
    if (s[k] !== "") q.set(k, s[k]);
  if (!s.auto) q.set("auto", "0");
  if (s.refresh !== 60) q.set("refresh", String(s.refresh));
  const text = q.toString();
  return text === "" ? "" : `?${text}`;
}

/** Adds `value` to a select's options when missing. */
export function ensureOption(select: HTMLSelectElement, value: string): void {
  if ([...select.options].some((o) => o.value === value)) return;
  select.add(new Option(value, value));
}

/** The query window in epoch ms: `end` (or now, rounded up to the minute) minus the window. */
export function windowOf(s: ViewState, nowMs: number): { start: number; end: number } | string {
  const end = s.end === "" ? Math.ceil(nowMs / 60_000) * 60_000 : Date.parse(s.end);
  if (!Number.isFinite(end)) return `end is not a timestamp: ${s.end}`;
  return { start: end - (WINDOWS[s.window] as number), end };
}

/** Bucket sizes for a window: GPU metrics and demand, and SLA (1h or 1d only). */
export function granularities(window: string): { perf: string; sla: string } {
  if (window === "1h" || window === "6h") return { perf: "5m", sla: "1h" };
  if (window === "31d") return { perf: "1d", sla: "1d" };
  return { perf: "1h", sla: "1h" };
}
