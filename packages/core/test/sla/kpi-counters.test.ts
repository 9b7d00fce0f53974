import { describe, it, expect } from "vitest";
import fc from "fast-check";
import type { FactWorkflowSessionRow } from "../../src/sessions/fact-rows.js";
import {
  combineCounters,
  countersFromSession,
  emptyCounters,
  sessionFlags,
  type KpiCounters,
} from "../../src/sla/kpi-counters.js";
import { ratiosFromCounters } from "../../src/sla/kpi-ratios.js";
import { session, X1_SESSIONS } from "./fixtures.js";

const sum = (rows: ReadonlyArray<FactWorkflowSessionRow>): KpiCounters =>
  rows.map(countersFromSession).reduce(combineCounters, emptyCounters());

describe("X1 — SLA bucket counters and ratios", () => {
  const c = sum(X1_SESSIONS);
  const r = ratiosFromCounters(c);
  it("counters", () => {
    expect(c.known_sessions).toBe(4);
    expect(c.unknown_sessions).toBe(0);
    expect(c.success_sessions).toBe(2);
    expect(c.excused_sessions).toBe(1);
    expect(c.unexcused_sessions).toBe(1);
    expect(c.swapped_sessions).toBe(1);
    expect(c.output_failed_sessions).toBe(2);
    expect(c.effective_failed_sessions).toBe(2);
    expect(c.health_signal_count).toBe(8);
    expect(c.health_expected_signal_count).toBe(12);
  });
  it("ratios and sla_score", () => {
    expect(r.health_completeness_ratio).toBeCloseTo(0.6666666666666666, 9);
    expect(r.startup_success_ratio).toBeCloseTo(0.75, 9);
    expect(r.no_swap_ratio).toBeCloseTo(0.75, 9);
    expect(r.output_viability_ratio).toBeCloseTo(0.5, 9);
    expect(r.success_ratio).toBeCloseTo(0.5, 9);
    expect(r.failure_rate).toBeCloseTo(0.25, 9);
    expect(r.swap_rate).toBeCloseTo(0.25, 9);
    expect(r.sla_score).toBeCloseTo(43.333333333333336, 9);
  });
});

describe("X2 — empty denominators", () => {
  it("two unknown streams (one playable) → known 0, every ratio null", () => {
    const rows = [
      session({
        workflow_session_id: "U1",
        known_stream: 0,
        startup_success: 1,
        health_expected_signal_count: 0,
        health_signal_count: 2,
      }),
      session({
        workflow_session_id: "U2",
        known_stream: 0,
        startup_success: 0,
        health_expected_signal_count: 0,
        health_signal_count: 1,
      }),
    ];
    const c = sum(rows);
    expect(c.known_sessions).toBe(0);
    expect(c.unknown_sessions).toBe(2);
    expect(c.success_sessions).toBe(0);
    expect(c.health_signal_count).toBe(0);
    expect(c.health_expected_signal_count).toBe(0);
    const r = ratiosFromCounters(c);
    for (const k of [
      "health_completeness_ratio",
      "failure_rate",
      "swap_rate",
      "startup_success_ratio",
      "success_ratio",
      "no_swap_ratio",
      "output_viability_ratio",
      "sla_score",
      "avg_output_fps",
      "jitter_coeff_fps",
      "prompt_to_first_frame_ms",
      "startup_time_ms",
      "e2e_latency_ms",
    ] as const)
      expect(r[k], k).toBeNull();
    expect(r.total_inference_minutes).toBe(0);
    expect(r.fee_payment_eth).toBe(0);
  });
});

describe("§7 combination example", () => {
  it("hour 1 (known 4, unexcused 1) + hour 2 (known 1, unexcused 1) → 0.6, not 0.375", () => {
    const h1 = { ...emptyCounters(), known_sessions: 4, unexcused_sessions: 1 };
    const h2 = { ...emptyCounters(), known_sessions: 1, unexcused_sessions: 1 };
    expect(ratiosFromCounters(h1).startup_success_ratio).toBe(0.75);
    expect(ratiosFromCounters(h2).startup_success_ratio).toBe(0);
    expect(ratiosFromCounters(combineCounters(h1, h2)).startup_success_ratio).toBeCloseTo(0.6, 12);
  });
  it("fee_payment_eth and total_inference_minutes recompute from sums", () => {
    const c = { ...emptyCounters(), status_samples: 2, fee_payment_wei: 2402400000000000n };
    const r = ratiosFromCounters(c);
    expect(r.total_inference_minutes).toBeCloseTo(0.03333333333333333, 15);
    expect(r.fee_payment_eth).toBe(0.0024024);
  });
});

describe("§3 flags", () => {
  it("swapped = confirmed OR inferred; output_failed counts once", () => {
    const f = sessionFlags(
      session({
        confirmed_swap_count: 2,
        inferred_orchestrator_change_count: 1,
        loading_only_session: 1,
        zero_output_fps_session: 1,
      }),
    );
    expect(f.swapped).toBe(1);
    expect(f.confirmed_swapped).toBe(1);
    expect(f.inferred_swapped).toBe(1);
    expect(f.output_failed).toBe(1);
    expect(f.effective_failed).toBe(1);
    expect(sessionFlags(session({ inferred_orchestrator_change_count: 1 })).swapped).toBe(1);
  });
  it("served / unserved by orchestrator address, gated by known", () => {
    expect(sessionFlags(session({ orchestrator_address: "" })).unserved).toBe(1);
    expect(sessionFlags(session({ orchestrator_address: "0xa" })).served).toBe(1);
    const u = sessionFlags(session({ known_stream: 0, orchestrator_address: "" }));
    expect(u.unserved).toBe(0);
    expect(u.served).toBe(0);
  });
  it("an unknown session feeds unknown_sessions only", () => {
    const c = countersFromSession(
      session({
        known_stream: 0,
        startup_success: 1,
        confirmed_swap_count: 1,
        error_count: 3,
        last_error_occurred: 1,
        loading_only_session: 1,
        zero_output_fps_session: 1,
        status_error_sample_count: 2,
        health_signal_count: 3,
        health_expected_signal_count: 0,
      }),
    );
    expect(c).toEqual({ ...emptyCounters(), unknown_sessions: 1 });
  });
});

const bit = fc.constantFrom<0 | 1>(0, 1);
/** Arbitrary session rows as the derivation can emit them (health ≤ 3, expected 3 iff known). */
const arbSessionRow = fc
  .record({
    known_stream: bit,
    startup_success: bit,
    startup_excused: bit,
    startup_unexcused: bit,
    confirmed_swap_count: fc.nat(3),
    inferred_orchestrator_change_count: fc.nat(3),
    error_count: fc.nat(3),
    last_error_occurred: bit,
    loading_only_session: bit,
    zero_output_fps_session: bit,
    status_error_sample_count: fc.nat(5),
    health_signal_count: fc.nat(3),
    orchestrator_address: fc.constantFrom("", "0xa"),
  })
  .map((o) => session({ ...o, health_expected_signal_count: o.known_stream === 1 ? 3 : 0 }));

const arbCounters: fc.Arbitrary<KpiCounters> = fc
  .record({
    known_sessions: fc.nat(1000),
    unexcused_sessions: fc.nat(1000),
    status_samples: fc.nat(1000),
    output_fps_sum: fc.integer({ min: 0, max: 100000 }),
    output_fps_sq_sum: fc.integer({ min: 0, max: 10000000 }),
    e2e_latency_ms_sum: fc.integer({ min: 0, max: 1000000 }),
    e2e_latency_sample_count: fc.nat(100),
    payment_count: fc.nat(100),
    fee_payment_wei: fc.bigInt({ min: 0n, max: 2n ** 200n }),
  })
  .map((o) => ({ ...emptyCounters(), ...o }));

describe("properties", () => {
  it("every ratio lies in [0, 1] and sla_score in [0, 100] for arbitrary session rows", () => {
    fc.assert(
      fc.property(fc.array(arbSessionRow, { maxLength: 30 }), (rows) => {
        const r = ratiosFromCounters(sum(rows));
        for (const k of [
          "health_completeness_ratio",
          "failure_rate",
          "swap_rate",
          "startup_success_ratio",
          "success_ratio",
          "no_swap_ratio",
          "output_viability_ratio",
        ] as const) {
          const v = r[k];
          if (v !== null) {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(1);
          }
        }
        if (r.sla_score !== null) {
          expect(r.sla_score).toBeGreaterThanOrEqual(0);
          expect(r.sla_score).toBeLessThanOrEqual(100);
        }
        expect(r.sla_score === null).toBe(sum(rows).known_sessions === 0);
      }),
      { numRuns: 500 },
    );
  });
  it("combineCounters: empty is the identity, commutative, associative (integer sums)", () => {
    fc.assert(
      fc.property(arbCounters, arbCounters, arbCounters, (a, b, c) => {
        expect(combineCounters(a, emptyCounters())).toEqual(a);
        expect(combineCounters(emptyCounters(), a)).toEqual(a);
        expect(combineCounters(a, b)).toEqual(combineCounters(b, a));
        expect(combineCounters(combineCounters(a, b), c)).toEqual(
          combineCounters(a, combineCounters(b, c)),
        );
      }),
      { numRuns: 300 },
    );
  });
  it("folding sessions one by one equals counting them together (order independent)", () => {
    fc.assert(
      fc.property(fc.array(arbSessionRow, { maxLength: 20 }), (rows) => {
        expect(sum([...rows].reverse())).toEqual(sum(rows));
      }),
      { numRuns: 300 },
    );
  });
});
