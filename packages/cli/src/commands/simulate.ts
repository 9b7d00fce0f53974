import { parseArgs } from "node:util";
import { createBatchDeriver, slaComplianceView } from "@livepeer-analytics/core";
import type { FactWorkflowSessionRow, SlaComplianceRow } from "@livepeer-analytics/core";
import { networkHour, simulateNetwork } from "@livepeer-analytics/testkit";
import type { SessionTruth } from "@livepeer-analytics/testkit";
import { fixed, formatTable } from "../io/format-table.js";
import { UsageError } from "../usage-error.js";
import { servingCollector } from "./collect-serving-inputs.js";
import { nodeSha256 } from "../derive-records.js";

/** Truth fields compared between the simulator and the derivation. */
const TRUTH_FIELDS = [
  "known_stream",
  "startup_success",
  "startup_excused",
  "startup_unexcused",
  "loading_only_session",
  "zero_output_fps_session",
  "confirmed_swap_count",
  "inferred_orchestrator_change_count",
  "orchestrator_address",
  "gpu_id",
  "model_id",
  "event_count",
] as const satisfies ReadonlyArray<keyof SessionTruth & keyof FactWorkflowSessionRow>;

/** Result of {@link simulateHour}. */
export interface SimulatedHour {
  readonly events: number;
  readonly sessions: number;
  /** Sessions whose derived classification equals the simulator's ground truth. */
  readonly truthMatches: number;
  readonly sla: SlaComplianceRow[];
}

/**
 * Simulates one network hour (testkit), runs every event through core's batch derivation and
 * computes the hourly SLA compliance view; checks every session against the ground truth.
 */
export function simulateHour(seed: number, startMs?: number): SimulatedHour {
  const config = {
    ...networkHour(seed, startMs),
    delivery: { duplicateRate: 0.02, shuffleWindow: 20 },
  };
  const { events, truth } = simulateNetwork(config);
  const deriver = createBatchDeriver({
    topic: "simulator",
    processingTimeMs: config.startMs,
    sha256: nodeSha256,
  });
  const collector = servingCollector();
  events.forEach((e, i) => deriver.push(e, i).forEach(collector.add));
  for (const out of deriver.finish()) collector.add(out);
  let truthMatches = 0;
  for (const s of collector.inputs.sessions) {
    const t = truth.get(s.workflow_session_id);
    if (t && TRUTH_FIELDS.every((f) => t[f] === s[f])) truthMatches++;
  }
  return {
    events: events.length,
    sessions: collector.inputs.sessions.length,
    truthMatches,
    sla: slaComplianceView(collector.inputs, { granularity: "1h" }),
  };
}

/** Renders SLA rows as a text table. */
export function slaTable(rows: readonly SlaComplianceRow[]): string {
  return formatTable(rows, [
    { header: "hour (UTC)", cell: (r) => new Date(r.window_start).toISOString().slice(0, 16) },
    { header: "orchestrator", cell: (r) => `${r.orchestrator_address.slice(0, 10)}…` },
    { header: "pipeline", cell: (r) => r.pipeline },
    { header: "model", cell: (r) => r.model_id },
    { header: "gpu", cell: (r) => r.gpu_id.slice(0, 12) },
    { header: "known", cell: (r) => String(r.known_sessions), right: true },
    { header: "ok", cell: (r) => String(r.success_sessions), right: true },
    { header: "unexc", cell: (r) => String(r.unexcused_sessions), right: true },
    { header: "swap", cell: (r) => String(r.swapped_sessions), right: true },
    { header: "health", cell: (r) => fixed(r.health_completeness_ratio), right: true },
    { header: "startup", cell: (r) => fixed(r.startup_success_ratio), right: true },
    { header: "output", cell: (r) => fixed(r.output_viability_ratio), right: true },
    { header: "sla_score", cell: (r) => fixed(r.sla_score, 1), right: true },
  ]);
}

/** `lpa simulate [--seed N] [--start ISO] [--format table|json]`. */
export function simulateCommand(args: readonly string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        seed: { type: "string", default: "1" },
        start: { type: "string" },
        format: { type: "string", default: "table" },
      },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const seed = Number(values.seed);
  if (!Number.isSafeInteger(seed)) throw new UsageError("--seed must be an integer");
  const startMs = values.start === undefined ? undefined : Date.parse(values.start);
  if (startMs !== undefined && Number.isNaN(startMs))
    throw new UsageError("--start must be an ISO date");
  if (values.format !== "table" && values.format !== "json")
    throw new UsageError("--format must be table or json");
  const hour = simulateHour(seed, startMs);
  if (values.format === "json") {
    process.stdout.write(`${JSON.stringify(hour.sla)}\n`);
    return Promise.resolve(0);
  }
  process.stdout.write(
    `Simulated network hour (seed ${seed}): ${hour.events} events, ${hour.sessions} sessions, ` +
      `${hour.truthMatches}/${hour.sessions} match the simulator's ground truth.\n\n` +
      `SLA compliance per hour × orchestrator × pipeline × model × GPU (serving.md §6.3):\n\n` +
      `${slaTable(hour.sla)}\n`,
  );
  return Promise.resolve(0);
}
