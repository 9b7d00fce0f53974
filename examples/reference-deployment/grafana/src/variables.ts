import type { VariableSpec } from "./panels.js";
import { t } from "./sql.js";

// Variable values come from small dimension tables (cheap to list on every time-range change),
// except gateways, which only raw envelopes name.

const dim = (column: string): string =>
  `SELECT DISTINCT ${column} FROM ${t("dim_orchestrator_capability_current")} WHERE ${column} != '' ORDER BY ${column}`;

export const ORCHESTRATOR: VariableSpec = {
  name: "orchestrator",
  label: "Orchestrator",
  sql: dim("orchestrator_address"),
};

export const PIPELINE: VariableSpec = { name: "pipeline", label: "Pipeline", sql: dim("pipeline") };

export const MODEL: VariableSpec = { name: "model", label: "Model", sql: dim("model_id") };

export const GPU: VariableSpec = {
  name: "gpu",
  label: "GPU",
  sql: `SELECT DISTINCT gpu_id FROM ${t("dim_orchestrator_capability_current")} WHERE ifNull(gpu_id, '') != '' ORDER BY gpu_id`,
};

export const GATEWAY: VariableSpec = {
  name: "gateway",
  label: "Gateway",
  sql: `SELECT DISTINCT gateway FROM ${t("raw_streaming_events")} WHERE $__timeFilter(event_timestamp) AND gateway != '' ORDER BY gateway`,
};
