import type { SessionAccumulator } from "@livepeer-analytics/core";
import type { EmittedContent } from "./fact-emission.js";

/**
 * The keyed fact rows last written for the most recently derived sessions (sessions.md §4.5
 * omission), bounded: a session that fell out (or was never derived here) has none, and its next
 * derivation writes all its rows. Keyed by accumulator, so a session rebuilt from storage starts
 * with nothing known.
 */
export class RecentEmissions {
  private readonly map = new Map<SessionAccumulator, EmittedContent>();

  /** @param maxSessions how many sessions' rows are kept (each holds its derived keyed rows). */
  constructor(readonly maxSessions: number) {}

  /** The content of `acc` (marked most recently used), created empty when unknown. */
  of(acc: SessionAccumulator): EmittedContent {
    let content = this.map.get(acc);
    if (content !== undefined) this.map.delete(acc);
    else content = new Map();
    this.map.set(acc, content);
    while (this.map.size > this.maxSessions) {
      const oldest = this.map.keys().next().value;
      if (oldest === undefined) break;
      this.map.delete(oldest);
    }
    return content;
  }

  /** Forgets what was written for `acc` (its next derivation writes every row). */
  forget(acc: SessionAccumulator): void {
    this.map.delete(acc);
  }

  clear(): void {
    this.map.clear();
  }
}
