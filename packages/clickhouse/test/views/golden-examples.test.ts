// Golden vectors: serving.md §9 X1–X5, the terminal-tail example of §5.1 and the statistics
// examples of §4, through the SQL views (X3/X4 from the spec's own W1/W2 events).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { samplesDir } from "@livepeer-analytics/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gpuMetrics, networkDemand, slaCompliance, type LpaClickHouse } from "../../src/index.js";
import { inputs, outputRowsOf, session, status, T } from "./fact-builders.js";
import {
  deriveEnvelopes,
  loadRows,
  openServingDb,
  truncateServingTables,
  type ServingDb,
} from "./serving-db.js";

const HOUR = 3_600_000;
const DAY = { start: T - 12 * HOUR, end: T + 12 * HOUR, limit: 1000 };
// Asymmetric matcher typed as the number it stands for.
const near = (x: number): number => expect.closeTo(x, 9) as number;

let sdb: ServingDb;
let db: LpaClickHouse;
beforeAll(async () => {
  sdb = await openServingDb("golden");
  db = sdb.db;
});
afterAll(() => sdb.close());

async function reload(rows: Parameters<typeof loadRows>[1]): Promise<void> {
  await truncateServingTables(db);
  await loadRows(db, rows);
}

/** X1: S1 clean, S2 never playable, S3 swapped, S4 excused; all placed in (T, key). */
function x1Sessions() {
  const loading = { loading_only_session: 1, zero_output_fps_session: 1 } as const;
  return [
    session({ workflow_session_id: "S1|r" }),
    session({
      workflow_session_id: "S2|r",
      startup_success: 0,
      startup_unexcused: 1,
      health_signal_count: 1,
      ...loading,
    }),
    session({ workflow_session_id: "S3|r", confirmed_swap_count: 1, swap_count: 1 }),
    session({
      workflow_session_id: "S4|r",
      startup_success: 0,
      startup_excused: 1,
      health_signal_count: 1,
      ...loading,
    }),
  ];
}

describe("serving.md §9", () => {
  it("X1 — SLA bucket of four sessions", async () => {
    const sessions = x1Sessions();
    const samples = sessions.map((s, i) =>
      status({ workflow_session_id: s.workflow_session_id, source_event_uid: `u${i}` }),
    );
    await reload(outputRowsOf(inputs({ sessions, statusSamples: samples })));
    const { rows } = await slaCompliance(db, DAY);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      window_start: T,
      known_sessions: 4,
      success_sessions: 2,
      excused_sessions: 1,
      unexcused_sessions: 1,
      swapped_sessions: 1,
      output_failed_sessions: 2,
      effective_failed_sessions: 2,
      health_signal_count: 8,
      health_expected_signal_count: 12,
      health_completeness_ratio: near(0.6666666666666666),
      startup_success_ratio: near(0.75),
      no_swap_ratio: near(0.75),
      output_viability_ratio: near(0.5),
      success_ratio: near(0.5),
      sla_score: near(43.333333333333336),
    });
    const gpu = (await gpuMetrics(db, DAY)).rows;
    expect(gpu).toHaveLength(1);
    expect(gpu[0]).toMatchObject({ failure_rate: near(0.25), swap_rate: near(0.25) });
  });

  it("X2 — only unknown streams: zero known, every ratio null", async () => {
    const sessions = [
      session({
        workflow_session_id: "U1|r",
        known_stream: 0,
        health_expected_signal_count: 0,
        health_signal_count: 0,
      }),
      session({
        workflow_session_id: "U2|r",
        known_stream: 0,
        startup_success: 0,
        health_expected_signal_count: 0,
        health_signal_count: 0,
      }),
    ];
    const samples = sessions.map((s, i) =>
      status({ workflow_session_id: s.workflow_session_id, source_event_uid: `u${i}` }),
    );
    await reload(outputRowsOf(inputs({ sessions, statusSamples: samples })));
    const { rows } = await slaCompliance(db, DAY);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      known_sessions: 0,
      unknown_sessions: 2,
      success_sessions: 0,
      health_expected_signal_count: 0,
      health_completeness_ratio: null,
      startup_success_ratio: null,
      success_ratio: null,
      no_swap_ratio: null,
      output_viability_ratio: null,
      sla_score: null,
    });
  });

  describe("X3/X4 — sessions.md W1 and W2 through the batch deriver", () => {
    beforeAll(async () => {
      const w1 = readFileSync(
        join(
          samplesDir(),
          "prod-fixtures/prod_snapshot_20260225T211506Z/scenario_2_no_orchestrator_then_closed/aiJobTesterStream-1772052113991767774_0815334c.events.jsonl",
        ),
        "utf8",
      )
        .split("\n")
        .filter((l) => l.trim() !== "")
        .map((l) => JSON.parse(l) as unknown);
      await reload(deriveEnvelopes([...w2Events(), ...w1], T + 2 * HOUR));
    });

    it("X3 — GPU metrics row of W2", async () => {
      const { rows } = await gpuMetrics(db, DAY);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        window_start: T,
        orchestrator_address: "0xcanon",
        pipeline: "live-video-to-video",
        model_id: "streamdiffusion-sdxl",
        gpu_id: "GPU-A",
        region: "",
        status_samples: 2,
        output_fps_sum: 42,
        output_fps_sq_sum: 884,
        avg_output_fps: near(21),
        p95_output_fps: near(21.9),
        jitter_coeff_fps: near(0.047619047619047616),
        prompt_to_first_frame_ms: near(1200),
        startup_time_ms: near(800),
        e2e_latency_ms: near(2000),
        p95_prompt_to_first_frame_ms: near(1200),
        p95_startup_time_ms: near(800),
        p95_e2e_latency_ms: near(2000),
        prompt_to_first_frame_sample_count: 1,
        startup_time_sample_count: 1,
        e2e_latency_sample_count: 1,
        known_sessions: 1,
        success_sessions: 1,
        unknown_sessions: 0,
        unexcused_sessions: 0,
        swapped_sessions: 0,
        health_signal_count: 3,
        health_expected_signal_count: 3,
        health_completeness_ratio: near(1),
        failure_rate: 0,
        swap_rate: 0,
        gpu_name: "NVIDIA GeForce RTX 4090",
        cuda_version: "8.9",
      });
    });

    it("X3 — SLA row of W2: all ratios 1, score 100", async () => {
      const { rows } = await slaCompliance(db, DAY);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        orchestrator_address: "0xcanon",
        gpu_id: "GPU-A",
        health_completeness_ratio: 1,
        startup_success_ratio: 1,
        success_ratio: 1,
        no_swap_ratio: 1,
        output_viability_ratio: 1,
        sla_score: near(100),
      });
    });

    it("X4 — demand rows of W2 (with its fee) and W1", async () => {
      const { rows } = await networkDemand(db, DAY);
      expect(rows.map((r) => [r.gateway, r.region, r.pipeline, r.model_id])).toEqual([
        ["cloud-spe-ai-live-video-tester-fra", "", "", "streamdiffusion-sdxl"],
        ["gw-1", "", "live-video-to-video", "streamdiffusion-sdxl"],
      ]);
      expect(rows[1]).toMatchObject({
        window_start: T,
        total_sessions: 1,
        total_streams: 1,
        status_samples: 2,
        avg_output_fps: near(21),
        total_inference_minutes: near(0.03333333333333333),
        known_sessions: 1,
        served_sessions: 1,
        unserved_sessions: 0,
        success_sessions: 1,
        startup_success_ratio: 1,
        success_ratio: 1,
        payment_count: 1,
        fee_payment_wei: "2402400000000000",
        fee_payment_eth: 0.0024024,
      });
      expect(rows[0]).toMatchObject({
        window_start: T,
        known_sessions: 1,
        unserved_sessions: 1,
        missing_capacity_count: 1,
        excused_sessions: 1,
        unexcused_sessions: 0,
        effective_failed_sessions: 0,
        startup_success_ratio: 1,
        success_ratio: 1,
        health_completeness_ratio: 0,
        status_samples: 0,
        avg_output_fps: null,
        payment_count: 0,
        fee_payment_wei: "0",
      });
    });
  });

  it("X5 — two SLA rows at 20:00, one per page", async () => {
    const sessions = [
      session({ workflow_session_id: "A|r", gpu_id: "GPU-B" }),
      session({ workflow_session_id: "B|r", gpu_id: "GPU-A" }),
    ];
    const samples = sessions.map((s, i) =>
      status({
        workflow_session_id: s.workflow_session_id,
        gpu_id: s.gpu_id,
        source_event_uid: `u${i}`,
      }),
    );
    await reload(outputRowsOf(inputs({ sessions, statusSamples: samples })));
    const window = { start: Date.UTC(2026, 1, 25, 8), end: Date.UTC(2026, 1, 26, 8), limit: 1 };
    const first = await slaCompliance(db, window);
    expect(first.rows.map((r) => r.gpu_id)).toEqual(["GPU-A"]);
    expect(first.nextCursor).toEqual({
      w: T,
      k: ["0xcanon", "live-video-to-video", "streamdiffusion-sdxl", "GPU-A", ""],
    });
    const second = await slaCompliance(db, { ...window, cursor: first.nextCursor ?? undefined });
    expect(second.rows.map((r) => r.gpu_id)).toEqual(["GPU-B"]);
    expect(second.nextCursor).toBeNull();
  });
});

describe("serving.md §5.1 terminal-tail example", () => {
  beforeAll(async () => {
    const x = { workflow_session_id: "X|r", session_start_ts: T - HOUR / 2 };
    const loading = { state: "LOADING", output_fps: 0 };
    await reload(
      outputRowsOf(
        inputs({
          sessions: [session({ ...x, session_end_ts: T + HOUR + 10_000 })],
          statusSamples: [
            status({ ...x, ...loading, source_event_uid: "a", sample_ts: T + HOUR - 1_000 }),
            status({ ...x, ...loading, source_event_uid: "b", sample_ts: T + HOUR + 5_000 }),
          ],
        }),
      ),
    );
  });

  it("drops (X, 21:00) and keeps (X, 20:00) in GPU metrics, at 1h and at 5m", async () => {
    const hourly = (await gpuMetrics(db, DAY)).rows.filter((r) => r.status_samples > 0);
    expect(hourly.map((r) => [r.window_start, r.status_samples])).toEqual([[T, 1]]);
    const fine = (await gpuMetrics(db, { ...DAY, granularity: "5m" })).rows;
    expect(fine.filter((r) => r.status_samples > 0).map((r) => r.window_start)).toEqual([
      T + HOUR - 5 * 60_000,
    ]);
  });

  it("places X only at 20:00 in SLA; demand keeps both samples", async () => {
    expect((await slaCompliance(db, DAY)).rows.map((r) => r.window_start)).toEqual([T]);
    const demand = (await networkDemand(db, DAY)).rows.filter((r) => r.status_samples > 0);
    expect(demand.map((r) => r.window_start)).toEqual([T + HOUR, T]);
  });
});

describe("serving.md §4 statistics examples", () => {
  it("p95 of [10, 20, 30, 40, 50] is 48; jitter of [20, 22, 18, 20] is √2 / 20", async () => {
    const fps = [10, 20, 30, 40, 50, 20, 22, 18, 20];
    const samples = fps.map((f, i) =>
      status({
        source_event_uid: `u${i}`,
        output_fps: f,
        gpu_id: i < 5 ? "GPU-A" : "GPU-B",
      }),
    );
    await reload(outputRowsOf(inputs({ statusSamples: samples })));
    const { rows } = await gpuMetrics(db, DAY);
    expect(rows.map((r) => [r.gpu_id, r.p95_output_fps])).toEqual([
      ["GPU-A", near(48)],
      ["GPU-B", near(21.7)], // [18, 20, 20, 22]: h = 2.85 → 20 + 0.85 × 2
    ]);
    expect(rows[1]).toMatchObject({
      output_fps_sum: 80,
      output_fps_sq_sum: 1608,
      jitter_coeff_fps: near(0.07071067811865475),
    });
  });
});

/** sessions.md W2: cap-1 at T+60 s, then the seven events of session s-b|r-b, plus its payment. */
function w2Events(): unknown[] {
  const env = (id: string, type: string, ts: number, data: unknown) => ({
    id,
    type,
    timestamp: ts,
    gateway: "gw-1",
    data,
  });
  const ids = { stream_id: "s-b", request_id: "r-b", pipeline_id: "" };
  const trace = (uid: string, ts: number, type: string, address = "") =>
    env(uid, "stream_trace", T + ts, {
      ...ids,
      type,
      timestamp: T + ts,
      orchestrator_info: { address, url: "" },
    });
  const stat = (uid: string, ts: number, fps: number, url = "") =>
    env(uid, "ai_stream_status", T + ts, {
      ...ids,
      pipeline: "streamdiffusion-sdxl",
      state: "ONLINE",
      timestamp: T + ts,
      orchestrator_info: { address: "0xHOT", url },
      inference_status: { fps },
      input_status: { fps: 30 },
    });
  return [
    env("cap-1", "network_capabilities", T + 60_000, [
      {
        address: "0xCANON",
        local_address: "0xHOT",
        orch_uri: "https://o.example",
        capabilities: {
          constraints: {
            PerCapability: { "35": { models: { "streamdiffusion-sdxl": { warm: true } } } },
          },
        },
        hardware: [
          {
            pipeline: "live-video-to-video",
            model_id: "streamdiffusion-sdxl",
            gpu_info: { "0": { id: "GPU-A", name: "NVIDIA GeForce RTX 4090", major: 8, minor: 9 } },
          },
        ],
      },
    ]),
    trace("t1", 600_000, "gateway_receive_stream_request"),
    stat("s1", 601_000, 20, "https://o.example"),
    trace("t2", 601_200, "gateway_receive_first_processed_segment", "0xHOT"),
    trace("t3", 602_000, "gateway_receive_few_processed_segments", "0xHOT"),
    stat("s2", 660_000, 22),
    trace("t4", 900_000, "gateway_ingest_stream_closed"),
    stat("s3", 900_500, 0),
    env("pay-b", "create_new_payment", T + 700_000, {
      requestID: "r-b",
      faceValue: "2402400000000000 WEI",
      recipient: "0xCANON",
      sender: "0xgw",
      sessionID: "x",
      manifestID: "35_streamdiffusion-sdxl",
      numTickets: "1",
      price: "1 wei/pixel",
      winProb: "0.001",
      orchestrator: "https://o.example",
      clientIP: "",
      capability: "",
    }),
  ];
}
