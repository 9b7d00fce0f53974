import type { SessionAccumulator } from "@livepeer-analytics/core";

/** A bounded LRU of session accumulators (the consumer's session state; sessions.md §4.3). */
export class SessionCache {
  private readonly map = new Map<string, SessionAccumulator>();

  constructor(readonly maxSessions: number) {}

  get size(): number {
    return this.map.size;
  }

  /** The accumulator of `id` (marking it most recently used), or undefined on a miss. */
  get(id: string): SessionAccumulator | undefined {
    const acc = this.map.get(id);
    if (acc !== undefined) {
      this.map.delete(id);
      this.map.set(id, acc);
    }
    return acc;
  }

  /** Stores `acc`, evicting the least recently used sessions beyond the bound. */
  set(acc: SessionAccumulator): void {
    this.map.delete(acc.workflowSessionId);
    this.map.set(acc.workflowSessionId, acc);
    while (this.map.size > this.maxSessions) {
      const oldest = this.map.keys().next().value;
      if (oldest === undefined) break;
      this.map.delete(oldest);
    }
  }

  clear(): void {
    this.map.clear();
  }
}
