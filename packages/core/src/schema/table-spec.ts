import type { ColumnType } from "./column-type.js";

/** One column: its name in the row and in ClickHouse, and its ClickHouse type. */
export type ColumnSpec<Row> = readonly [name: keyof Row & string, type: ColumnType];

/**
 * A table of the spec: name, and the ordered columns of its TypeScript row type. Build it with
 * {@link defineTable}, which checks at compile time that the column list names exactly the keys
 * of `Row` (a column cannot exist in TypeScript without existing in ClickHouse, and vice versa).
 */
export interface TableSpec<Name extends string = string, Row = unknown> {
  readonly name: Name;
  readonly columns: ReadonlyArray<ColumnSpec<Row>>;
  /** Names of the columns whose TypeScript value is epoch ms, rendered as DateTime64(3) text. */
  readonly timestampColumns: ReadonlyArray<keyof Row & string>;
}

type MissingKeys<Row, Listed> = Exclude<keyof Row & string, Listed>;

/**
 * Declares a table. The `columns` tuple must cover every key of `Row`; a missing key is a type
 * error naming it.
 */
export function defineTable<Row>() {
  return <Name extends string, const Cols extends ReadonlyArray<ColumnSpec<Row>>>(
    name: Name,
    columns: Cols &
      (MissingKeys<Row, Cols[number][0]> extends never
        ? unknown
        : { __missing_columns__: MissingKeys<Row, Cols[number][0]> }),
  ): TableSpec<Name, Row> => ({
    name,
    columns,
    timestampColumns: columns
      .filter(([, t]) => t === "DateTime64(3)" || t === "Nullable(DateTime64(3))")
      .map(([n]) => n),
  });
}
