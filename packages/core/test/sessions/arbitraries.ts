// Arbitrary lifecycle events and snapshot rows of one session ("s|r") for property tests.
import fc from "fast-check";
import type { RawNetworkCapabilitiesRow } from "../../src/events/raw-rows.js";
import type { LifecycleEvent } from "../../src/sessions/lifecycle-signal.js";
import { aiEvent, snapRow, status, trace } from "./builders.js";

export const TTL = 1000;
export const OPTS = { ttlMs: TTL };
const HOTS = ["0xh1", "0xH2", "0xh3", ""];
const CANONS = ["0xc1", "0xc2", "0xh1", ""];
const MODELS = ["sd", "llama", "SD", ""];
const TRACES = [
  "gateway_receive_stream_request",
  "gateway_receive_first_processed_segment",
  "gateway_receive_few_processed_segments",
  "gateway_no_orchestrators_available",
  "orchestrator_swap",
  "gateway_ingest_stream_closed",
  "app_x",
  "runner_y",
];

const ts = fc.integer({ min: 0, max: 6000 });
const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);

export const eventArb = (uid: string): fc.Arbitrary<LifecycleEvent> =>
  fc.oneof(
    fc
      .record({
        ts,
        addr: pick(HOTS),
        model: pick(MODELS),
        fps: fc.constantFrom(0, 12.5),
        state: pick(["ONLINE", "LOADING", ""]),
        url: pick(["", "https://a", "https://b"]),
        start: fc.option(ts, { nil: null }),
      })
      .map((r) =>
        status({
          uid,
          ts: r.ts,
          addr: r.addr,
          pipeline: r.model,
          fps: r.fps,
          state: r.state,
          url: r.url,
          startTime: r.start,
        }),
      ),
    fc
      .record({ ts, addr: pick(HOTS), type: pick(TRACES), url: pick(["", "https://a"]) })
      .map((r) => trace({ uid, ts: r.ts, addr: r.addr, type: r.type, url: r.url })),
    fc
      .record({
        ts,
        model: pick(MODELS),
        type: pick(["error", "params_update", "info"]),
        msg: pick(["whip disconnected", "boom", ""]),
      })
      .map((r) => aiEvent({ uid, ts: r.ts, pipeline: r.model, type: r.type, message: r.msg })),
  );

export const eventsArb = fc
  .integer({ min: 1, max: 12 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => eventArb(`e${i}`))));

export const snapArb = (uid: string) =>
  fc
    .record({
      ts,
      hot: pick(HOTS),
      canonical: pick(CANONS),
      model: pick(MODELS),
      gpu: pick([null, "GPU-A", "gpu-b"]),
      url: pick(["", "https://a", "https://b"]),
    })
    .map((r) => snapRow({ ...r, uid }));

export const snapsArb = fc
  .integer({ min: 0, max: 10 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => snapArb(`cap${i}`))))
  .map((xs): RawNetworkCapabilitiesRow[] => xs);
