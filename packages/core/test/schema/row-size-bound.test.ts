import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { rowSizeUpperBound, utf8ByteLength, encodeRow } from "../../src/schema/encode-row.js";
import { FACT_TABLES } from "../../src/schema/fact-tables.js";
import type { TableSpec } from "../../src/schema/table-spec.js";

/** The bound's definition: 2 + Σ columns (name + 4 + (string ? 6·len + 2 : 32)). */
function definition(table: Table, row: Record<string, unknown>): number {
  let n = 2;
  for (const [name] of table.columns) {
    const v = row[name];
    n += name.length + 4 + (typeof v === "string" ? v.length * 6 + 2 : 32);
  }
  return n;
}

type Table = TableSpec<string, Record<string, unknown>>;

const value = fc.oneof(fc.string(), fc.double({ noNaN: true }), fc.constant(null), fc.boolean());

describe("rowSizeUpperBound", () => {
  it("equals its definition and bounds the encoded size, for any row of any fact table", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FACT_TABLES),
        fc.array(value, { maxLength: 40 }),
        (t, values) => {
          const table = t as unknown as Table;
          const row: Record<string, unknown> = {};
          table.columns.forEach(([name, type], i) => {
            const v = values[i];
            // Timestamp columns hold epoch ms; other columns any JSON-ish value.
            row[name] = type.includes("DateTime")
              ? typeof v === "number"
                ? Math.abs(Math.trunc(v)) % 1e13
                : null
              : v;
          });
          expect(rowSizeUpperBound(table, row)).toBe(definition(table, row));
          expect(utf8ByteLength(JSON.stringify(encodeRow(table, row)))).toBeLessThanOrEqual(
            rowSizeUpperBound(table, row),
          );
        },
      ),
    );
  });
});

describe("encodeRow strings", () => {
  it("are stored as their UTF-8 reading: lone surrogates become U+FFFD, exact length kept", () => {
    const table = FACT_TABLES[0] as unknown as Table;
    const name = table.columns.find(([, type]) => type === "String")?.[0] as string;
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const encoded = encodeRow(table, { [name]: s })[name] as string;
        expect(encoded).toBe(Buffer.from(s, "utf8").toString("utf8"));
        expect(utf8ByteLength(encoded)).toBe(utf8ByteLength(s));
        expect(JSON.stringify(encoded)).not.toMatch(/\\ud[89a-f]/i);
      }),
    );
    expect(encodeRow(table, { [name]: "a\ud800b" })[name]).toBe("a\ufffdb");
  });
});
