import type { AcceptedEnvelope } from "../events/accepted-envelope.js";
import type { RawStreamingEventRow } from "../events/raw-rows.js";
import type { TableSpec } from "../schema/table-spec.js";

/**
 * Output rows whose `row` is built only when read (encoding). Classes with the getter on the
 * prototype, not object literals with a `get row()`: a literal's accessor is a fresh closure per
 * row, which gives every row its own hidden class; those maps live in old space and keep each
 * closure's envelope (the whole parsed record) alive through young-generation collections, so
 * short-lived records got promoted and the batch spent much of its time in GC.
 */
export class EnvelopeOutputRow {
  constructor(
    readonly table: TableSpec<string, never>,
    private readonly envelope: AcceptedEnvelope,
  ) {}

  /** The envelope's `raw_streaming_events` row (its `data` text is built on first read). */
  get row(): RawStreamingEventRow {
    return this.envelope.rawStreamingEvent;
  }
}

/** A 1:1 projection of a source row (dimension rows), computed on every read. */
export class ProjectedOutputRow {
  constructor(
    readonly table: TableSpec<string, never>,
    private readonly source: unknown,
    private readonly project: (row: never) => unknown,
  ) {}

  /** `project(source)`. */
  get row(): unknown {
    return this.project(this.source as never);
  }
}
