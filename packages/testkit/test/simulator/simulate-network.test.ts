import { describe, expect, it } from "vitest";
import type { JsonObject, JsonValue } from "@livepeer-analytics/core";
import type { NetworkConfig } from "../../src/simulator/network-config.js";
import { simulateNetwork, simulateNetworkStream } from "../../src/simulator/simulate-network.js";
import { NETWORK_HOUR_START_MS } from "../../src/simulator/network-hour.js";
import { checkRecord } from "../support/record-checker.js";

const small = (seed: number, extra: Partial<NetworkConfig> = {}): NetworkConfig => ({
  seed,
  startMs: NETWORK_HOUR_START_MS,
  durationMs: 1_800_000,
  sessions: 60,
  gateways: 3,
  orchestrators: 8,
  llmOrchestrators: 2,
  sessionDurationMs: [20_000, 120_000],
  ...extra,
});

const str = (v: JsonValue | undefined): string =>
  typeof v === "string" ? v : (JSON.stringify(v) ?? "");

const DELIVERY = {
  duplicateRate: 0.2,
  replayShare: 0.5,
  lateRate: 0.05,
  shuffleWindow: 40,
} as const;

/** Envelope text without `__replay*` keys (the content a dedup key is about). */
function content(env: JsonObject): string {
  const copy: JsonObject = {};
  for (const [k, v] of Object.entries(env)) if (!k.startsWith("__replay")) copy[k] = v;
  return JSON.stringify(copy);
}

describe("simulateNetwork determinism", () => {
  it("same seed → identical events and truth; different seed → different", () => {
    const a = simulateNetwork(small(11, { delivery: DELIVERY }));
    const b = simulateNetwork(small(11, { delivery: DELIVERY }));
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
    expect([...a.truth.entries()]).toEqual([...b.truth.entries()]);
    const c = simulateNetwork(small(12, { delivery: DELIVERY }));
    expect(JSON.stringify(c.events)).not.toBe(JSON.stringify(a.events));
    expect([...c.truth.keys()]).not.toEqual([...a.truth.keys()]);
  });

  it("the stream form yields exactly the array form's events and truth", () => {
    const cfg = small(5, { delivery: DELIVERY });
    const arr = simulateNetwork(cfg);
    const truths: string[] = [];
    const streamed = [...simulateNetworkStream(cfg, (t) => truths.push(t.workflow_session_id))];
    expect(JSON.stringify(streamed)).toBe(JSON.stringify(arr.events));
    expect(truths).toEqual([...arr.truth.keys()]);
  });

  it("the stream is lazy: the first events of a huge corpus come at once", () => {
    const it = simulateNetworkStream(
      small(1, { sessions: 1_000_000, durationMs: 30 * 86_400_000 }),
    );
    const t0 = performance.now();
    let n = 0;
    while (n < 2000 && it.next().done !== true) n++;
    expect(n).toBe(2000);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it("emits exactly `sessions` sessions, every event a valid family envelope", () => {
    const r = simulateNetwork(small(3));
    expect(r.truth.size).toBe(60);
    for (const e of r.events)
      expect(checkRecord(JSON.stringify(e)), JSON.stringify(e).slice(0, 200)).toEqual({
        kind: "accepted",
      });
    const ts = r.events.map((e) => Number(e["timestamp"]));
    for (let i = 1; i < ts.length; i++) expect(ts[i]!).toBeGreaterThanOrEqual(ts[i - 1]!);
  });
});

describe("delivery options", () => {
  const base = simulateNetwork(small(21));
  const dist = simulateNetwork(small(21, { delivery: DELIVERY }));

  it("preserve the event set (same ids, same content) and the truth", () => {
    const byId = new Map(base.events.map((e) => [str(e["id"]), content(e)]));
    expect(byId.size).toBe(base.events.length);
    const seen = new Set<string>();
    for (const e of dist.events) {
      const id = str(e["id"]);
      expect(byId.get(id), id).toBe(content(e));
      seen.add(id);
    }
    expect(seen.size).toBe(byId.size);
    expect([...dist.truth.entries()]).toEqual([...base.truth.entries()]);
  });

  it("add exact copies and __replay copies", () => {
    expect(dist.events.length).toBeGreaterThan(base.events.length * 1.1);
    const replays = dist.events.filter((e) => e["__replay"] === true);
    expect(replays.length).toBeGreaterThan(0);
    const texts = dist.events
      .filter((e) => e["__replay"] === undefined)
      .map((e) => JSON.stringify(e));
    expect(new Set(texts).size).toBeLessThan(texts.length);
  });

  it("reorder locally and deliver some events hours late", () => {
    const order = (r: typeof base): string => r.events.map((e) => str(e["id"])).join();
    expect(order(dist)).not.toBe(order(base));
    const long = simulateNetwork(
      small(4, {
        sessions: 30,
        durationMs: 5 * 3_600_000,
        delivery: { lateRate: 0.05, lateDelayMs: [3_600_000, 7_200_000] },
      }),
    );
    let maxTs = 0;
    let lateHours = 0;
    for (const e of long.events) {
      const t = Number(e["timestamp"]);
      if (maxTs - t >= 3_600_000) lateHours++;
      maxTs = Math.max(maxTs, t);
    }
    expect(lateHours).toBeGreaterThan(0);
  });
});
