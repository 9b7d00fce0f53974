import { z } from "zod";

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
