// The JSONCompact row decoder applies exactly the zod field rules of row-fields.ts: same
// accepted values, same decoded values, same strictness on the set of columns.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decodeCompactRows,
  RowDecodeError,
  type CompactColumn,
  type FieldKind,
} from "../../src/queries/row-decoder.js";
import { FIELD_SCHEMAS, rowSchemaOf } from "../../src/queries/row-fields.js";
import { GPU_METRICS_ROW_FIELDS, GpuMetricsRowSchema } from "../../src/queries/gpu-metrics-row.js";

const KINDS = Object.keys(FIELD_SCHEMAS) as FieldKind[];

/** Values a column may carry, well-formed or not. */
const anyValue = fc.oneof(
  fc.constantFrom(null, 0, -0, -1, 1.5, 2 ** 53, 2 ** 53 - 1, NaN, Infinity, "", "0", "007", "-1"),
  fc.constantFrom("1e3", " 1", "9007199254740993", "18446744073709551615", true, [], {}),
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.bigInt({ min: 0n, max: 2n ** 70n }).map(String),
);

const meta = (names: readonly string[]): CompactColumn[] =>
  names.map((name) => ({ name, type: "String" }));

/** The decoder's answer for one value of `kind`: the decoded value or "rejected". */
function decodeOne(kind: FieldKind, v: unknown): unknown {
  try {
    return decodeCompactRows({ x: kind }, meta(["x"]), [[v]])[0]?.x;
  } catch (e) {
    if (e instanceof RowDecodeError) return "rejected";
    throw e;
  }
}

describe("decodeCompactRows", () => {
  it("accepts and converts exactly what the zod field type accepts", () => {
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), anyValue, (kind, v) => {
        const z = FIELD_SCHEMAS[kind].safeParse(v);
        expect(decodeOne(kind, v)).toStrictEqual(z.success ? z.data : "rejected");
      }),
      { numRuns: 5000 },
    );
  });

  it("builds the fields in the contract's order, whatever the column order", () => {
    const rows = decodeCompactRows(
      { window_start: "integer", gateway: "string", fee: "decimalString" },
      meta(["fee", "window_start", "gateway"]),
      [
        ["12", 7, "gw"],
        ["0", "8", ""],
      ],
    );
    expect(rows).toStrictEqual([
      { window_start: 7, gateway: "gw", fee: "12" },
      { window_start: 8, gateway: "", fee: "0" },
    ]);
    expect(Object.keys(rows[0] ?? {})).toEqual(["window_start", "gateway", "fee"]);
  });

  it("decodes only the first `count` rows", () => {
    const data = [["a"], ["b"], ["c"]];
    expect(decodeCompactRows({ k: "string" }, meta(["k"]), data, 2)).toEqual([
      { k: "a" },
      { k: "b" },
    ]);
  });

  it("rejects missing, unexpected and duplicate columns", () => {
    const kinds = { a: "string", b: "string" } as const;
    for (const names of [["a"], ["a", "b", "c"], ["a", "b", "b"], ["a", "a"]])
      expect(() => decodeCompactRows(kinds, meta(names), [])).toThrow(RowDecodeError);
  });

  it("a whole GPU row decodes like GpuMetricsRowSchema parses its JSONEachRow twin", () => {
    const fields = Object.keys(GPU_METRICS_ROW_FIELDS);
    const sample: Record<string, unknown> = {};
    for (const [i, [f, kind]] of Object.entries(GPU_METRICS_ROW_FIELDS).entries())
      sample[f] = { integer: String(i), nullableInteger: null, number: i / 3 }[
        kind as "integer" | "nullableInteger" | "number"
      ];
    Object.assign(sample, {
      orchestrator_address: "0xabc",
      pipeline: "p",
      model_id: "m",
      gpu_id: "GPU-1",
      region: "",
      gpu_name: "RTX",
      runner_version: null,
      cuda_version: "12.1",
      avg_output_fps: null,
      jitter_coeff_fps: 0.25,
      p95_output_fps: 30,
      prompt_to_first_frame_ms: null,
      startup_time_ms: null,
      e2e_latency_ms: null,
      p95_prompt_to_first_frame_ms: null,
      p95_startup_time_ms: null,
      p95_e2e_latency_ms: null,
      health_completeness_ratio: 1,
      failure_rate: 0,
      swap_rate: null,
    });
    const reversed = [...fields].reverse();
    const [row] = decodeCompactRows(GPU_METRICS_ROW_FIELDS, meta(reversed), [
      reversed.map((f) => sample[f]),
    ]);
    expect(row).toStrictEqual(GpuMetricsRowSchema.parse(sample));
    expect(rowSchemaOf(GPU_METRICS_ROW_FIELDS).parse(sample)).toStrictEqual(row);
  });
});
