import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { once } from "node:events";

/** Characters gathered per file before one write. */
const CHUNK_CHARS = 1 << 20;

/**
 * Writes JSON Lines tables into a directory, one `<table>.jsonl` per table, with backpressure:
 * `write` resolves immediately unless the file's buffer is full, then waits for it to drain.
 */
export class JsonlTableWriter {
  readonly #dir: string;
  readonly #streams = new Map<string, WriteStream>();
  readonly #counts = new Map<string, number>();
  readonly #pending = new Map<string, string[]>();
  readonly #pendingChars = new Map<string, number>();
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

  /**
   * Appends one serialized row (a JSON object text) to `table`. Lines are gathered into chunks of
   * about {@link CHUNK_CHARS} characters per file (one small write per row is slow); returns a
   * promise only when the file's buffer is full and the caller must wait for it to drain.
   */
  write(table: string, line: string): Promise<void> | undefined {
    this.#stream(table);
    this.#counts.set(table, (this.#counts.get(table) ?? 0) + 1);
    let lines = this.#pending.get(table);
    if (lines === undefined) this.#pending.set(table, (lines = []));
    lines.push(line);
    const chars = (this.#pendingChars.get(table) ?? 0) + line.length + 1;
    this.#pendingChars.set(table, chars);
    return chars >= CHUNK_CHARS ? this.#flushTable(table) : undefined;
  }

  #flushTable(table: string): Promise<void> | undefined {
    const lines = this.#pending.get(table);
    if (lines === undefined || lines.length === 0) return undefined;
    this.#pending.set(table, []);
    this.#pendingChars.set(table, 0);
    const s = this.#stream(table);
    return s.write(lines.join("\n") + "\n") ? undefined : once(s, "drain").then(() => undefined);
  }

  /** Rows written per table so far. */
  counts(): ReadonlyMap<string, number> {
    return this.#counts;
  }

  /** Flushes and closes every file; idempotent. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const table of this.#pending.keys()) void this.#flushTable(table);
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
