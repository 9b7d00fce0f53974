import { isBlank } from "../values/java-trim.js";

/**
 * The six excusable error substrings of sessions.md §5.2 (kept from the reference), matched
 * against the lowercase form of a message.
 */
export const EXCUSABLE_ERROR_SUBSTRINGS: ReadonlyArray<string> = [
  "no orchestrators available",
  "mediamtx ingest disconnected",
  "whip disconnected",
  "missing video",
  "ice connection state failed",
  "user disconnected",
];

/**
 * True when `message` is non-blank and its lowercase form (locale-independent `toLowerCase`)
 * contains any of {@link EXCUSABLE_ERROR_SUBSTRINGS}.
 * @example isExcusableMessage("WHIP disconnected unexpectedly") === true
 * @example isExcusableMessage("connection reset by peer") === false; isExcusableMessage(null) === false
 */
export function isExcusableMessage(message: string | null | undefined): boolean {
  if (isBlank(message)) return false;
  const lower = message.toLowerCase();
  for (const s of EXCUSABLE_ERROR_SUBSTRINGS) if (lower.includes(s)) return true;
  return false;
}
