import type { DedupStrategy } from "../identity/dedup-key.js";
import { eventDimensions } from "../identity/event-dimensions.js";
import type { EventDimensions } from "../identity/event-dimensions.js";
import type { JsonObject } from "../values/json-value.js";
import type { RawStreamingEventRow } from "./raw-rows.js";
import type { RecordSource } from "./record-source.js";

/**
 * A record that passed validation (events.md §2–§4): the derived envelope fields, its dedup key,
 * the record text and parsed root, and its `raw_streaming_events` row (serving.md §1.1).
 */
export interface AcceptedEnvelope {
  /** `text(id)`; `""` when the envelope has no id. */
  readonly eventId: string;
  /** The `type` string (routing is case-sensitive). */
  readonly eventType: string;
  /** Extracted version, or `"1"` when absent. */
  readonly eventVersion: string;
  /** Extracted version as declared, null when absent (the rejected envelope keeps the null). */
  readonly declaredVersion: string | null;
  /** `ts(timestamp)`, epoch ms. */
  readonly eventTimestamp: number;
  readonly org: string;
  /** `text(gateway)`. */
  readonly gateway: string;
  readonly source: RecordSource;
  readonly dimensions: EventDimensions;
  /** Dedup key = `raw_event_uid` (events.md §6.1). */
  readonly dedupKey: string;
  readonly dedupStrategy: DedupStrategy;
  /** True only when the root `__replay` is JSON `true`. */
  readonly replay: boolean;
  /** The record text (UTF-8 decoded), or `JSON.stringify` of an already-parsed envelope. */
  readonly rawText: string;
  /** The parsed envelope root. Treat as read-only. */
  readonly root: JsonObject;
  /** The `raw_streaming_events` row of this record. */
  readonly rawStreamingEvent: RawStreamingEventRow;
}

/**
 * The {@link AcceptedEnvelope} built by `parseEvent`: plain fields plus a lazily built, cached
 * `rawStreamingEvent` (its `data` column costs a `JSON.stringify`, which batch derivations that
 * never write `raw_streaming_events` skip) and `dimensions` (read only by payload-hash keys and
 * rejections).
 */
export class ParsedEnvelope implements AcceptedEnvelope {
  #rawStreamingEvent: RawStreamingEventRow | undefined;
  #dimensions: EventDimensions | null;

  /** `dimensions` null = derive them from `root` when first read. */
  constructor(
    readonly eventId: string,
    readonly eventType: string,
    readonly eventVersion: string,
    readonly declaredVersion: string | null,
    readonly eventTimestamp: number,
    readonly org: string,
    readonly gateway: string,
    readonly source: RecordSource,
    dimensions: EventDimensions | null,
    readonly dedupKey: string,
    readonly dedupStrategy: DedupStrategy,
    readonly replay: boolean,
    readonly rawText: string,
    readonly root: JsonObject,
  ) {
    this.#dimensions = dimensions;
  }

  /** `eventDimensions(root)` (events.md §2), computed once. */
  get dimensions(): EventDimensions {
    this.#dimensions ??= eventDimensions(this.root);
    return this.#dimensions;
  }

  /** The `raw_streaming_events` row (serving.md §1.1), built on first access. */
  get rawStreamingEvent(): RawStreamingEventRow {
    this.#rawStreamingEvent ??= {
      raw_event_uid: this.dedupKey,
      org: this.org,
      id: this.eventId,
      type: this.eventType,
      timestamp: this.eventTimestamp,
      gateway: this.gateway,
      data: JSON.stringify(this.root["data"] ?? null),
      envelope_rest: envelopeRest(this.root),
      replay: this.replay ? 1 : 0,
      source_topic: this.source.topic,
      source_partition: this.source.partition,
      source_offset: this.source.offset,
    };
    return this.#rawStreamingEvent;
  }
}

/** `JSON.stringify` of the envelope's top-level keys other than `data`, in received order. */
export function envelopeRest(root: JsonObject): string {
  // fromEntries defines own properties, so a `__proto__` key stays a key.
  return JSON.stringify(Object.fromEntries(Object.entries(root).filter(([k]) => k !== "data")));
}
