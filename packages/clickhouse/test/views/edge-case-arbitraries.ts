// fast-check generators of small, collision-heavy serving inputs: few ids, keys and hour-edge
// timestamps, so latest-version choice, tail artifacts, the pipeline fallback, fee matching,
// blank/case-equal pipelines and null keys all occur often.
import fc from "fast-check";
import type { ServingInputs } from "@livepeer-analytics/core";
import { capability, latency, payment, session, status, T } from "./fact-builders.js";

const HOUR = 3_600_000;
const IDS = ["a|1", "b|2", "c|3", "d|4"];
const REQUESTS = ["", "1", "2", "3"];

/** A time near an hour edge: hours −3..2 from T, plus 0:00:05, 0:30:00 or 0:59:59. */
const edgeTime = fc
  .tuple(fc.integer({ min: -3, max: 2 }), fc.constantFrom(5_000, 1_800_000, 3_599_000))
  .map(([h, off]) => T + h * HOUR + off);

const version = fc.constantFrom(1n, 2n, 3n);
const orch = fc.constantFrom("", "0xa", "0xb");
const pipeline = fc.constantFrom(
  "",
  " ",
  "live-video-to-video",
  "streamdiffusion-sdxl",
  " STREAMDIFFUSION-SDXL\t",
  "pipé",
);
const model = fc.constantFrom(null, "", "streamdiffusion-sdxl", "m2");
const gpu = fc.constantFrom(null, "", "G1", "G2");
const region = fc.constantFrom(null, "", "eu");
const gateway = fc.constantFrom("gw1", "gw2");
const bit = fc.constantFrom<0 | 1>(0, 1);
const small = fc.integer({ min: 0, max: 3 });

const sessionRow = fc
  .record({
    id: fc.constantFrom(...IDS),
    version,
    orch,
    pipeline,
    model,
    gpu,
    gateway,
    request: fc.constantFrom(...REQUESTS),
    start: fc.oneof(edgeTime, fc.constant(0)),
    dur: fc.option(fc.constantFrom(1_000, 60_000, 1_800_000, 3_600_000, 7_200_000)),
    flags: fc.tuple(bit, bit, bit, bit, bit, bit, bit, small, small, small, small, small),
  })
  .map((r) => {
    const [known, success, excused, unexcused, lastErr, loading, zero, conf, inf, err, sErr, hs] =
      r.flags;
    return session({
      workflow_session_id: r.id,
      request_id: r.request,
      version: r.version,
      orchestrator_address: r.orch,
      pipeline: r.pipeline,
      model_id: r.model,
      gpu_id: r.gpu,
      gateway: r.gateway,
      session_start_ts: r.start,
      session_end_ts: r.dur === null ? null : r.start + r.dur,
      known_stream: known,
      startup_success: success,
      startup_excused: excused,
      startup_unexcused: unexcused,
      last_error_occurred: lastErr,
      loading_only_session: loading,
      zero_output_fps_session: zero,
      confirmed_swap_count: conf,
      inferred_orchestrator_change_count: inf,
      error_count: err,
      status_error_sample_count: sErr,
      health_signal_count: hs,
      health_expected_signal_count: Math.max(hs, (sErr + 1) % 4),
    });
  });

const statusRow = fc
  .record({
    id: fc.constantFrom(...IDS),
    uid: fc.constantFrom("u1", "u2", "u3", "u4", "u5", "u6"),
    version,
    ts: edgeTime,
    orch,
    pipeline,
    model,
    gpu,
    region,
    gateway,
    state: fc.constantFrom("LOADING", "LOADING", "ONLINE", "DEGRADED_INPUT", "OFFLINE", "online"),
    fps: fc.constantFrom(0, 0, 0, 12.5, 20, 30.25),
    attributed: fc.constantFrom<0 | 1>(1, 1, 1, 0),
  })
  .map((r) =>
    status({
      workflow_session_id: r.id,
      stream_id: r.id.split("|")[0] as string,
      source_event_uid: r.uid,
      version: r.version,
      sample_ts: r.ts,
      orchestrator_address: r.orch,
      pipeline: r.pipeline,
      model_id: r.model,
      gpu_id: r.gpu,
      region: r.region,
      gateway: r.gateway,
      state: r.state,
      output_fps: r.fps,
      is_attributed: r.attributed,
    }),
  );

const latencyValue = fc.option(fc.constantFrom(0, 800, 1200.5, 2000));
const latencyRow = fc
  .record({
    id: fc.constantFrom(...IDS),
    version,
    ts: edgeTime,
    orch,
    pipeline,
    model,
    gpu,
    region,
    p2f: latencyValue,
    startup: latencyValue,
    e2e: latencyValue,
    flags: fc.tuple(bit, bit, bit),
  })
  .map((r) =>
    latency({
      workflow_session_id: r.id,
      version: r.version,
      sample_ts: r.ts,
      orchestrator_address: r.orch,
      pipeline: r.pipeline,
      model_id: r.model,
      gpu_id: r.gpu,
      region: r.region,
      prompt_to_first_frame_ms: r.p2f,
      startup_time_ms: r.startup,
      e2e_latency_ms: r.e2e,
      has_prompt_to_first_frame: r.flags[0],
      has_startup_time: r.flags[1],
      has_e2e_latency: r.flags[2],
    }),
  );

const wei = fc.option(
  fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 16n }), fc.bigInt({ min: 0n, max: 2n ** 200n })),
);
const paymentRow = fc
  .record({
    uid: fc.constantFrom("p1", "p2", "p3", "p4", "p5"),
    ts: edgeTime,
    gateway,
    request: fc.constantFrom(...REQUESTS),
    wei,
  })
  .map((r) =>
    payment({
      raw_event_uid: r.uid,
      event_timestamp: r.ts,
      gateway: r.gateway,
      request_id: r.request,
      face_value_wei: r.wei,
    }),
  );

const capabilityRow = fc
  .record({
    orch: fc.constantFrom("0xa", "0xb"),
    gpu: fc.constantFrom(null, "G1", "G2"),
    ts: fc.constantFrom(T - HOUR, T, T + HOUR),
    uid: fc.constantFrom("c1", "c2"),
    ordinal: fc.integer({ min: 0, max: 2 }),
    name: fc.option(fc.constantFrom("RTX 4090", "A100")),
    major: fc.option(fc.integer({ min: 7, max: 9 })),
    minor: fc.option(fc.integer({ min: 0, max: 9 })),
    mem: fc.option(fc.constantFrom(25757220864, 85899345920)),
    runner: fc.option(fc.constantFrom("0.14.1", "0.15.0")),
    pipeline: fc.constantFrom("live-video-to-video", "text-to-image"),
  })
  .map((r) =>
    capability({
      orchestrator_address: r.orch,
      gpu_id: r.gpu,
      event_timestamp: r.ts,
      raw_event_uid: r.uid,
      snapshot_row_ordinal: r.ordinal,
      gpu_name: r.name,
      gpu_major: r.major,
      gpu_minor: r.minor,
      gpu_memory_total: r.mem,
      runner_version: r.runner,
      pipeline: r.pipeline,
    }),
  );

/**
 * A terminal-tail candidate (serving.md §5.1): a session ending just after an hour edge H with
 * 1–3 same-key samples in H − 1 h and in H (mostly LOADING at 0 fps), so artifacts and their
 * near misses (a working sample, three samples, a start after H − 1 h) are common.
 */
const tailArb = fc
  .record({
    id: fc.constantFrom("t|1", "t|2"),
    h: fc.integer({ min: -2, max: 2 }),
    startBefore: fc.constantFrom(HOUR + 60_000, HOUR / 2, 2 * HOUR),
    endAfter: fc.constantFrom(2_000, 600_000),
    prev: fc.array(fc.constantFrom(1_000, 3_000_000, 3_599_000), { minLength: 0, maxLength: 3 }),
    cur: fc.array(fc.constantFrom(500, 1_000, 300_000), { minLength: 1, maxLength: 3 }),
    working: fc.constantFrom(false, false, false, true),
    gpuId: gpu,
  })
  .map((r) => {
    const edge = T + r.h * HOUR;
    const keys = { workflow_session_id: r.id, stream_id: r.id, gpu_id: r.gpuId };
    const sample = (ts: number, i: number, uid: string) =>
      status({
        ...keys,
        source_event_uid: `${uid}${i}`,
        sample_ts: ts,
        state: r.working && i === 0 && uid === "c" ? "ONLINE" : "LOADING",
        output_fps: 0,
      });
    return {
      session: session({
        ...keys,
        request_id: r.id,
        session_start_ts: edge - r.startBefore,
        session_end_ts: edge + r.endAfter,
      }),
      samples: [
        ...r.prev.map((off, i) => sample(edge - HOUR + off, i, "p")),
        ...r.cur.map((off, i) => sample(edge + off, i, "c")),
      ],
    };
  });

/**
 * Stored rows as several derivations would leave them. Rows sharing a logical key and
 * version are made identical (sessions.md §4.4: equal versions hold equal content), and
 * per-event timestamps are the same in every version of a sample (serving.md §1.4).
 */
export const servingInputsArb: fc.Arbitrary<ServingInputs> = fc
  .record({
    sessions: fc.array(sessionRow, { maxLength: 10 }),
    latency: fc.array(latencyRow, { maxLength: 6 }),
    statusSamples: fc.array(statusRow, { maxLength: 30 }),
    payments: fc.array(paymentRow, { maxLength: 6 }),
    capabilities: fc.array(capabilityRow, { maxLength: 6 }),
    tails: fc.array(tailArb, { maxLength: 2 }),
  })
  .map((i) => ({
    sessions: uniqueBy(
      [...i.sessions, ...i.tails.map((t) => t.session)],
      (r) => `${r.workflow_session_id}|${r.version}`,
    ),
    latency: uniqueBy(i.latency, (r) => `${r.workflow_session_id}|${r.version}`),
    statusSamples: sameTime(
      uniqueBy(
        [...i.statusSamples, ...i.tails.flatMap((t) => t.samples)],
        (r) => `${r.workflow_session_id}|${r.source_event_uid}|${r.version}`,
      ),
      (r) => `${r.workflow_session_id}|${r.source_event_uid}`,
      "sample_ts",
    ),
    payments: uniqueBy(i.payments, (r) => r.raw_event_uid),
    capabilities: sameTime(
      uniqueBy(i.capabilities, (r) => `${r.raw_event_uid}|${r.snapshot_row_ordinal}`),
      (r) => r.raw_event_uid,
      "event_timestamp",
    ),
  }));

/** First row per key (later rows with the same key are dropped). */
function uniqueBy<R>(rows: readonly R[], key: (r: R) => string): R[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const k = key(r);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Gives every row of one key the timestamp `field` of the key's first row. */
function sameTime<R, F extends keyof R>(rows: readonly R[], key: (r: R) => string, field: F): R[] {
  const first = new Map<string, R[F]>();
  return rows.map((r) => {
    const k = key(r);
    const t = first.get(k);
    if (t === undefined) {
      first.set(k, r[field]);
      return r;
    }
    return { ...r, [field]: t };
  });
}
