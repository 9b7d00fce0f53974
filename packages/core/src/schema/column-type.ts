/** ClickHouse column types used by the tables of the spec. */
export type ColumnType =
  | "String"
  | "LowCardinality(String)"
  | "Nullable(String)"
  | "UInt8"
  | "UInt16"
  | "UInt32"
  | "UInt64"
  | "Int32"
  | "Int64"
  | "Float64"
  | "Nullable(UInt8)"
  | "Nullable(UInt64)"
  | "Nullable(Int32)"
  | "Nullable(Int64)"
  | "Nullable(Float64)"
  | "Nullable(UInt256)"
  | "DateTime64(3)"
  | "Nullable(DateTime64(3))";

/** True for the two timestamp column types (values are epoch ms in TypeScript rows). */
export function isTimestampType(t: ColumnType): boolean {
  return t === "DateTime64(3)" || t === "Nullable(DateTime64(3))";
}
