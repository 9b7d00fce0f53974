/** The part of `chdb/connection` this package uses. */
export interface ChdbConnectionLike {
  readonly chdb: {
    readonly session: { readonly path: string };
    rawInsert(params: {
      table: string;
      values: Buffer | Uint8Array | string;
      format: "JSONEachRow";
      settings?: Record<string, string | number | boolean>;
    }): Promise<{ rowsWritten: number }>;
  };
}

/** Raised when embedded mode is asked for but the optional `chdb` package is not installed. */
export class ChdbMissingError extends Error {
  override readonly name = "ChdbMissingError";
  constructor(cause: unknown) {
    super(
      "embedded mode needs the optional peer dependency `chdb` (npm install chdb), " +
        "or pass a ClickHouse server URL instead",
      { cause },
    );
  }
}

/**
 * Loads `chdb/connection` on demand (only embedded mode pays for the native library) and opens
 * a connection bound to the data directory `path`.
 */
export async function openChdbConnection(path: string): Promise<ChdbConnectionLike> {
  let mod: { createChdbConnection(o: { path: string }): unknown };
  try {
    mod = await import("chdb/connection");
  } catch (err) {
    throw new ChdbMissingError(err);
  }
  return mod.createChdbConnection({ path }) as ChdbConnectionLike;
}
