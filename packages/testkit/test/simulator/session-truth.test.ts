import { describe, expect, it } from "vitest";
import { simulateNetwork } from "../../src/simulator/simulate-network.js";
import { networkHour } from "../../src/simulator/network-hour.js";
import { SESSION_OUTCOMES } from "../../src/simulator/session-outcome.js";
import type { SessionOutcome } from "../../src/simulator/session-outcome.js";
import type { SessionTruth } from "../../src/simulator/session-truth.js";
import { isExcusableMessage } from "../../src/simulator/excusable-messages.js";
import type { CapRow, Signal } from "../support/session-index.js";
import { capabilityRows, signalsBySession } from "../support/session-index.js";

const TTL = 86_400_000;

// Expected flags per outcome, straight from sessions.md §9 / §9.1 and the outcome definitions:
// [known, success, excused, unexcused, loading_only, zero_output, confirmed, inferred, has orchestrator]
const FLAGS: Record<
  SessionOutcome,
  readonly [number, number, number, number, number, number, number, number, boolean | null]
> = {
  success: [1, 1, 0, 0, 0, 0, 0, 0, true],
  excused_no_orchestrator: [1, 0, 1, 0, 0, 0, 0, 0, false],
  excused_errors: [1, 0, 1, 0, 0, 0, 0, 0, true],
  unexcused: [1, 0, 0, 1, 0, 0, 0, 0, null],
  loading_only: [1, 0, 0, 1, 1, 1, 0, 0, true],
  zero_fps: [1, 1, 0, 0, 0, 1, 0, 0, true],
  confirmed_swap: [1, 1, 0, 0, 0, 0, 1, 1, true],
  inferred_swap: [1, 1, 0, 0, 0, 0, 0, 1, true],
  unknown_stream: [0, 1, 0, 0, 0, 0, 0, 0, true],
};

const run = simulateNetwork({
  ...networkHour(3),
  delivery: { duplicateRate: 0.1, shuffleWindow: 30 },
});
const sessions = signalsBySession(run.events);
const rows = capabilityRows(run.events);
const rowsByHot = new Map<string, CapRow[]>();
for (const r of rows) rowsByHot.set(r.hot, [...(rowsByHot.get(r.hot) ?? []), r]);

function signalsOf(t: SessionTruth): Signal[] {
  const s = sessions.get(t.workflow_session_id);
  if (s === undefined) throw new Error(`no events for ${t.workflow_session_id}`);
  return s;
}

/** The canonical a hot wallet maps to (asserting there is exactly one). */
function canonicalOf(hot: string): string {
  const set = new Set((rowsByHot.get(hot) ?? []).map((r) => r.canonical));
  expect(set.size, hot).toBe(1);
  return [...set][0]!;
}

describe("networkHour preset", () => {
  it("has ~an hour of a small network with every outcome", () => {
    expect(run.truth.size).toBe(300);
    expect(run.layout.gateways).toHaveLength(5);
    expect(run.layout.orchestrators).toHaveLength(12);
    expect(run.layout.orchestrators.filter((o) => o.kind === "llm")).toHaveLength(2);
    const outcomes = new Set([...run.truth.values()].map((t) => t.outcome));
    for (const o of SESSION_OUTCOMES) expect(outcomes.has(o), o).toBe(true);
    const caps = run.events.filter((e) => e["type"] === "network_capabilities");
    expect(caps.length).toBeGreaterThanOrEqual(13);
  });
});

describe("ground truth matches the emitted events (sessions.md §9)", () => {
  const truths = [...run.truth.values()];

  it("flags per outcome follow §9.1 precedence and the outcome definitions", () => {
    for (const t of truths) {
      const [known, success, excused, unexcused, loading, zero, confirmed, inferred, hasOrch] =
        FLAGS[t.outcome];
      const got = [
        t.known_stream,
        t.startup_success,
        t.startup_excused,
        t.startup_unexcused,
        t.loading_only_session,
        t.zero_output_fps_session,
        t.confirmed_swap_count,
        t.inferred_orchestrator_change_count,
      ];
      expect(got, `${t.outcome} ${t.workflow_session_id}`).toEqual([
        known,
        success,
        excused,
        unexcused,
        loading,
        zero,
        confirmed,
        inferred,
      ]);
      if (hasOrch !== null) expect(t.orchestrator_address !== "", t.outcome).toBe(hasOrch);
      if (t.known_stream === 1)
        expect(t.startup_success + t.startup_excused + t.startup_unexcused).toBe(1);
    }
  });

  it("event_count = distinct lifecycle event ids; flags recomputed from the events agree", () => {
    for (const t of truths) {
      const s = signalsOf(t);
      expect(t.event_count).toBe(s.length);
      const traces = (type: string): number => s.filter((x) => x.traceType === type).length;
      expect(t.known_stream).toBe(traces("gateway_receive_stream_request") > 0 ? 1 : 0);
      expect(t.startup_success).toBe(traces("gateway_receive_few_processed_segments") > 0 ? 1 : 0);
      expect(t.confirmed_swap_count).toBe(traces("orchestrator_swap"));
      const errors = s.filter(
        (x) =>
          x.family === "ai_stream_events" && (x.env["data"] as { type?: string }).type === "error",
      );
      const excusable = errors.filter((x) =>
        isExcusableMessage(String((x.env["data"] as { message?: string }).message)),
      );
      const noOrch = traces("gateway_no_orchestrators_available") > 0;
      const excused =
        t.known_stream === 1 &&
        t.startup_success === 0 &&
        (noOrch || (errors.length > 0 && errors.length === excusable.length));
      expect(t.startup_excused).toBe(excused ? 1 : 0);
      const status = s.filter((x) => x.family === "ai_stream_status");
      const state = (x: Signal): string => String((x.env["data"] as { state?: string }).state);
      const fps = (x: Signal): number =>
        Number((x.env["data"] as { inference_status: { fps: number } }).inference_status.fps);
      expect(t.loading_only_session).toBe(
        status.length > 0 && status.every((x) => state(x) === "LOADING") ? 1 : 0,
      );
      expect(t.zero_output_fps_session).toBe(
        status.length > 0 && status.every((x) => fps(x) <= 0) ? 1 : 0,
      );
    }
  });

  it("success-like sessions contain gateway_receive_few_processed_segments; no-orchestrator ones carry no address", () => {
    for (const t of truths) {
      const s = signalsOf(t);
      if (t.startup_success === 1)
        expect(s.some((x) => x.traceType === "gateway_receive_few_processed_segments")).toBe(true);
      if (t.orchestrator_address === "") {
        expect(s.every((x) => x.hot === "" && x.url === "")).toBe(true);
        expect(t.gpu_id).toBeNull();
      }
    }
  });

  it("every hot wallet maps to exactly one canonical; canonicals are never another orchestrator's hot wallet", () => {
    const canonicals = new Set(rows.map((r) => r.canonical));
    for (const [hot, list] of rowsByHot) {
      const owners = new Set(list.map((r) => r.canonical));
      expect(owners.size, hot).toBe(1);
      if (canonicals.has(hot)) expect(owners.has(hot)).toBe(true);
    }
  });

  it("orchestrator, inferred changes, GPU and model follow from the addressed signals and the capability rows", () => {
    for (const t of truths) {
      const s = signalsOf(t);
      const addressed = s.filter((x) => x.hot !== "");
      for (const x of addressed) {
        const near = (rowsByHot.get(x.hot) ?? []).filter(
          (r) => Math.abs(r.ts - x.ts) <= TTL && (x.pipeline === "" || r.model === x.pipeline),
        );
        expect(near.length, `${t.workflow_session_id} ${x.hot}`).toBeGreaterThan(0);
        expect(near.every((r) => r.url === x.url)).toBe(true);
      }
      const canon = addressed.map((x) => canonicalOf(x.hot));
      expect(t.orchestrator_address).toBe(canon[canon.length - 1] ?? "");
      expect(t.inferred_orchestrator_change_count).toBe(Math.max(0, new Set(canon).size - 1));
      const labels = new Set(s.filter((x) => x.pipeline !== "").map((x) => x.pipeline));
      expect(labels.size).toBeLessThanOrEqual(1);
      expect(t.model_id).toBe([...labels][0] ?? null);
      if (t.orchestrator_address !== "") {
        const gpus = rows
          .filter(
            (r) =>
              r.canonical === t.orchestrator_address && r.model === t.model_id && r.gpuId !== null,
          )
          .map((r) => r.gpuId!.toLowerCase())
          .sort();
        expect(t.gpu_id?.toLowerCase()).toBe(gpus[0]);
      }
    }
  });

  it("swap sessions move to a second canonical orchestrator serving the same model", () => {
    for (const t of truths.filter(
      (x) => x.outcome === "confirmed_swap" || x.outcome === "inferred_swap",
    )) {
      const s = signalsOf(t);
      const canon = [...new Set(s.filter((x) => x.hot !== "").map((x) => canonicalOf(x.hot)))];
      expect(canon).toHaveLength(2);
      const swap = s.find((x) => x.traceType === "orchestrator_swap");
      if (t.outcome === "confirmed_swap") expect(swap && canonicalOf(swap.hot)).toBe(canon[0]);
      else expect(swap).toBeUndefined();
    }
  });
});

describe("degenerate networks fall back to feasible outcomes", () => {
  it("without live orchestrators every session is excused_no_orchestrator or unexcused", () => {
    const r = simulateNetwork({
      seed: 1,
      startMs: 1_771_948_800_000,
      durationMs: 600_000,
      sessions: 40,
      orchestrators: 0,
      llmOrchestrators: 1,
    });
    for (const t of r.truth.values()) {
      expect(["excused_no_orchestrator", "unexcused"]).toContain(t.outcome);
      expect(t.orchestrator_address).toBe("");
    }
  });

  it("with one live orchestrator swaps become successes", () => {
    const r = simulateNetwork({
      seed: 2,
      startMs: 1_771_948_800_000,
      durationMs: 600_000,
      sessions: 40,
      orchestrators: 1,
      outcomeMix: { confirmed_swap: 1, inferred_swap: 1 },
    });
    for (const t of r.truth.values()) {
      expect(t.outcome).toBe("success");
      expect(t.inferred_orchestrator_change_count).toBe(0);
    }
  });
});
