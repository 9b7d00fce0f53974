import { isBlank } from "../values/java-trim.js";

/**
 * `failure_details` of a PARSE/parse_exception rejection (events.md §5.1): `<name>: <message>`,
 * or `<name>` when the message is blank, or `Unknown parse error` when the thrown value has no
 * usable name.
 * @example parseFailureDetails(new TypeError("x is undefined")) === "TypeError: x is undefined"
 */
export function parseFailureDetails(thrown: unknown): string {
  if (typeof thrown !== "object" || thrown === null) return "Unknown parse error";
  const { name, message } = thrown as { name?: unknown; message?: unknown };
  if (typeof name !== "string" || isBlank(name)) return "Unknown parse error";
  return typeof message === "string" && !isBlank(message) ? `${name}: ${message}` : name;
}
