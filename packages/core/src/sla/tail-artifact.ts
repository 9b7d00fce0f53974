import type { FactStreamStatusSampleRow, FactWorkflowSessionRow } from "../sessions/fact-rows.js";
import { tupleKey } from "./bucket-groups.js";
import { bucketStart, HOUR_MS } from "./granularity.js";

/** The five-part sample key of the GPU-metrics and SLA views, nulls as `""` (serving.md §2, §5). */
export type PlacementKey = readonly [
  orchestrator_address: string,
  pipeline: string,
  model_id: string,
  gpu_id: string,
  region: string,
];

/** (orchestrator_address, pipeline, model_id, gpu_id, region) of a status sample, nulls → `""`. */
export function statusPlacementKey(s: FactStreamStatusSampleRow): PlacementKey {
  return [s.orchestrator_address, s.pipeline, s.model_id ?? "", s.gpu_id ?? "", s.region ?? ""];
}

interface HourStats {
  n: number;
  f: number;
  r: number;
}

/** True for the states that count as "running" in `noWork` (serving.md §5.1, exact match). */
function isRunningState(state: string): boolean {
  return state === "ONLINE" || state === "DEGRADED_INFERENCE" || state === "DEGRADED_INPUT";
}

/** `noWork`: no sample with output_fps > 0, none running, fewer than 3 samples. */
function noWork(h: HourStats): boolean {
  return h.f === 0 && h.r === 0 && h.n < 3;
}

function groupId(sessionId: string, hour: number, key: PlacementKey): string {
  return `${hour}|${tupleKey([sessionId, ...key])}`;
}

/**
 * Removes the samples of terminal-tail artifact groups (serving.md §5.1), always decided on
 * 1-hour buckets. (X, H, K) is an artifact when X's `L_sessions` row has
 * `session_start_ts < H`, a non-null `session_end_ts` in [H, H + 1 h), `noWork(H)`, and X has
 * samples under K in H − 1 h with `noWork(H − 1 h)`. Samples of sessions absent from
 * `L_sessions` are never artifacts.
 * @example start 19:30, LOADING 0-fps samples at 20:59:59 and 21:00:05, end 21:00:10 →
 *   the 21:00 sample is dropped, the 20:59:59 one is kept.
 */
export function dropTailArtifacts(
  status: ReadonlyArray<FactStreamStatusSampleRow>,
  sessions: ReadonlyMap<string, FactWorkflowSessionRow>,
): FactStreamStatusSampleRow[] {
  const ids: string[] = new Array<string>(status.length);
  const hours = new Map<string, HourStats>();
  for (let i = 0; i < status.length; i++) {
    const s = status[i] as FactStreamStatusSampleRow;
    const id = groupId(
      s.workflow_session_id,
      bucketStart(s.sample_ts, HOUR_MS),
      statusPlacementKey(s),
    );
    ids[i] = id;
    let h = hours.get(id);
    if (h === undefined) hours.set(id, (h = { n: 0, f: 0, r: 0 }));
    h.n += 1;
    if (s.output_fps > 0) h.f += 1;
    if (isRunningState(s.state)) h.r += 1;
  }
  const artifact = new Map<string, boolean>();
  const out: FactStreamStatusSampleRow[] = [];
  for (let i = 0; i < status.length; i++) {
    const s = status[i] as FactStreamStatusSampleRow;
    const id = ids[i] as string;
    let a = artifact.get(id);
    if (a === undefined) artifact.set(id, (a = isArtifact(s, hours, sessions)));
    if (!a) out.push(s);
  }
  return out;
}

function isArtifact(
  s: FactStreamStatusSampleRow,
  hours: ReadonlyMap<string, HourStats>,
  sessions: ReadonlyMap<string, FactWorkflowSessionRow>,
): boolean {
  const x = sessions.get(s.workflow_session_id);
  if (x === undefined || x.session_end_ts === null) return false;
  const h = bucketStart(s.sample_ts, HOUR_MS);
  const end = x.session_end_ts;
  if (!(x.session_start_ts < h && h <= end && end < h + HOUR_MS)) return false;
  const key = statusPlacementKey(s);
  const cur = hours.get(groupId(s.workflow_session_id, h, key));
  const prev = hours.get(groupId(s.workflow_session_id, h - HOUR_MS, key));
  return cur !== undefined && noWork(cur) && prev !== undefined && noWork(prev);
}
