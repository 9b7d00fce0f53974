import { gpuMetricsSelectSql } from "./gpu-metrics-sql.js";
import { networkDemandSelectSql } from "./network-demand-sql.js";
import { slaComplianceSelectSql } from "./sla-compliance-sql.js";

/** Names of the three API views (serving.md §6), each at the default 1-hour grain. */
export const API_VIEWS = {
  gpuMetrics: "v_api_gpu_metrics",
  networkDemand: "v_api_network_demand",
  slaCompliance: "v_api_sla_compliance",
} as const;

const HOURLY = { granularity: "1h", windowed: false } as const;

/** `CREATE OR REPLACE VIEW v_api_gpu_metrics` (serving.md §6.1): all hours, unordered. */
export const gpuMetricsViewSql = (db: string): string =>
  `CREATE OR REPLACE VIEW ${db}.${API_VIEWS.gpuMetrics} AS\n${gpuMetricsSelectSql(db, HOURLY)}`;

/** `CREATE OR REPLACE VIEW v_api_network_demand` (serving.md §6.2): all hours, unordered. */
export const networkDemandViewSql = (db: string): string =>
  `CREATE OR REPLACE VIEW ${db}.${API_VIEWS.networkDemand} AS\n${networkDemandSelectSql(db, HOURLY)}`;

/** `CREATE OR REPLACE VIEW v_api_sla_compliance` (serving.md §6.3): all hours, unordered. */
export const slaComplianceViewSql = (db: string): string =>
  `CREATE OR REPLACE VIEW ${db}.${API_VIEWS.slaCompliance} AS\n${slaComplianceSelectSql(db, HOURLY)}`;
