import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { AcceptedEnvelope } from "../../src/events/accepted-envelope.js";
import {
  checkDedup,
  createDedupState,
  DEDUP_WINDOW_MS,
  restoreDedupState,
  snapshotDedupState,
} from "../../src/events/dedup-state.js";
import { parseEvent } from "../../src/events/parse-event.js";
import { toRejectedEventRow } from "../../src/events/rejected-envelope.js";
import { sampleLines } from "./sample-files.js";

function envelope(input: string): AcceptedEnvelope {
  const r = parseEvent(input);
  if (r.kind === "rejected") throw new Error(r.rejection.details);
  return r.envelope;
}

const E1 = sampleLines("events/ai_stream_status.jsonl")[0]!;
const T0 = 1_770_000_000_000;

describe("checkDedup (events.md §6.2)", () => {
  it("E4: the E1 record twice within 24 h → the second is quarantined", () => {
    const state = createDedupState();
    expect(checkDedup(state, envelope(E1), T0).kind).toBe("first");
    const dup = checkDedup(state, envelope(E1), T0 + 3_600_000);
    if (dup.kind !== "duplicate") throw new Error("expected duplicate");
    expect(dup.contentDiffers).toBe(false);
    const rej = dup.rejection;
    expect([rej.stage, rej.failureClass, rej.reason, rej.destination]).toEqual([
      "DEDUP",
      "DUPLICATE",
      "duplicate_event",
      "quarantine",
    ]);
    expect(rej.details).toBe("Duplicate detected for key: ae6f98da-5418-43cd-80d5-8d9a9521bb22");
    const row = toRejectedEventRow(rej, T0);
    expect([
      row.dedup_key,
      row.dedup_strategy,
      row.payload_canonical_json,
      row.payload_body,
    ]).toEqual(["ae6f98da-5418-43cd-80d5-8d9a9521bb22", "event_id", null, E1]);
    expect(row.orchestrator).toBe("0xcdf93b13efcf63f84f2affb01bec48a5c096c69e");
  });

  it("flags a same-id copy whose canonical payload differs", () => {
    const state = createDedupState();
    checkDedup(state, envelope(E1), T0);
    const changed = E1.replace('"state":"ONLINE"', '"state":"LOADING"');
    const dup = checkDedup(state, envelope(changed), T0);
    if (dup.kind !== "duplicate") throw new Error("expected duplicate");
    expect(dup.contentDiffers).toBe(true);
    expect(dup.rejection.details).toBe(
      "Duplicate detected for key: ae6f98da-5418-43cd-80d5-8d9a9521bb22 (content differs)",
    );
  });

  it("a replayed, reordered copy is the same content", () => {
    const state = createDedupState();
    checkDedup(state, envelope(E1), T0);
    const o = JSON.parse(E1) as Record<string, unknown>;
    const replay = JSON.stringify({
      __replay: true,
      __replay_source: "dlq",
      data: o["data"],
      type: o["type"],
      timestamp: o["timestamp"],
      gateway: o["gateway"],
      id: o["id"],
    });
    const dup = checkDedup(state, envelope(replay), T0);
    expect(dup.kind === "duplicate" && !dup.contentDiffers).toBe(true);
    if (dup.kind === "duplicate") expect(dup.rejection.replay).toBe(true);
  });

  it("E2: a replayed payload-hash copy is quarantined", () => {
    const state = createDedupState();
    const a =
      '{"type":"ai_stream_status","timestamp":1710000000000,"data":{"stream_id":"s1","request_id":"r1","pipeline":"p1","pipeline_id":"pid"}}';
    const b =
      '{"__replay":true,"__replay_ts":1720000000000,"__replay_source":"dlq","data":{"request_id":"r1","stream_id":"s1","pipeline_id":"pid","pipeline":"p1"},"timestamp":1710000000000,"type":"ai_stream_status"}';
    checkDedup(state, envelope(a), T0);
    const dup = checkDedup(state, envelope(b), T0);
    expect(dup.kind).toBe("duplicate");
    if (dup.kind === "duplicate") {
      expect(dup.rejection.dedupStrategy).toBe("payload_hash");
      expect(dup.rejection.details).toBe(
        "Duplicate detected for key: 21a3f3d4da010c56f316eee763226c1090185d05a6b5af6ae8b205aab6fbef16",
      );
    }
  });

  it("window: ≤ 24 h after the first acceptance is a duplicate, later is accepted again; duplicates do not extend it", () => {
    const state = createDedupState();
    const e = envelope(E1);
    expect(checkDedup(state, e, T0).kind).toBe("first");
    expect(checkDedup(state, e, T0 + DEDUP_WINDOW_MS - 1).kind).toBe("duplicate");
    expect(checkDedup(state, e, T0 + DEDUP_WINDOW_MS).kind).toBe("duplicate");
    expect(checkDedup(state, e, T0 + DEDUP_WINDOW_MS + 1).kind).toBe("first");
    expect(checkDedup(state, e, T0 + 2 * DEDUP_WINDOW_MS + 1).kind).toBe("duplicate");
    expect(checkDedup(state, e, T0 + 2 * DEDUP_WINDOW_MS + 2).kind).toBe("first");
  });

  it("evicts expired keys", () => {
    const state = createDedupState({ windowMs: 10 });
    const a = envelope('{"id":"a","type":"x","timestamp":1,"data":{}}');
    const b = envelope('{"id":"b","type":"x","timestamp":1,"data":{}}');
    checkDedup(state, a, 0);
    checkDedup(state, b, 5);
    checkDedup(state, b, 11); // a expired; b duplicate
    expect([...state.entries.keys()]).toEqual(["b"]);
    checkDedup(state, a, 100);
    expect([...state.entries.keys()]).toEqual(["a"]);
  });

  it("a batch run is one processing instant: every repeated key is a duplicate", () => {
    const state = createDedupState();
    const lines = sampleLines("events/event-log-2026-01-08.jsonl");
    const kinds = [...lines, ...lines].map((l) => checkDedup(state, envelope(l), T0).kind);
    expect(kinds.filter((k) => k === "first")).toHaveLength(
      new Set(lines.map((l) => envelope(l).dedupKey)).size,
    );
  });

  it("snapshot/restore survives a JSON round trip", () => {
    const state = createDedupState();
    checkDedup(state, envelope(E1), T0);
    checkDedup(
      state,
      envelope('{"id":"old","type":"x","timestamp":1,"data":{}}'),
      T0 - DEDUP_WINDOW_MS - 5,
    );
    const snap = snapshotDedupState(state, T0 + 1);
    expect(snap.entries.map((e) => e[0])).toEqual(["ae6f98da-5418-43cd-80d5-8d9a9521bb22"]);
    const restored = restoreDedupState(JSON.parse(JSON.stringify(snap)) as typeof snap);
    const dup = checkDedup(restored, envelope(E1.replace('"ONLINE"', '"LOADING"')), T0 + 2);
    expect(dup.kind === "duplicate" && dup.contentDiffers).toBe(true);
  });

  it("uses the injected SHA-256 for content digests", () => {
    const calls: string[] = [];
    const state = createDedupState({ sha256: (s) => (calls.push(s), "d") });
    checkDedup(
      state,
      envelope('{"id":"a","__replay":true,"type":"x","timestamp":1,"data":{"b":1,"a":2}}'),
      0,
    );
    expect(calls).toEqual(['{"data":{"a":2,"b":1},"id":"a","timestamp":1,"type":"x"}']);
    checkDedup(state, envelope('{"type":"x","timestamp":1,"data":{}}'), 0); // payload hash: no digest
    expect(calls).toHaveLength(1);
  });

  it("property: within one instant, the first copy of each key passes and every other copy is a duplicate", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "b", "c", "d"), { maxLength: 30 }), (ids) => {
        const state = createDedupState();
        const seen = new Set<string>();
        for (const id of ids) {
          const kind = checkDedup(
            state,
            envelope(`{"id":"${id}","type":"x","timestamp":1,"data":{}}`),
            T0,
          ).kind;
          expect(kind).toBe(seen.has(id) ? "duplicate" : "first");
          seen.add(id);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("checkDedup — deferred content check", () => {
  const variants = [
    E1,
    E1.replace('"ONLINE"', '"LOADING"'),
    JSON.stringify({ __replay: true, ...(JSON.parse(E1) as object) }),
    JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(E1) as object).reverse())),
  ];

  it("gives the same outcomes as eager digests", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: variants.length - 1 }), { maxLength: 12 }),
        (picks) => {
          const eager = createDedupState();
          const deferred = createDedupState({ contentCheck: "deferred" });
          for (const i of picks) {
            const a = checkDedup(eager, envelope(variants[i]!), T0);
            const b = checkDedup(deferred, envelope(variants[i]!), T0);
            expect(b.kind).toBe(a.kind);
            if (a.kind === "duplicate" && b.kind === "duplicate") {
              expect(b.contentDiffers).toBe(a.contentDiffers);
              expect(b.rejection.details).toBe(a.rejection.details);
            }
          }
          expect(snapshotDedupState(deferred, T0)).toEqual(snapshotDedupState(eager, T0));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("keeps the first text until a duplicate arrives", () => {
    const state = createDedupState({
      contentCheck: "deferred",
      sha256: () => {
        throw new Error("no hashing expected");
      },
    });
    checkDedup(state, envelope(E1), T0);
    expect(checkDedup(state, envelope(E1), T0).kind).toBe("duplicate"); // identical text: no digest needed
    expect(state.entries.get("ae6f98da-5418-43cd-80d5-8d9a9521bb22")!.firstText).toBe(E1);
  });
});
