/**
 * The dashboard page at `/`: filters, chart panels and their summary tables, filled in by
 * `/dashboard/app.js` (uPlot, bundled) from the same-origin API. State lives in the URL query
 * (`window`, `end`, `orchestrator`, `pipeline`, `model`, `gpu`, `refresh`), so a view can be
 * linked. `bundled` false shows how to build the missing bundle.
 */
export function dashboardPage(bundled: boolean): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>livepeer-analytics dashboard</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/dashboard/app.css"></head>
<body>
<header class="bar"><h1>livepeer-analytics</h1><nav><a href="/docs">API docs</a> <a href="/openapi.json">openapi.json</a></nav></header>
${bundled ? "" : '<p class="warn" id="no-bundle">Dashboard bundle not built: run <code>npm run build</code>.</p>'}
<form id="filters" class="filters" autocomplete="off">
  <label>Window <select name="window">
    <option value="1h">last 1 h</option><option value="6h">last 6 h</option>
    <option value="24h" selected>last 24 h</option><option value="7d">last 7 d</option><option value="31d">last 31 d</option>
  </select></label>
  <label>End (UTC) <input name="end" placeholder="now" size="22"></label>
  <label>Orchestrator <select name="orchestrator"><option value="">all</option></select></label>
  <label>Pipeline <select name="pipeline"><option value="">all</option></select></label>
  <label>Model <select name="model"><option value="">all</option></select></label>
  <label>GPU <select name="gpu"><option value="">all</option></select></label>
  <label><input type="checkbox" name="auto" checked> auto-refresh every
    <input name="refresh" value="60" size="3"> s</label>
  <button type="submit">Apply</button>
</form>
<p id="status" class="status" data-state="idle" data-refreshes="0">loading…</p>
<main class="grid">
  <section class="panel" id="panel-sla"><h2>SLA score per orchestrator</h2><div class="chart" id="chart-sla"></div><table class="summary" id="summary-sla"></table></section>
  <section class="panel" id="panel-fps"><h2>Output FPS and jitter</h2><div class="chart" id="chart-fps"></div><table class="summary" id="summary-fps"></table></section>
  <section class="panel" id="panel-startup"><h2>Startup outcomes</h2><div class="chart" id="chart-startup"></div><table class="summary" id="summary-startup"></table></section>
  <section class="panel" id="panel-demand"><h2>Network demand</h2><div class="chart" id="chart-demand"></div><table class="summary" id="summary-demand"></table><p class="note">Demand has no orchestrator or GPU key: those filters do not apply here.</p></section>
  <section class="panel" id="panel-latency"><h2>Latency</h2><div class="chart" id="chart-latency"></div><table class="summary" id="summary-latency"></table></section>
</main>
<script src="/dashboard/app.js"></script>
</body></html>`;
}
