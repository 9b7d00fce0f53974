import type { LifecycleEvent } from "@livepeer-analytics/core";

/**
 * A bounded pool of string instances. Every record is parsed on its own, so the ids, addresses,
 * pipeline, gateway and state strings of one session's events are separate copies of equal
 * text; sharing one instance keeps the session cache small without changing any value (facts
 * compare strings by value). When the pool reaches `maxEntries` it starts over (a string that
 * is not found is simply kept as is).
 */
export class StringPool {
  private readonly pool = new Map<string, string>();

  constructor(readonly maxEntries = 200_000) {}

  /** The pooled instance equal to `s`. */
  intern(s: string): string {
    const hit = this.pool.get(s);
    if (hit !== undefined) return hit;
    if (this.pool.size >= this.maxEntries) this.pool.clear();
    this.pool.set(s, s);
    return s;
  }

  /** Forgets every pooled string (with the session cache: nothing else holds them). */
  clear(): void {
    this.pool.clear();
  }

  /**
   * `event` with every string column of its row pooled, except `raw_event_uid` (unique per
   * event) and `raw_json` (empty in lifecycle events).
   */
  internEvent(event: LifecycleEvent): LifecycleEvent {
    const row: Record<string, unknown> = { ...event.row };
    for (const k in row) {
      const v = row[k];
      if (typeof v === "string" && k !== "raw_event_uid" && k !== "raw_json")
        row[k] = this.intern(v);
    }
    return { family: event.family, row } as unknown as LifecycleEvent;
  }
}
