import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createBatchDeriver } from "@livepeer-analytics/core";
import { listSampleFiles, networkHour, simulateNetwork } from "@livepeer-analytics/testkit";
import { main } from "../src/main.js";
import { simulateHour } from "../src/commands/simulate.js";
import { deriveToTemp } from "./derive-helpers.js";

describe("lpa derive", () => {
  it.each(listSampleFiles().filter((f) => f.includes("/events/")))(
    "accepts every event of %s",
    async (file) => {
      const out = await deriveToTemp(file);
      expect(out.counters.rejected).toBe(0);
      expect(out.counters.consumed).toBeGreaterThan(0);
      expect(out.counters.consumed).toBe(
        out.counters.accepted + out.counters.duplicates + out.counters.unknown,
      );
      expect(out.rows("raw_streaming_events")).toHaveLength(
        out.counters.accepted + out.counters.unknown,
      );
    },
  );

  it("counts rejections, duplicates and unknown types and still exits 0", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lpa-cli-"));
    const input = join(dir, "mixed.jsonl");
    const good =
      '{"id":"e1","type":"ai_stream_status","timestamp":1710000000000,"data":{"stream_id":"s","request_id":"r","pipeline":"p"}}';
    writeFileSync(
      input,
      [good, good, "not json", "", '{"type":"webrtc_stats","timestamp":1,"data":{}}', "[1,2]"].join(
        "\n",
      ),
    );
    const out = await deriveToTemp(input);
    expect(out.counters).toMatchObject({
      consumed: 5,
      accepted: 1,
      rejected: 2,
      duplicates: 1,
      unknown: 1,
    });
    expect(out.rows("raw_streaming_events_dlq").map((r) => r.failure_reason)).toEqual([
      "json_parse_error",
      "root_not_object",
    ]);
    expect(out.rows("raw_streaming_events_quarantine")[0]?.failure_details).toBe(
      "Duplicate detected for key: e1",
    );
    expect(out.rows("fact_workflow_sessions")[0]?.workflow_session_id).toBe("s|r");
    expect(out.rows("fact_workflow_sessions")[0]?.session_start_ts).toBe("2024-03-09 16:00:00.000");
    expect(await main(["derive", input, "--out", join(dir, "o")])).toBe(0);
  });

  it("reads a .json array file, one record per element", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lpa-cli-"));
    const input = join(dir, "events.json");
    writeFileSync(
      input,
      JSON.stringify([
        { type: "x", timestamp: 1, data: {} },
        { type: "y", timestamp: 2, data: {} },
        7,
      ]),
    );
    const out = await deriveToTemp(input);
    expect(out.counters).toMatchObject({ consumed: 3, unknown: 2, rejected: 1 });
  });

  it("exits 2 on unusable arguments and 1 on I/O errors", async () => {
    expect(await main(["derive", "a.jsonl"])).toBe(2);
    expect(await main(["frobnicate"])).toBe(2);
    expect(
      await main([
        "derive",
        "/nonexistent/file.jsonl",
        "--out",
        mkdtempSync(join(tmpdir(), "lpa-")),
      ]),
    ).toBe(1);
  });
});

describe("simulator ground truth", () => {
  it("equals the derived classification for any seed and delivery distortion", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        fc.integer({ min: 0, max: 80 }),
        (seed, duplicateRate, shuffleWindow) => {
          const config = {
            ...networkHour(seed),
            sessions: 40,
            delivery: { duplicateRate, shuffleWindow },
          };
          const { events, truth } = simulateNetwork(config);
          const d = createBatchDeriver({ topic: "sim", processingTimeMs: config.startMs });
          events.forEach((e, i) => d.push(e, i));
          let checked = 0;
          for (const out of d.finish()) {
            if (out.table.name !== "fact_workflow_sessions") continue;
            const s = out.row as Record<string, unknown>;
            const t = truth.get(String(s.workflow_session_id));
            expect(t).toBeDefined();
            for (const k of [
              "known_stream",
              "startup_success",
              "startup_excused",
              "startup_unexcused",
              "loading_only_session",
              "zero_output_fps_session",
              "confirmed_swap_count",
              "inferred_orchestrator_change_count",
              "orchestrator_address",
              "gpu_id",
              "model_id",
              "event_count",
            ] as const)
              expect([k, s[k]]).toEqual([k, t?.[k]]);
            checked++;
          }
          expect(checked).toBe(truth.size);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("lpa simulate: one simulated hour matches its ground truth and yields SLA rows", () => {
    const hour = simulateHour(1);
    expect(hour.sessions).toBe(300);
    expect(hour.truthMatches).toBe(hour.sessions);
    expect(hour.sla.length).toBeGreaterThan(0);
    for (const r of hour.sla)
      if (r.sla_score !== null) expect(r.sla_score).toBeGreaterThanOrEqual(0);
  });
});
