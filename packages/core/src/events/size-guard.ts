import { encodeRow, rowSizeUpperBound, utf8ByteLength } from "../schema/encode-row.js";
import type { EncodedRow } from "../schema/encode-row.js";
import type { TableSpec } from "../schema/table-spec.js";
import type { AcceptedEnvelope } from "./accepted-envelope.js";
import { envelopeRejection } from "./rejection.js";
import type { Rejection } from "./rejection.js";

/** Default `maxRecordBytes` (events.md §9, §10). */
export const MAX_RECORD_BYTES = 1_000_000;

/** A row encoded for storage, its JSONEachRow line and its size. */
export interface SizedRow {
  readonly encoded: EncodedRow;
  /** `JSON.stringify(encoded)` — write this line as is. */
  readonly json: string;
  /** UTF-8 byte length of `json`. */
  readonly bytes: number;
  /** True when `bytes > limit` (strictly; `bytes = limit` passes). */
  readonly oversize: boolean;
}

/**
 * Encodes a row (events.md §9) and measures it: size = UTF-8 bytes of
 * `JSON.stringify(encodeRow(table, row))`; oversize when strictly above `limit`.
 * Use directly for fact and DLQ rows (dropped and counted when oversize, never re-rejected).
 */
export function sizeRow<Row>(
  table: TableSpec<string, Row>,
  row: Row,
  limit: number = MAX_RECORD_BYTES,
): SizedRow {
  const encoded = encodeRow(table, row);
  const json = JSON.stringify(encoded);
  const bytes = utf8ByteLength(json);
  return { encoded, json, bytes, oversize: bytes > limit };
}

/** Outcome of {@link guardRowSize}: the row to write, or a SINK_GUARD rejection of its record. */
export type GuardedRow =
  | { readonly kind: "ok"; readonly row: SizedRow }
  | { readonly kind: "rejected"; readonly bytes: number; readonly rejection: Rejection };

/**
 * Size guard of a typed or `raw_unknown_events` row (events.md §9): an oversize row is not
 * written and its source record gets a SINK_GUARD/RECORD_TOO_LARGE/record_too_large rejection
 * with details `Row size <n> exceeds limit <limit>`. The guard is per row: the record's other
 * rows are still written.
 * @example (E8) limit 10, an 11-byte row → rejected, "Row size 11 exceeds limit 10"
 */
export function guardRowSize<Row>(
  table: TableSpec<string, Row>,
  row: Row,
  envelope: AcceptedEnvelope,
  limit: number = MAX_RECORD_BYTES,
): GuardedRow {
  const sized = sizeRow(table, row, limit);
  if (!sized.oversize) return { kind: "ok", row: sized };
  const details = `Row size ${sized.bytes} exceeds limit ${limit}`;
  return {
    kind: "rejected",
    bytes: sized.bytes,
    rejection: envelopeRejection(envelope, "record_too_large", details),
  };
}

/**
 * True when the row's encoded JSON exceeds `limit` UTF-8 bytes (events.md §9, strictly), measured
 * exactly only when the cheap {@link rowSizeUpperBound} is over the limit, so rows far below it
 * are never serialized for the check.
 */
export function exceedsSizeLimit<Row>(
  table: TableSpec<string, Row>,
  row: Row,
  limit: number = MAX_RECORD_BYTES,
): boolean {
  return rowSizeUpperBound(table, row) > limit && sizeRow(table, row, limit).oversize;
}
