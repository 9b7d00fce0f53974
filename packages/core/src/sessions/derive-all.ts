import type { RawNetworkCapabilitiesRow } from "../events/raw-rows.js";
import { SnapshotIndex } from "../attribution/snapshot-index.js";
import type { DeriveOptions } from "./derivation-context.js";
import type { SessionFacts } from "./fact-rows.js";
import { deriveSession } from "./derive-session.js";
import { eventSessionId } from "./lifecycle-signal.js";
import type { LifecycleEvent } from "./lifecycle-signal.js";

/**
 * Batch derivation (sessions.md §4.3, `lpa` batch mode): groups events by
 * `workflow_session_id` and derives each session once against the whole snapshot set.
 * `snapshots` may be rows or a prebuilt {@link SnapshotIndex}. Map order = first appearance.
 */
export function deriveAll(
  events: Iterable<LifecycleEvent>,
  snapshots: Iterable<RawNetworkCapabilitiesRow> | SnapshotIndex,
  options?: DeriveOptions,
): Map<string, SessionFacts> {
  const index = snapshots instanceof SnapshotIndex ? snapshots : SnapshotIndex.from(snapshots);
  const groups = new Map<string, LifecycleEvent[]>();
  for (const e of events) {
    const id = eventSessionId(e);
    const g = groups.get(id);
    if (g === undefined) groups.set(id, [e]);
    else g.push(e);
  }
  const out = new Map<string, SessionFacts>();
  for (const [id, group] of groups) out.set(id, deriveSession(group, index, options));
  return out;
}
