import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { gpuMetricsView } from "../../src/sla/gpu-metrics-view.js";
import { latestBases } from "../../src/sla/latest-bases.js";
import { networkDemandView } from "../../src/sla/network-demand-view.js";
import { slaComplianceView } from "../../src/sla/sla-compliance-view.js";
import { arbScenario, withOlderVersions } from "./arbitraries.js";
import { session, status, T, w2Inputs } from "./fixtures.js";

describe("latest-version bases (serving.md §2)", () => {
  it("L_sessions keeps the max version and drops starts ≤ 2000-01-01", () => {
    const b = latestBases({
      sessions: [
        session({ workflow_session_id: "a", version: 2n, gateway: "new" }),
        session({ workflow_session_id: "a", version: 1n, gateway: "old" }),
        session({ workflow_session_id: "y2k", session_start_ts: 946_684_800_000 }),
        session({ workflow_session_id: "y2k+1", session_start_ts: 946_684_800_001 }),
      ],
      latency: [],
      statusSamples: [],
      payments: [],
    });
    expect([...b.sessions.keys()].sort()).toEqual(["a", "y2k+1"]);
    expect(b.sessions.get("a")!.gateway).toBe("new");
  });
  it("L_status: a newer unattributed version hides an older attributed one", () => {
    const b = latestBases({
      sessions: [],
      latency: [],
      payments: [],
      statusSamples: [
        status({ source_event_uid: "e", version: 5n, is_attributed: 0, orchestrator_address: "" }),
        status({ source_event_uid: "e", version: 4n }),
        status({ source_event_uid: "f", version: 1n }),
      ],
    });
    expect(b.status.map((s) => s.source_event_uid)).toEqual(["f"]);
  });
  it("W2: both derivations stored → the views see only the final one", () => {
    const all = w2Inputs();
    const finalOnly = {
      ...all,
      sessions: all.sessions.filter((s) => s.version === 30064771073n),
      statusSamples: all.statusSamples.filter((s) => s.version === 30064771073n),
      latency: all.latency.filter((s) => s.version === 30064771073n),
    };
    expect(gpuMetricsView(all, { granularity: "1h" })).toEqual(
      gpuMetricsView(finalOnly, { granularity: "1h" }),
    );
    expect(networkDemandView(all, { granularity: "1h" })).toEqual(
      networkDemandView(finalOnly, { granularity: "1h" }),
    );
    expect(slaComplianceView(all, { granularity: "1h" })).toEqual(
      slaComplianceView(finalOnly, { granularity: "1h" }),
    );
    expect(gpuMetricsView(all, { granularity: "1h" })[0]!.window_start).toBe(T);
  });
  it("property: several versions of each fact (shuffled, duplicated payments) give the same views", () => {
    const scenario = arbScenario({ pipelines: ["", "live-video-to-video", "m1"] });
    fc.assert(
      fc.property(
        scenario.chain((latest) => fc.tuple(fc.constant(latest), withOlderVersions(latest))),
        ([latest, all]) => {
          for (const granularity of ["1h", "1d"] as const) {
            expect(gpuMetricsView(all, { granularity })).toEqual(
              gpuMetricsView(latest, { granularity }),
            );
            expect(networkDemandView(all, { granularity })).toEqual(
              networkDemandView(latest, { granularity }),
            );
            expect(slaComplianceView(all, { granularity })).toEqual(
              slaComplianceView(latest, { granularity }),
            );
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
