// A small, independent implementation of events.md §3–§4 (+ the §9 size guard for records
// over 1,000,000 bytes) used to check what the arbitraries claim. Deliberately does not import
// core's validator.
import type { ExpectedOutcome } from "../../src/arbitraries/expected-outcome.js";

type J = null | boolean | number | string | J[] | { [k: string]: J };

const FAMILIES: Record<string, readonly string[]> = {
  ai_stream_status: ["data.stream_id", "data.request_id", "data.pipeline"],
  stream_ingest_metrics: ["data.stream_id", "data.request_id"],
  stream_trace: ["id", "data.stream_id", "data.request_id", "data.type"],
  network_capabilities: ["data"],
  ai_stream_events: ["data.stream_id", "data.request_id", "data.pipeline", "data.type"],
  discovery_results: ["data"],
  create_new_payment: [
    "data.sessionID",
    "data.manifestID",
    "data.sender",
    "data.recipient",
    "data.orchestrator",
    "data.faceValue",
    "data.numTickets",
    "data.price",
    "data.winProb",
  ],
};

const isObj = (v: unknown): v is { [k: string]: J } =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

function javaTrim(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) <= 0x20) a++;
  while (b > a && s.charCodeAt(b - 1) <= 0x20) b--;
  return s.slice(a, b);
}

/** `ts` of events.md §1.2: true when the value yields a timestamp. */
export function tsPresent(v: J | undefined): boolean {
  if (typeof v === "number") {
    const t = Math.trunc(v);
    return t >= 0 && t <= 9_999_999_999_999;
  }
  if (typeof v === "string") {
    const s = javaTrim(v);
    if (!/^[0-9]+$/.test(s)) return false;
    const n = BigInt(s);
    return n >= 0n && n <= 9_999_999_999_999n;
  }
  return false;
}

function versionText(root: { [k: string]: J }): string | undefined {
  let v: J | undefined = root["version"];
  if (v === undefined || v === null) v = isObj(root["data"]) ? root["data"]["version"] : undefined;
  if (v === undefined || v === null) return undefined;
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(Math.trunc(v));
  if (typeof v === "boolean") return String(v);
  return "";
}

function pathValue(root: J, path: string): J | undefined {
  let cur: J | undefined = root;
  for (const k of path.split(".")) {
    if (!isObj(cur) || !has(cur, k)) return undefined;
    cur = cur[k];
  }
  return cur;
}

const rej = (reason: string, detail?: string): ExpectedOutcome =>
  (detail === undefined
    ? { kind: "rejected", reason }
    : { kind: "rejected", reason, detail }) as ExpectedOutcome;

/** What events.md prescribes for one record. */
export function checkRecord(record: string | Uint8Array | null): ExpectedOutcome {
  if (record === null) return rej("null_payload");
  const text = typeof record === "string" ? record : new TextDecoder("utf-8").decode(record);
  let root: J;
  try {
    root = JSON.parse(text) as J;
  } catch {
    return rej("json_parse_error");
  }
  if (!isObj(root)) return rej("root_not_object");
  if (typeof root["type"] !== "string") return rej("missing_type");
  if (!has(root, "timestamp") || !tsPresent(root["timestamp"])) return rej("missing_timestamp");
  if (!has(root, "data")) return rej("missing_data");
  const oversize = new TextEncoder().encode(text).length > 1_000_000;
  const type = root["type"];
  const required = has(FAMILIES, type) ? FAMILIES[type] : undefined;
  if (required === undefined) return oversize ? rej("record_too_large") : { kind: "unknown" };
  const v = versionText(root);
  if (v !== undefined && v !== "1" && v !== "v1") return rej("unsupported_version", v);
  for (const p of required) {
    const val = pathValue(root, p);
    if (val === undefined || val === null || val === "") return rej("missing_field", p);
  }
  const data = root["data"];
  if (type === "discovery_results" && !(Array.isArray(data) && data.length > 0))
    return rej("empty_array");
  if (type === "network_capabilities" && !(isObj(data) || Array.isArray(data)))
    return rej("invalid_data_shape");
  return oversize ? rej("record_too_large") : { kind: "accepted" };
}
