import { z } from "zod";
import type { FieldKind } from "./row-decoder.js";

/**
 * zod field types of the API rows as ClickHouse returns them in JSONEachRow with 64-bit
 * integers quoted (`output_format_json_quote_64bit_integers = 1`).
 */

/** A non-negative integer that may arrive as a decimal string (UInt64/Int64), as a safe number. */
export const integerField = z
  .union([z.number(), z.string().regex(/^\d+$/, "decimal integer").transform(Number)])
  .pipe(z.number().int().nonnegative().refine(Number.isSafeInteger, "not a safe integer"));

/** {@link integerField} or null (e.g. `gpu_memory_total`). */
export const nullableIntegerField = integerField.nullable();

/** A finite double (sums). */
export const numberField = z.number();

/** A double or null (ratios, averages, quantiles: null when the denominator or sample is empty). */
export const nullableNumberField = z.number().nullable();

/** A grain key: never null, `""` for a missing value. */
export const keyField = z.string();

/** Bucket start as epoch milliseconds (Int64, quoted). */
export const windowStartField = integerField;

/** An exact non-negative integer as a decimal string (`fee_payment_wei`). */
export const decimalStringField = z.string().regex(/^\d+$/, "decimal integer string");

/** A string or null (GPU metadata text). */
export const nullableStringField = z.string().nullable();

/** The zod type of each {@link FieldKind} (what row-decoder.ts checks without zod). */
export const FIELD_SCHEMAS = {
  integer: integerField,
  nullableInteger: nullableIntegerField,
  number: numberField,
  nullableNumber: nullableNumberField,
  string: keyField,
  nullableString: nullableStringField,
  decimalString: decimalStringField,
} as const satisfies Record<FieldKind, z.ZodType>;

/** The zod shape of a field-kind table. */
type ShapeOf<K extends Readonly<Record<string, FieldKind>>> = {
  -readonly [P in keyof K]: (typeof FIELD_SCHEMAS)[K[P]];
};

/**
 * The strict zod schema of a row whose fields have the kinds `kinds` (same fields, same order
 * and rules as `decodeCompactRows` with `kinds`).
 * @example rowSchemaOf({ window_start: "integer", gateway: "string" }).parse({ window_start: "7", gateway: "" })
 */
export function rowSchemaOf<const K extends Readonly<Record<string, FieldKind>>>(
  kinds: K,
): z.ZodObject<ShapeOf<K>, z.core.$strict> {
  const shape = Object.fromEntries(
    Object.entries(kinds).map(([name, kind]) => [name, FIELD_SCHEMAS[kind]]),
  );
  return z.strictObject(shape as ShapeOf<K>);
}
