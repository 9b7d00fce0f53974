import { MAX_TIMESTAMP_MS } from "@livepeer-analytics/core";
import { z } from "zod";

/**
 * The pagination cursor of serving.md §8.3: base64url (no padding) of the JSON
 * `{"v":1,"e":<path>,"s":<start ms>,"t":<end ms>,"f":{<filters>},"w":<window_start ms>,"k":[<keys>]}`.
 * Pure encode/decode; checking a cursor against the request (path, window, filters) is the
 * API's job.
 */

/** Position after which the next page starts: the last returned row's bucket and key tuple. */
export interface Keyset {
  /** `window_start` of the last returned row, epoch ms. */
  readonly w: number;
  /** Grain keys of the last returned row, in the endpoint's listed order. */
  readonly k: readonly string[];
}

const epochMs = z.number().int().min(0).max(MAX_TIMESTAMP_MS);

/** The decoded cursor JSON (serving.md §8.3). */
export const CursorPayloadSchema = z.strictObject({
  v: z.literal(1),
  e: z.string(),
  s: epochMs,
  t: epochMs,
  f: z.record(z.string(), z.string()),
  w: epochMs,
  k: z.array(z.string()),
});

/** A decoded cursor: version, endpoint path, window, filters and the keyset position. */
export type CursorPayload = z.infer<typeof CursorPayloadSchema>;

/**
 * Encodes a cursor: JSON with the keys in the order v, e, s, t, f, w, k (filters in the given
 * order), then base64url without padding.
 * @example encodeCursor({ v: 1, e: "/v1/sla/compliance", s: 1772006400000, t: 1772092800000,
 *   f: { orchestrator_address: "0xcanon" }, w: 1772049600000,
 *   k: ["0xcanon", "live-video-to-video", "streamdiffusion-sdxl", "GPU-A", ""] })
 *   // "eyJ2IjoxLCJlIjoiL3YxL3NsYS9jb21wbGlhbmNlIiwicyI6MTc3MjAwNjQwMDAwMCwidCI6…"
 */
export function encodeCursor(c: CursorPayload): string {
  const ordered = { v: c.v, e: c.e, s: c.s, t: c.t, f: c.f, w: c.w, k: c.k };
  return Buffer.from(JSON.stringify(ordered), "utf8").toString("base64url");
}

/**
 * Decodes a cursor, or returns undefined when it is malformed: not canonical unpadded
 * base64url, not UTF-8 JSON, or not of the {@link CursorPayloadSchema} shape.
 */
export function decodeCursor(text: string): CursorPayload | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  const bytes = Buffer.from(text, "base64url");
  if (bytes.toString("base64url") !== text) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
  const parsed = CursorPayloadSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
