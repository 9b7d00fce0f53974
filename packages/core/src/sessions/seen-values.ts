/**
 * A set of strings that is only asked how many distinct values were added ({@link size}), for
 * the accumulator's seen pipelines, models and canonical addresses (sessions.md §8.1). The session
 * accumulator adds the same value at nearly every signal
 * (its pipeline, model and orchestrator rarely change), so a repeat of the last value added
 * returns before touching the underlying `Set` (no hashing, no probe).
 */
export class SeenValues {
  private readonly values = new Set<string>();
  private last: string | null = null;

  /** Adds `value` (set semantics). */
  add(value: string): void {
    if (value === this.last) return;
    this.last = value;
    this.values.add(value);
  }

  /** Number of distinct values added. */
  get size(): number {
    return this.values.size;
  }
}
