// Groups simulated envelopes per workflow session and indexes capability rows, for checks
// that the simulator's ground truth is consistent with the events it emitted.
import type { JsonObject, JsonValue } from "@livepeer-analytics/core";
import { workflowSessionId } from "@livepeer-analytics/core";

export const LIFECYCLE = new Set(["ai_stream_status", "stream_trace", "ai_stream_events"]);

const obj = (v: JsonValue | undefined): JsonObject =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? v : {};
const str = (v: JsonValue | undefined): string => (typeof v === "string" ? v : "");

export interface Signal {
  readonly id: string;
  readonly family: string;
  readonly ts: number;
  readonly traceType: string;
  readonly hot: string;
  readonly url: string;
  readonly pipeline: string;
  readonly env: JsonObject;
}

/** The signal view of a lifecycle envelope (sessions.md §3). */
export function toSignal(env: JsonObject): Signal {
  const data = obj(env["data"]);
  const info = obj(data["orchestrator_info"]);
  const envTs = Number(env["timestamp"]);
  const dataTs = typeof data["timestamp"] === "number" ? data["timestamp"] : 0;
  return {
    id: str(env["id"]),
    family: str(env["type"]),
    ts: env["type"] === "stream_trace" && dataTs !== 0 ? dataTs : envTs,
    traceType: env["type"] === "stream_trace" ? str(data["type"]) : "",
    hot: str(info["address"]).trim().toLowerCase(),
    url: str(info["url"]),
    pipeline: env["type"] === "stream_trace" ? "" : str(data["pipeline"]),
    env,
  };
}

/** Distinct lifecycle signals per workflow session id (dedup by event id). */
export function signalsBySession(events: readonly JsonObject[]): Map<string, Signal[]> {
  const seen = new Set<string>();
  const out = new Map<string, Signal[]>();
  for (const env of events) {
    if (!LIFECYCLE.has(str(env["type"]))) continue;
    const id = str(env["id"]);
    if (seen.has(id)) continue;
    seen.add(id);
    const data = obj(env["data"]);
    const wsid = workflowSessionId(str(data["stream_id"]), str(data["request_id"]), id);
    const list = out.get(wsid) ?? [];
    list.push(toSignal(env));
    out.set(wsid, list);
  }
  for (const list of out.values())
    list.sort((a, b) => a.ts - b.ts || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out;
}

export interface CapRow {
  readonly ts: number;
  readonly canonical: string;
  readonly hot: string;
  readonly url: string;
  readonly model: string;
  readonly gpuId: string | null;
}

/** Hardware snapshot rows (one per GPU) and hardware-less rows of every capability event. */
export function capabilityRows(events: readonly JsonObject[]): CapRow[] {
  const rows: CapRow[] = [];
  const seen = new Set<string>();
  for (const env of events) {
    if (env["type"] !== "network_capabilities" || seen.has(str(env["id"]))) continue;
    seen.add(str(env["id"]));
    const ts = Number(env["timestamp"]);
    for (const el of Array.isArray(env["data"]) ? env["data"] : []) {
      const e = obj(el);
      const base = {
        ts,
        canonical: str(e["address"]).toLowerCase(),
        hot: str(e["local_address"]).toLowerCase(),
        url: str(e["orch_uri"]),
      };
      const hw = Array.isArray(e["hardware"]) ? e["hardware"] : [];
      for (const h of hw) {
        const g = obj(obj(obj(h)["gpu_info"])["0"]);
        rows.push({ ...base, model: str(obj(h)["model_id"]), gpuId: str(g["id"]) || null });
      }
      if (hw.length === 0) {
        const models = obj(
          obj(obj(obj(obj(e["capabilities"])["constraints"])["PerCapability"])["33"])["models"],
        );
        for (const m of Object.keys(models)) rows.push({ ...base, model: m, gpuId: null });
      }
    }
  }
  return rows;
}
