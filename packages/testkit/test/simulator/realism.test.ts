import { describe, expect, it } from "vitest";
import type { JsonObject, JsonValue } from "@livepeer-analytics/core";
import { simulateNetwork } from "../../src/simulator/simulate-network.js";
import { networkHour } from "../../src/simulator/network-hour.js";
import { listProdFixtures, listSampleFiles, readJsonLines } from "../../src/fixtures/index.js";
import { signalsBySession } from "../support/session-index.js";

const str = (v: JsonValue | undefined): string =>
  typeof v === "string" ? v : (JSON.stringify(v) ?? "");
const obj = (v: JsonValue | undefined): JsonObject =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? v : {};

/** Union of payload key sets per family (array payloads: keys of their elements). */
function payloadKeys(events: readonly JsonValue[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const ev of events) {
    const e = obj(ev);
    const type = str(e["type"]);
    const set = out.get(type) ?? new Set<string>();
    const data = e["data"];
    for (const d of Array.isArray(data) ? data : [data])
      for (const k of Object.keys(obj(d))) set.add(k);
    out.set(type, set);
  }
  return out;
}

const real = payloadKeys([
  ...listSampleFiles().flatMap((f) => readJsonLines(f)),
  ...listProdFixtures()
    .slice(0, 10)
    .flatMap((f) => readJsonLines(f.eventsPath)),
]);
const sim = simulateNetwork(networkHour(9));

describe("simulated events look like the real samples", () => {
  it("uses only payload keys the real events of each family use", () => {
    const simKeys = payloadKeys(sim.events);
    expect([...simKeys.keys()].sort()).toEqual([...real.keys()].sort());
    for (const [type, keys] of simKeys) {
      const extra = [...keys].filter((k) => !real.get(type)?.has(k));
      expect(extra, type).toEqual([]);
    }
  });

  it("puts status samples every few seconds and carries the model label as `pipeline`", () => {
    const t = [...sim.truth.values()].find((x) => x.outcome === "success" && x.event_count > 30)!;
    const status = signalsBySession(sim.events)
      .get(t.workflow_session_id)!
      .filter((s) => s.family === "ai_stream_status");
    for (let i = 1; i < status.length; i++) {
      const gap = status[i]!.ts - status[i - 1]!.ts;
      expect(gap).toBeGreaterThan(4000);
      expect(gap).toBeLessThan(6000);
    }
    expect(new Set(status.map((s) => s.pipeline))).toEqual(new Set([t.model_id]));
  });

  it("emits payments for the session's request id with a face value in WEI", () => {
    const pays = sim.events
      .filter((e) => e["type"] === "create_new_payment")
      .map((e) => obj(e["data"]));
    expect(pays.length).toBeGreaterThan(100);
    const requests = new Set([...sim.truth.values()].map((t) => t.request_id));
    for (const p of pays) {
      expect(requests.has(str(p["requestID"]))).toBe(true);
      expect(str(p["faceValue"])).toMatch(/^[0-9]+ WEI$/);
    }
  });
});

describe("excused_no_orchestrator has the shape of sessions.md W1", () => {
  it("request, error 'no orchestrators available' + no-orchestrator trace, close + 'mediamtx ingest disconnected', no address", () => {
    const w1 = listProdFixtures().find(
      (f) => f.workflowSessionId === "aiJobTesterStream-1772052113991767774|0815334c",
    )!;
    const realSignals = signalsBySession(readJsonLines(w1.eventsPath) as JsonObject[]).get(
      w1.workflowSessionId,
    )!;
    const kinds = (s: { family: string; traceType: string }[]): string[] =>
      s.map((x) => x.traceType || x.family).sort();
    const t = [...sim.truth.values()].find((x) => x.outcome === "excused_no_orchestrator")!;
    const simSignals = signalsBySession(sim.events).get(t.workflow_session_id)!;
    expect(kinds(simSignals)).toEqual(kinds(realSignals));
    expect(simSignals[0]!.traceType).toBe("gateway_receive_stream_request");
    expect(simSignals.every((s) => s.hot === "")).toBe(true);
    expect(t.event_count).toBe(5); // W1: event_count 5
    expect([t.known_stream, t.startup_success, t.startup_excused, t.startup_unexcused]).toEqual([
      1, 0, 1, 0,
    ]);
  });
});
