/**
 * The six excusable substrings of sessions.md §5.2 (kept here, independently of core, so the
 * simulator's ground truth is an oracle for the core derivation rather than a copy of it).
 */
export const EXCUSABLE_SUBSTRINGS: readonly string[] = [
  "no orchestrators available",
  "mediamtx ingest disconnected",
  "whip disconnected",
  "missing video",
  "ice connection state failed",
  "user disconnected",
];

/**
 * True when `message` is non-blank and its lowercase form contains an excusable substring
 * (sessions.md §5.2). @example isExcusableMessage("WHIP disconnected unexpectedly") === true
 */
export function isExcusableMessage(message: string): boolean {
  const lower = message.toLowerCase();
  for (const s of EXCUSABLE_SUBSTRINGS) if (lower.includes(s)) return true;
  return false;
}

/** Real excusable error messages seen in production (each matches one substring). */
export const EXCUSABLE_MESSAGES: readonly string[] = [
  "no orchestrators available",
  "no orchestrators available within 2s timeout",
  "mediamtx ingest disconnected",
  "whip disconnected",
  "WHIP disconnected unexpectedly",
  "missing video",
  "ICE connection state failed",
  "user disconnected",
];

/** Real non-excusable error messages (none contains an excusable substring). */
export const NON_EXCUSABLE_MESSAGES: readonly string[] = [
  'Error publishing, wrote 1389508 dropping Post "https://orch.example:8935/ai/trickle/e1fd833e/4": read: connection reset by peer',
  "Stream exceeded max duration",
  "runner error: CUDA out of memory",
  "Error updating params: Cannot change output resolution mid-stream",
  "failed to start stream: context deadline exceeded",
];
