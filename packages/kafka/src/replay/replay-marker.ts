/** Value of `__replay_source` on envelopes re-published from the DLQ. */
export const DLQ_REPLAY_SOURCE = "dlq";

/**
 * The record text to re-publish for a stored DLQ payload (events.md §2, §5.2): the original JSON
 * object with `"__replay":true`, `"__replay_ts":<nowMs>` and `"__replay_source":"dlq"` appended,
 * or null when the payload cannot carry markers (`base64` bodies of non-JSON records, empty
 * bodies of null records, JSON that is not an object).
 *
 * The original text is kept byte for byte (no re-serialization: large integers and key order
 * survive); the markers are appended last, so they win over `__replay*` keys of an earlier
 * replay. `__replay*` keys are excluded from the dedup key (events.md §6.1), so a replayed copy
 * of an event that was accepted meanwhile is quarantined, never counted twice.
 *
 * @example markReplay("json", '{"type":"x"}', 5) === '{"type":"x","__replay":true,"__replay_ts":5,"__replay_source":"dlq"}'
 */
export function markReplay(encoding: string, body: string, nowMs: number): string | null {
  if (encoding !== "json") return null;
  let root: unknown;
  try {
    root = JSON.parse(body);
  } catch {
    return null;
  }
  if (root === null || typeof root !== "object" || Array.isArray(root)) return null;
  const end = body.lastIndexOf("}");
  const markers = `"__replay":true,"__replay_ts":${Math.trunc(nowMs)},"__replay_source":"${DLQ_REPLAY_SOURCE}"`;
  const sep = Object.keys(root).length === 0 ? "" : ",";
  return `${body.slice(0, end)}${sep}${markers}${body.slice(end)}`;
}
