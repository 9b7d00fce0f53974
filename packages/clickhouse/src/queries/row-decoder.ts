/**
 * Decoding of serving-query answers in ClickHouse's `JSONCompact` format (a header of column
 * names and one array of values per row) into API row objects. The per-field rules are the
 * zod field types of row-fields.ts, checked with plain comparisons: a page of 1000 GPU rows is
 * 46 000 values, which zod's per-value pipelines made a large share of a query's time.
 */

/**
 * How one API field is decoded (the twin of a row-fields.ts zod type):
 * - `integer`: a non-negative safe integer, as a JSON number or a decimal string (64-bit
 *   integers may be quoted); returned as a number.
 * - `nullableInteger`: `integer` or null.
 * - `number`: a finite double. `nullableNumber`: a finite double or null.
 * - `string`: any string (grain keys: `""` for a missing value). `nullableString`: string or null.
 * - `decimalString`: a string of decimal digits (exact integers beyond 2^53, e.g. wei).
 */
export type FieldKind =
  | "integer"
  | "nullableInteger"
  | "number"
  | "nullableNumber"
  | "string"
  | "nullableString"
  | "decimalString";

/** The kind of every field of `Row`, in the API's field order (the decoded objects' key order). */
export type RowFieldKinds<Row> = { readonly [K in keyof Row]-?: FieldKind };

/** One column of a `JSONCompact` answer's `meta` header. */
export interface CompactColumn {
  readonly name: string;
  readonly type: string;
}

/**
 * An answer that does not have the row contract's shape: missing or unexpected columns, or a
 * value of the wrong kind. A bug in the SQL, not in the request: retrying cannot help.
 */
export class RowDecodeError extends Error {
  override readonly name = "RowDecodeError";
  readonly retryable = false;
}

const DIGITS = /^\d+$/;
const BAD = Symbol("bad value");

/** A non-negative safe integer from a number or a decimal string, else BAD. */
function integer(v: unknown): number | typeof BAD {
  const n = typeof v === "string" && DIGITS.test(v) ? Number(v) : v;
  return typeof n === "number" && Number.isSafeInteger(n) && n >= 0 ? n : BAD;
}

/** The value checks of each kind: the decoded value, or BAD. */
const DECODERS: Readonly<Record<FieldKind, (v: unknown) => unknown>> = {
  integer,
  nullableInteger: (v) => (v === null ? null : integer(v)),
  number: (v) => (typeof v === "number" && Number.isFinite(v) ? v : BAD),
  nullableNumber: (v) => (v === null || (typeof v === "number" && Number.isFinite(v)) ? v : BAD),
  string: (v) => (typeof v === "string" ? v : BAD),
  nullableString: (v) => (v === null || typeof v === "string" ? v : BAD),
  decimalString: (v) => (typeof v === "string" && DIGITS.test(v) ? v : BAD),
};

/** A field of the row contract: its name, column index in the answer, kind and value check. */
interface FieldColumn {
  readonly name: string;
  readonly at: number;
  readonly kind: FieldKind;
  readonly decode: (v: unknown) => unknown;
}

/** The fields of `kinds` located in `meta`; throws unless the column names match exactly. */
function fieldColumns(
  kinds: Readonly<Record<string, FieldKind>>,
  meta: readonly CompactColumn[],
): FieldColumn[] {
  const at = new Map(meta.map((c, i) => [c.name, i]));
  const fields = Object.entries(kinds);
  const missing = fields.filter(([f]) => !at.has(f)).map(([f]) => f);
  const extra = meta.filter((c) => !Object.hasOwn(kinds, c.name)).map((c) => c.name);
  if (missing.length > 0 || extra.length > 0 || at.size !== meta.length)
    throw new RowDecodeError(
      `answer columns differ from the row contract: missing [${missing.join(", ")}], unexpected [${extra.join(", ")}]`,
    );
  return fields.map(([name, kind]) => ({
    name,
    at: at.get(name) as number,
    kind,
    decode: DECODERS[kind],
  }));
}

/**
 * Decodes the first `count` rows of a `JSONCompact` answer (`meta`, `data`) into objects with
 * exactly the fields of `kinds`, in its order, each value checked and converted per its
 * {@link FieldKind}.
 * @throws RowDecodeError when the columns are not exactly the fields, or a value is not of its kind.
 * @example decodeCompactRows({ w: "integer", k: "string" }, [{ name: "k", type: "String" },
 *   { name: "w", type: "Int64" }], [["a", "7"]]) // [{ w: 7, k: "a" }]
 */
export function decodeCompactRows<Row>(
  kinds: RowFieldKinds<Row>,
  meta: readonly CompactColumn[],
  data: readonly (readonly unknown[])[],
  count = data.length,
): Row[] {
  const columns = fieldColumns(kinds, meta);
  const rows: Row[] = [];
  for (const values of data.slice(0, count)) {
    const row: Record<string, unknown> = {};
    for (const c of columns) {
      const v = c.decode(values[c.at]);
      if (v === BAD)
        throw new RowDecodeError(
          `row ${rows.length}: ${c.name} is not a valid ${c.kind}: ${JSON.stringify(values[c.at])}`,
        );
      row[c.name] = v;
    }
    rows.push(row as Row);
  }
  return rows;
}
