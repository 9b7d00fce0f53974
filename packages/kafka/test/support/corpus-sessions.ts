import {
  createRecordParser,
  lifecycleEventsOf,
  SnapshotIndex,
  type LifecycleEvent,
  type RawNetworkCapabilitiesRow,
  type RawTypedTableName,
} from "@livepeer-analytics/core";
import { corpus } from "./kafka-harness.js";

/** A simulated corpus parsed as core does: lifecycle events by session, in input order. */
export interface CorpusSessions {
  readonly bySession: Map<string, LifecycleEvent[]>;
  /** Every capability snapshot row of the corpus. */
  readonly index: SnapshotIndex;
}

/** The sessions and snapshots of `corpus(sessions, seed)`. */
export function corpusSessions(sessions: number, seed: number): CorpusSessions {
  const parse = createRecordParser({ org: "o" });
  const index = new SnapshotIndex();
  const bySession = new Map<string, LifecycleEvent[]>();
  for (const line of corpus(sessions, seed)) {
    const r = parse(line, { topic: "t", partition: 0, offset: 0, recordTimestamp: null });
    if (r.kind !== "accepted") continue;
    for (const name of Object.keys(r.rows) as RawTypedTableName[])
      for (const row of r.rows[name] ?? []) {
        if (name === "raw_network_capabilities") index.add(row as RawNetworkCapabilitiesRow);
        for (const ev of lifecycleEventsOf(name, row)) {
          const id = ev.row.workflow_session_id;
          const list = bySession.get(id);
          if (list === undefined) bySession.set(id, [ev]);
          else list.push(ev);
        }
      }
  }
  return { bySession, index };
}
