import { DEMAND_DASHBOARD } from "./demand.js";
import { GPU_PERFORMANCE } from "./gpu-performance.js";
import { NETWORK_OVERVIEW } from "./network-overview.js";
import { ORCHESTRATOR_SLA } from "./orchestrator-sla.js";
import type { DashboardSpec } from "./panels.js";
import { PIPELINE_HEALTH } from "./pipeline-health.js";

/** Every provisioned dashboard, in menu order. */
export const DASHBOARDS: readonly DashboardSpec[] = [
  NETWORK_OVERVIEW,
  ORCHESTRATOR_SLA,
  GPU_PERFORMANCE,
  DEMAND_DASHBOARD,
  PIPELINE_HEALTH,
];

export { dashboardJson, DATASOURCE, type DashboardSpec } from "./panels.js";
