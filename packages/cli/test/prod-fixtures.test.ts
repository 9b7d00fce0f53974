import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { listProdFixtures } from "@livepeer-analytics/testkit";
import { deriveToTemp } from "./derive-helpers.js";

/**
 * Every production fixture session through `lpa derive`: the startup outcome its scenario name
 * says, and the reference system's latest session row on every field where the spec does not
 * deliberately differ (docs/reference-differences.md lists the differences).
 */
const fixtures = listProdFixtures();

/** Fields the spec deliberately computes differently from the reference (spec README table). */
const DELIBERATE = new Set([
  "workflow_id", // #2: pipeline when non-blank
  "pipeline", // reference held the model label; legacy mode keeps labels out of pipeline
  "version", // #5
  "gateway", // #20: reference typed rows had no gateway
  "model_id", // sessions.md §8.3: earliest model hint even when unattributed (W1)
  "source_first_event_uid", // #3: sorted order, not arrival order
  "source_last_event_uid", // #3
  "ingestion_timestamp",
]);
/** Attribution fields: they follow the capability events captured in the fixture (samples README). */
const ATTRIBUTION = new Set([
  "orchestrator_address",
  "orchestrator_url",
  "gpu_id",
  "gpu_attribution_method",
  "gpu_attribution_confidence",
]);

/**
 * Sessions attributed to another canonical orchestrator than the reference chose: their hot
 * wallet is shared by two canonical orchestrators and the signals' URL names the one that served
 * (spec difference #28, URL-first before the ambiguity guard).
 */
const ORCHESTRATOR_EXCEPTIONS: Record<string, string> = {
  "aiJobTesterStream-1771959055426612735|03284a2a":
    "hot 0x5fd2… shared by 0xbd67… (arjo-node) and 0x6697… (ai-bitbender); URL says ai-bitbender",
  "aiJobTesterStream-1771961290233623077|5d71b0fb": "same shared hot wallet as 03284a2a",
};

/** Sessions where the spec's swap evidence differs from the reference, with the reason. */
const SWAP_EXCEPTIONS: Record<string, string> = {
  "aiJobTesterStream-1771802048971586760|cae483be":
    "reference swap_count 1 without an orchestrator_swap trace (samples README)",
  "aiJobTesterStream-1772043162850646866|c40084e7":
    "shared hot wallet resolved by URL (spec difference #28): one canonical orchestrator",
};

function isoToMs(v: unknown): unknown {
  return typeof v === "string" && /^\d{4}-\d\d-\d\dT/.test(v) ? Date.parse(v) : v;
}
function ourValue(v: unknown): unknown {
  return typeof v === "string" && /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/.test(v)
    ? Date.parse(`${v.replace(" ", "T")}Z`)
    : v;
}

describe.each(fixtures.map((f) => [`${f.scenario}/${f.sessionId}`, f] as const))(
  "%s",
  (_name, f) => {
    it("derives with no rejection and the scenario's outcome", async () => {
      const out = await deriveToTemp(f.eventsPath);
      expect(out.counters.rejected).toBe(0);
      expect(out.counters.consumed).toBe(out.counters.accepted);
      const s = out
        .rows("fact_workflow_sessions")
        .find((r) => r.workflow_session_id === f.workflowSessionId);
      expect(s).toBeDefined();
      const session = s as Record<string, number | string>;
      const swapped =
        Number(session.confirmed_swap_count) > 0 ||
        Number(session.inferred_orchestrator_change_count) > 0;
      const status = out
        .rows("fact_stream_status_samples")
        .filter((r) => r.workflow_session_id === f.workflowSessionId);
      const fps = status.map((r) => Number(r.output_fps)).filter((x) => x > 0);
      const meanFps = fps.reduce((a, b) => a + b, 0) / Math.max(1, fps.length);
      const noOrchestrator = out
        .rows("fact_stream_trace_edges")
        .some(
          (r) =>
            r.workflow_session_id === f.workflowSessionId &&
            r.trace_type === "gateway_no_orchestrators_available",
        );
      expect(session.known_stream).toBe(1);
      switch (f.scenario) {
        case "scenario_1_clean_success_no_swap_fps_gt_12":
          expect([
            session.startup_success,
            session.startup_excused,
            session.startup_unexcused,
            swapped,
          ]).toEqual([1, 0, 0, false]);
          expect(meanFps).toBeGreaterThan(12);
          break;
        case "scenario_2_no_orchestrator_then_closed":
          expect([
            session.startup_success,
            session.startup_excused,
            session.startup_unexcused,
          ]).toEqual([0, 1, 0]);
          expect(noOrchestrator).toBe(true);
          expect(session.orchestrator_address).toBe("");
          break;
        case "scenario_3_success_with_swap":
          expect(session.startup_success).toBe(1);
          expect(swapped).toBe(SWAP_EXCEPTIONS[f.workflowSessionId] === undefined);
          break;
        default: {
          // Baseline: none of the other categories.
          const clean = session.startup_success === 1 && !swapped && meanFps > 12;
          const noOrchClosed = session.startup_excused === 1 && noOrchestrator;
          const successSwap = session.startup_success === 1 && swapped;
          expect([clean, noOrchClosed, successSwap]).toEqual([false, false, false]);
        }
      }
    });

    it.runIf(f.referencePath !== null)(
      "matches the reference session row where the spec does not differ",
      async () => {
        const out = await deriveToTemp(f.eventsPath);
        const ours = out
          .rows("fact_workflow_sessions")
          .find((r) => r.workflow_session_id === f.workflowSessionId) as Record<string, unknown>;
        const hasCapabilities = readFileSync(f.eventsPath, "utf8").includes(
          '"network_capabilities"',
        );
        const ref = readFileSync(f.referencePath as string, "utf8")
          .split("\n")
          .filter((l) => l !== "")
          .map((l) => JSON.parse(l) as Record<string, unknown>)
          .filter(
            (r) =>
              r.__table === "fact_workflow_sessions" &&
              r.workflow_session_id === f.workflowSessionId,
          )
          .sort((a, b) => Number(b.version) - Number(a.version))[0] as Record<string, unknown>;
        const mismatches: string[] = [];
        for (const [k, v] of Object.entries(ref)) {
          if (k.startsWith("__") || DELIBERATE.has(k)) continue;
          if (ATTRIBUTION.has(k) && !hasCapabilities) continue; // fixture captured no capability events
          // Samples README: method/confidence follow the capability events captured in the fixture.
          if (k === "gpu_attribution_method" || k === "gpu_attribution_confidence") continue;
          if (
            (k === "orchestrator_address" || k === "gpu_id" || k === "orchestrator_url") &&
            ORCHESTRATOR_EXCEPTIONS[f.workflowSessionId]
          )
            continue;
          // Samples README: several GPUs for one model is a tie-break (spec orders by GPU id); the
          // reference GPU must still be one the chosen orchestrator advertised for the model.
          if (k === "gpu_id" && v !== ours[k]) {
            const advertised = out
              .rows("raw_network_capabilities")
              .filter(
                (r) =>
                  r.orchestrator_address === ours.orchestrator_address &&
                  r.model_id === ours.model_id,
              )
              .map((r) => r.gpu_id);
            expect(advertised).toContain(v);
            expect(advertised).toContain(ours[k]);
            continue;
          }
          if (k === "swap_count" && SWAP_EXCEPTIONS[f.workflowSessionId]) continue;
          const a = isoToMs(v);
          const b = ourValue(ours[k]);
          const same =
            typeof a === "number" && typeof b === "number" ? Math.abs(a - b) < 1e-6 : a === b;
          if (!same)
            mismatches.push(
              `${k}: reference ${JSON.stringify(v)}, ours ${JSON.stringify(ours[k])}`,
            );
        }
        expect(mismatches).toEqual([]);
      },
    );
  },
);
