// Dashboard entry: reads the filters (from the URL first), fetches the three endpoints for the
// window, redraws the panels, and refreshes on a timer when auto-refresh is on.
import "./dashboard.css";
import { fetchAll, type ApiRow } from "./api-client.js";
import { renderPanels } from "./panels.js";
import {
  applyUrlToForm,
  ensureOption,
  granularities,
  readForm,
  stateToSearch,
  windowOf,
  type ViewState,
} from "./view-state.js";

const form = document.getElementById("filters") as HTMLFormElement;
const status = document.getElementById("status") as HTMLElement;
/** The refresh under way; a user change aborts it, a timer tick waits for it. */
let inFlight: AbortController | undefined;
let timer: number | undefined;
let refreshes = 0;

/** Filter values seen so far, per select (options keep values that a filter hides). */
const seen: Record<string, Set<string>> = {
  orchestrator: new Set(),
  pipeline: new Set(),
  model: new Set(),
  gpu: new Set(),
};

function rememberOptions(rows: readonly ApiRow[]): void {
  const pairs = [
    ["orchestrator", "orchestrator_address"],
    ["pipeline", "pipeline"],
    ["model", "model_id"],
    ["gpu", "gpu_id"],
  ] as const;
  for (const r of rows)
    for (const [select, field] of pairs) {
      const v = r[field];
      if (typeof v === "string" && v !== "") seen[select]?.add(v);
    }
  for (const [select] of pairs) {
    const el = form.elements.namedItem(select);
    if (el instanceof HTMLSelectElement)
      for (const v of [...(seen[select] ?? [])].sort()) ensureOption(el, v);
  }
}

function filterParams(s: ViewState, withKeys: "all" | "demand"): Record<string, string> {
  const out: Record<string, string> = {};
  if (s.pipeline !== "") out["pipeline"] = s.pipeline;
  if (s.model !== "") out["model_id"] = s.model;
  if (withKeys === "all") {
    if (s.orchestrator !== "") out["orchestrator_address"] = s.orchestrator;
    if (s.gpu !== "") out["gpu_id"] = s.gpu;
  }
  return out;
}

function setStatus(state: string, text: string): void {
  status.dataset["state"] = state;
  status.textContent = text;
}

async function refresh(): Promise<void> {
  inFlight?.abort();
  const ctl = new AbortController();
  inFlight = ctl;
  const s = readForm(form);
  const w = windowOf(s, Date.now());
  if (typeof w === "string") return setStatus("error", w);
  const g = granularities(s.window);
  const base = { start: new Date(w.start).toISOString(), end: new Date(w.end).toISOString() };
  setStatus("loading", "loading…");
  try {
    const [sla, gpu, demand] = await Promise.all([
      fetchAll(
        "/v1/sla/compliance",
        { ...base, granularity: g.sla, ...filterParams(s, "all") },
        ctl.signal,
      ),
      fetchAll(
        "/v1/gpu/metrics",
        { ...base, granularity: g.perf, ...filterParams(s, "all") },
        ctl.signal,
      ),
      fetchAll(
        "/v1/network/demand",
        { ...base, granularity: g.perf, ...filterParams(s, "demand") },
        ctl.signal,
      ),
    ]);
    if (ctl.signal.aborted) return;
    rememberOptions([...sla.rows, ...gpu.rows, ...demand.rows]);
    renderPanels({ sla: sla.rows, gpu: gpu.rows, demand: demand.rows });
    refreshes++;
    status.dataset["refreshes"] = String(refreshes);
    status.dataset["rows"] = JSON.stringify({
      sla: sla.rows.length,
      gpu: gpu.rows.length,
      demand: demand.rows.length,
    });
    const cut =
      sla.truncated || gpu.truncated || demand.truncated ? " (truncated: narrow the window)" : "";
    setStatus(
      "ok",
      `${base.start} – ${base.end} · updated ${new Date().toISOString().slice(11, 19)} UTC${cut}`,
    );
  } catch (err) {
    if (ctl.signal.aborted) return;
    setStatus("error", err instanceof Error ? err.message : String(err));
  } finally {
    if (inFlight === ctl) inFlight = undefined;
  }
}

function schedule(): void {
  if (timer !== undefined) window.clearInterval(timer);
  timer = undefined;
  const s = readForm(form);
  if (s.auto)
    timer = window.setInterval(() => {
      if (inFlight === undefined) void refresh();
    }, s.refresh * 1000);
}

function onChange(): void {
  history.replaceState(null, "", `${location.pathname}${stateToSearch(readForm(form))}`);
  schedule();
  void refresh();
}

applyUrlToForm(form, location.search);
form.addEventListener("submit", (e) => {
  e.preventDefault();
  onChange();
});
form.addEventListener("change", onChange);
schedule();
void refresh();
