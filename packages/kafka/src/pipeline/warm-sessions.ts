import type { SessionAccumulator } from "@livepeer-analytics/core";

/**
 * The most recently derived sessions whose accumulators keep core's finish cache (their last
 * facts and machine states): a live session's next derivation then resumes from where the last
 * one stopped, and a re-derivation that new snapshots do not affect costs nothing. Beyond the
 * bound the oldest drop their cache (memory goes back to the events alone; their next derivation
 * starts from scratch, with the same result).
 */
export class WarmSessions {
  private readonly order = new Set<SessionAccumulator>();

  /** @param maxSessions how many accumulators keep their cache. */
  constructor(readonly maxSessions: number) {}

  /** Marks `acc` as just derived; drops the cache of the least recent beyond the bound. */
  touch(acc: SessionAccumulator): void {
    this.order.delete(acc);
    this.order.add(acc);
    while (this.order.size > this.maxSessions) {
      const oldest = this.order.values().next().value;
      if (oldest === undefined) break;
      this.order.delete(oldest);
      oldest.cache = null;
    }
  }

  /** How many accumulators keep their cache now. */
  get size(): number {
    return this.order.size;
  }

  /** Forgets every accumulator (their caches are left to the garbage collector with them). */
  clear(): void {
    this.order.clear();
  }
}
