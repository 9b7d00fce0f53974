import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { once } from "node:events";

/**
 * Writes JSON Lines tables into a directory, one `<table>.jsonl` per table, with backpressure:
 * `write` resolves immediately unless the file's buffer is full, then waits for it to drain.
 */
export class JsonlTableWriter {
  readonly #dir: string;
  readonly #streams = new Map<string, WriteStream>();
  readonly #counts = new Map<string, number>();
  #closed = false;

  private constructor(dir: string) {
    this.#dir = dir;
  }

  /** Creates the directory (recursively) and a writer for it. */
  static async open(dir: string, tables: readonly string[]): Promise<JsonlTableWriter> {
    await mkdir(dir, { recursive: true });
    const w = new JsonlTableWriter(dir);
    for (const t of tables) w.#stream(t);
    return w;
  }

  #stream(table: string): WriteStream {
    let s = this.#streams.get(table);
    if (!s) {
      s = createWriteStream(join(this.#dir, `${table}.jsonl`));
      this.#streams.set(table, s);
      this.#counts.set(table, 0);
    }
    return s;
  }

  /** Appends one serialized row (a JSON object text) to `table`. */
  async write(table: string, line: string): Promise<void> {
    const s = this.#stream(table);
    this.#counts.set(table, (this.#counts.get(table) ?? 0) + 1);
    if (!s.write(`${line}\n`)) await once(s, "drain");
  }

  /** Rows written per table so far. */
  counts(): ReadonlyMap<string, number> {
    return this.#counts;
  }

  /** Flushes and closes every file; idempotent. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all(
      [...this.#streams.values()].map(
        (s) =>
          new Promise<void>((resolve, reject) => {
            s.once("error", reject);
            s.end(() => resolve());
          }),
      ),
    );
  }
}
