// fast-check generators of consistent serving inputs (latest facts plus older versions).
import fc from "fast-check";
import type {
  FactStreamStatusSampleRow,
  FactWorkflowLatencySampleRow,
  FactWorkflowSessionRow,
} from "../../src/sessions/fact-rows.js";
import type { ServingInputs } from "../../src/sla/latest-bases.js";
import { capability, latency, payment, session, status, T } from "./fixtures.js";

const bit = fc.constantFrom<0 | 1>(0, 1);
const HOUR = 3_600_000;

export interface ScenarioOptions {
  /** Pipelines to draw from (use only non-empty, non-model values to avoid the §6.2 fallback). */
  readonly pipelines: ReadonlyArray<string>;
}

const arbSession = (i: number, o: ScenarioOptions) =>
  fc
    .record({
      start: fc.integer({ min: -3 * HOUR, max: 50 * HOUR }),
      duration: fc.option(fc.integer({ min: 0, max: 4 * HOUR }), { nil: null }),
      known_stream: bit,
      startup_success: bit,
      startup_excused: bit,
      startup_unexcused: bit,
      confirmed_swap_count: fc.nat(2),
      inferred_orchestrator_change_count: fc.nat(2),
      error_count: fc.nat(2),
      last_error_occurred: bit,
      loading_only_session: bit,
      zero_output_fps_session: bit,
      status_error_sample_count: fc.nat(3),
      health_signal_count: fc.nat(3),
      orchestrator_address: fc.constantFrom("", "0xa", "0xb"),
      gpu_id: fc.constantFrom(null, "G1", "G2"),
      pipeline: fc.constantFrom(...o.pipelines),
      model_id: fc.constantFrom(null, "m1", "m2"),
      gateway: fc.constantFrom("gw-1", "gw-2"),
      request_id: fc.constantFrom("r0", "r1", "r2"),
    })
    .map((r): FactWorkflowSessionRow =>
      session({
        ...r,
        workflow_session_id: `s${i}`,
        stream_id: `st${i % 3}`,
        version: 1000n,
        session_start_ts: T + r.start,
        session_end_ts: r.duration === null ? null : T + r.start + r.duration,
        health_expected_signal_count: r.known_stream === 1 ? 3 : 0,
      }),
    );

const arbStatusFor = (s: FactWorkflowSessionRow, j: number) =>
  fc
    .record({
      offset: fc.integer({ min: -HOUR, max: 5 * HOUR }),
      // Tail samples shortly before the end (LOADING, 0 fps) make §5.1 artifacts likely.
      tailOffset: fc.option(fc.integer({ min: 0, max: 90 * 60_000 }), { nil: null, freq: 2 }),
      attributed: fc.boolean(),
      state: fc.constantFrom("ONLINE", "LOADING", "DEGRADED_INPUT", "OFFLINE"),
      output_fps: fc.constantFrom(0, 0, 12, 20, 30),
      gpu_id: fc.constantFrom(s.gpu_id, "G2"),
    })
    .map((r): FactStreamStatusSampleRow =>
      status({
        workflow_session_id: s.workflow_session_id,
        stream_id: s.stream_id,
        request_id: s.request_id,
        gateway: s.gateway,
        source_event_uid: `${s.workflow_session_id}-e${j}`,
        ...(r.tailOffset !== null && s.session_end_ts !== null
          ? { sample_ts: s.session_end_ts - r.tailOffset, state: "LOADING", output_fps: 0 }
          : { sample_ts: s.session_start_ts + r.offset, state: r.state, output_fps: r.output_fps }),
        version: 1000n,
        ...(r.attributed && s.orchestrator_address !== ""
          ? {
              orchestrator_address: s.orchestrator_address,
              pipeline: s.pipeline,
              model_id: s.model_id,
              gpu_id: r.gpu_id,
              is_attributed: 1,
            }
          : {
              orchestrator_address: "",
              pipeline: "",
              model_id: null,
              gpu_id: null,
              is_attributed: 0,
            }),
      }),
    );

const arbLatencyFor = (s: FactWorkflowSessionRow) =>
  fc
    .record({
      p: fc.option(fc.nat(5000), { nil: null }),
      st: fc.option(fc.nat(5000), { nil: null }),
      e: fc.option(fc.nat(5000), { nil: null }),
    })
    .map((r): FactWorkflowLatencySampleRow =>
      latency({
        workflow_session_id: s.workflow_session_id,
        sample_ts: s.session_start_ts,
        gateway: s.gateway,
        orchestrator_address: s.orchestrator_address,
        pipeline: s.pipeline,
        model_id: s.model_id,
        gpu_id: s.gpu_id,
        version: 1000n,
        prompt_to_first_frame_ms: r.p,
        startup_time_ms: r.st,
        e2e_latency_ms: r.e,
        has_prompt_to_first_frame: r.p === null ? 0 : 1,
        has_startup_time: r.st === null ? 0 : 1,
        has_e2e_latency: r.e === null ? 0 : 1,
      }),
    );

/** Latest facts only (every row at version 1000). */
export const arbScenario = (o: ScenarioOptions): fc.Arbitrary<ServingInputs> =>
  fc.integer({ min: 1, max: 6 }).chain((n) =>
    fc.tuple(...Array.from({ length: n }, (_, i) => arbSession(i, o))).chain((sessions) =>
      fc.record({
        sessions: fc.constant(sessions),
        statusSamples: fc
          .tuple(
            ...sessions.map((s) =>
              fc
                .array(fc.nat(), { maxLength: 5 })
                .chain((xs) => fc.tuple(...xs.map((_, j) => arbStatusFor(s, j)))),
            ),
          )
          .map((xs) => xs.flat()),
        latency: fc.tuple(...sessions.map(arbLatencyFor)),
        payments: fc
          .array(
            fc.record({
              request_id: fc.constantFrom("", "r0", "r1", "r9"),
              ts: fc.integer({ min: 0, max: 50 * HOUR }),
              wei: fc.option(fc.bigInt({ min: 0n, max: 10n ** 20n }), { nil: null }),
              gateway: fc.constantFrom("gw-1", "pg"),
            }),
            { maxLength: 5 },
          )
          .map((ps) =>
            ps.map((p, i) =>
              payment({
                raw_event_uid: `p${i}`,
                request_id: p.request_id,
                event_timestamp: T + p.ts,
                face_value_wei: p.wei,
                gateway: p.gateway,
              }),
            ),
          ),
        capabilities: fc.constant([
          capability({
            orchestrator_address: "0xa",
            gpu_id: "G1",
            gpu_name: "A-G1",
            gpu_major: 8,
            gpu_minor: 6,
          }),
          capability({
            orchestrator_address: "0xb",
            gpu_id: "G2",
            gpu_name: "B-G2",
            gpu_major: 9,
            gpu_minor: null,
          }),
        ]),
      }),
    ),
  );

/**
 * Adds older versions (random content, lower versions) of every fact and shuffles all rows;
 * payments with the same raw_event_uid are already duplicates of each other only when equal,
 * so duplicates of the kept payment rows are appended.
 */
export const withOlderVersions = (latest: ServingInputs): fc.Arbitrary<ServingInputs> =>
  fc
    .record({
      seed: fc.nat(),
      olderSessions: fc.tuple(
        ...latest.sessions.map((s) => fc.array(arbOlder(s), { maxLength: 2 })),
      ),
      olderStatus: fc.array(
        fc.record({
          i: fc.nat(),
          version: fc.bigInt({ min: 0n, max: 999n }),
          flip: fc.boolean(),
          fps: fc.nat(60),
        }),
        { maxLength: 8 },
      ),
    })
    .map(({ seed, olderSessions, olderStatus }) => {
      const status = [...latest.statusSamples];
      if (status.length > 0)
        for (const o of olderStatus) {
          const s = latest.statusSamples[o.i % latest.statusSamples.length]!;
          status.push({
            ...s,
            version: o.version,
            output_fps: o.fps,
            ...(o.flip
              ? { is_attributed: 1 as const, orchestrator_address: "0xold", gpu_id: "G1" }
              : { is_attributed: 0 as const, orchestrator_address: "" }),
          });
        }
      const latencyOld = latest.latency.map((l) => ({
        ...l,
        version: 3n,
        e2e_latency_ms: 99999,
        has_e2e_latency: 1 as const,
      }));
      return {
        sessions: shuffle([...latest.sessions, ...olderSessions.flat()], seed),
        statusSamples: shuffle(status, seed + 1),
        latency: shuffle([...latest.latency, ...latencyOld], seed + 2),
        payments: shuffle([...latest.payments, ...latest.payments], seed + 3),
        capabilities: latest.capabilities,
      };
    });

const arbOlder = (s: FactWorkflowSessionRow) =>
  fc
    .record({
      version: fc.bigInt({ min: 0n, max: 999n }),
      known_stream: bit,
      orchestrator_address: fc.constantFrom("", "0xold"),
      start: fc.integer({ min: 0, max: 50 * HOUR }),
    })
    .map((o): FactWorkflowSessionRow => session({ ...s, ...o, session_start_ts: T + o.start }));

/** Deterministic Fisher–Yates shuffle (tests only). */
function shuffle<X>(xs: X[], seed: number): X[] {
  let h = seed >>> 0;
  for (let i = xs.length - 1; i > 0; i--) {
    h = (Math.imul(h ^ (h >>> 15), 2246822507) + 0x9e3779b9) >>> 0;
    const j = h % (i + 1);
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}
