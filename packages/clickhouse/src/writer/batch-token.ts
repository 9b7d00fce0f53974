import { createHash } from "node:crypto";

/**
 * The insert deduplication token of a batch: SHA-256 of the table name and the exact body
 * (UTF-8 bytes; a string and its UTF-8 encoding give the same token).
 * Content-addressed, so re-sending the same rows (a retry after a timeout, a re-run of a load,
 * a re-delivery after a crash) is skipped by the engine within its deduplication window, while
 * any different batch is always written. Duplicate rows carry no meaning in any table of this
 * schema (every table has a logical key), so a skipped identical batch never loses data.
 * `salt`, when given, comes first (see `BatchWriterOptions.tokenSalt`).
 */
export function batchToken(table: string, body: string | Uint8Array, salt?: string): string {
  const h = createHash("sha256");
  if (salt !== undefined) h.update(salt).update("\n");
  return h.update(table).update("\n").update(body).digest("hex");
}
