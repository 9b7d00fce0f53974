import { randomUUID } from "node:crypto";

// serving.md §8.1: at most 128 printable ASCII characters.
const PRINTABLE_ASCII = /^[\x20-\x7e]{1,128}$/;

/**
 * `meta.request_id` of a request (serving.md §8.1): its `X-Request-Id` header when that is
 * 1..128 printable ASCII characters, else a new UUID v4.
 */
export function requestIdFrom(header: string | readonly string[] | undefined): string {
  return typeof header === "string" && PRINTABLE_ASCII.test(header) ? header : randomUUID();
}
