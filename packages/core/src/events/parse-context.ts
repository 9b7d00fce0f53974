import type { JsonObject, JsonValue } from "../values/json-value.js";
import type { RawRowBase, TypedRows } from "./raw-rows.js";

/** What a family parser reads: the validated root, its `data`, and the columns every typed row shares. */
export interface ParseContext {
  readonly root: JsonObject;
  /** `root.data` (validation guarantees the key exists; its shape is family-specific). */
  readonly data: JsonValue;
  /** `text(id)` of the envelope. */
  readonly eventId: string;
  /** event_timestamp, raw_event_uid, org, gateway, raw_json (= the record text). */
  readonly base: RawRowBase;
}

/**
 * A family parser (events.md §8): total over every envelope that passed §4, pure, returns the
 * typed rows of one event. A throw is a bug and becomes a PARSE/parse_exception rejection.
 */
export type FamilyParser = (ctx: ParseContext) => TypedRows;
