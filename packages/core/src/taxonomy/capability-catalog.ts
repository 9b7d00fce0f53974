/** Catalog version written to `capability_catalog_version` columns. */
export const CAPABILITY_CATALOG_VERSION = "v1";

/** Capability groups of the catalog; `unknown` for ids outside it. */
export type CapabilityGroup =
  "transcoding" | "storage" | "auth" | "deprecated" | "inference" | "live-video" | "unknown";

/**
 * Capability catalog v1 (sessions.md §6.1), as data: 37 entries, ids 0–36.
 * Each tuple is [id, name, group].
 */
export const CAPABILITY_CATALOG_V1: ReadonlyArray<readonly [number, string, CapabilityGroup]> = [
  [0, "H.264", "transcoding"],
  [1, "MPEGTS", "transcoding"],
  [2, "MP4", "transcoding"],
  [3, "Fractional framerates", "transcoding"],
  [4, "Storage direct", "storage"],
  [5, "Storage S3", "storage"],
  [6, "Storage GCS", "storage"],
  [7, "H264 Baseline profile", "transcoding"],
  [8, "H264 Main profile", "transcoding"],
  [9, "H264 High profile", "transcoding"],
  [10, "H264 Constrained, Contained High profile", "transcoding"],
  [11, "GOP", "transcoding"],
  [12, "Auth token", "auth"],
  [13, "Scene classification", "deprecated"],
  [14, "MPEG7 signature", "transcoding"],
  [15, "HEVC decode", "transcoding"],
  [16, "HEVC encode", "transcoding"],
  [17, "VP8 decode", "transcoding"],
  [18, "VP9 decode", "transcoding"],
  [19, "VP8 encode", "transcoding"],
  [20, "VP9 encode", "transcoding"],
  [21, "H264 Decode YUV444 8-bit", "transcoding"],
  [22, "H264 Decode YUV422 8-bit", "transcoding"],
  [23, "H264 Decode YUV444 10-bit", "transcoding"],
  [24, "H264 Decode YUV422 10-bit", "transcoding"],
  [25, "H264 Decode YUV420 10-bit", "transcoding"],
  [26, "Segment slicing", "transcoding"],
  [27, "Text to image", "inference"],
  [28, "Image to image", "inference"],
  [29, "Image to video", "inference"],
  [30, "Upscale", "inference"],
  [31, "Audio to text", "inference"],
  [32, "Segment anything 2", "inference"],
  [33, "Llm", "inference"],
  [34, "Image to text", "inference"],
  [35, "Live video to video", "live-video"],
  [36, "Text to speech", "inference"],
];

/** Result of {@link lookupCapability}: id (−1 when null), name and group. */
export interface CapabilityInfo {
  readonly id: number;
  readonly name: string;
  readonly group: CapabilityGroup;
}

const BY_ID = new Map<number, CapabilityInfo>(
  CAPABILITY_CATALOG_V1.map(([id, name, group]) => [id, { id, name, group }]),
);

/**
 * `lookup(id)` of sessions.md §6.1: null → (−1, unknown, unknown); unlisted id → (id, unknown,
 * unknown); otherwise the catalog entry.
 * @example lookupCapability(35) → { id: 35, name: "Live video to video", group: "live-video" }
 */
export function lookupCapability(id: number | null): CapabilityInfo {
  if (id === null) return { id: -1, name: "unknown", group: "unknown" };
  return BY_ID.get(id) ?? { id, name: "unknown", group: "unknown" };
}

/**
 * Pipeline slug of a capability for hardware-less snapshot rows (events.md §8.4): for groups
 * `inference` and `live-video`, the name lowercased with spaces replaced by `-`; `""` otherwise.
 * @example capabilityPipelineSlug(33) === "llm"; capabilityPipelineSlug(0) === ""
 */
export function capabilityPipelineSlug(id: number | null): string {
  const info = lookupCapability(id);
  if (info.group !== "inference" && info.group !== "live-video") return "";
  return info.name.toLowerCase().replace(/ /g, "-");
}
