// Writes grafana/dashboards/<file>.json from the dashboard specs (the files Grafana provisions).
// Run after editing a spec: node --import tsx examples/reference-deployment/grafana/src/generate.ts
// The dashboards test fails when a committed file differs from its spec.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { format, resolveConfig } from "prettier";
import { DASHBOARDS, dashboardJson, type DashboardSpec } from "./index.js";

/** Directory of the provisioned dashboard files. */
export const DASHBOARD_DIR = fileURLToPath(new URL("../dashboards/", import.meta.url));

/** The exact text of a dashboard's provisioned file (formatted as `prettier --check` wants). */
export async function dashboardText(d: DashboardSpec): Promise<string> {
  const file = `${DASHBOARD_DIR}${d.file}.json`;
  const config = (await resolveConfig(file)) ?? {};
  return format(JSON.stringify(dashboardJson(d)), { ...config, filepath: file });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const d of DASHBOARDS) {
    writeFileSync(`${DASHBOARD_DIR}${d.file}.json`, await dashboardText(d));
    process.stdout.write(`wrote grafana/dashboards/${d.file}.json\n`);
  }
}
