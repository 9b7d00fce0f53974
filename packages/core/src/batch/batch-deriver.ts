import { SnapshotIndex } from "../attribution/snapshot-index.js";
import type { AcceptedEnvelope } from "../events/accepted-envelope.js";
import { createRecordParser } from "../events/parse-event.js";
import type {
  RawNetworkCapabilitiesRow,
  RawTypedTableName,
  SessionScopedRow,
  TypedRows,
} from "../events/raw-rows.js";
import type { RecordSource } from "../events/record-source.js";
import { toRejectedEventRow } from "../events/rejected-envelope.js";
import { envelopeRejection } from "../events/rejection.js";
import type { Rejection } from "../events/rejection.js";
import { exceedsSizeLimit, guardRowSize, MAX_RECORD_BYTES } from "../events/size-guard.js";
import { sha256Hex } from "../identity/sha256-hex.js";
import type { Sha256Hex } from "../identity/sha256-hex.js";
import {
  DIM_TABLES,
  toCapabilityAdvertisedDim,
  toCapabilityModelConstraintDim,
  toCapabilityPriceDim,
  toCapabilitySnapshotDim,
} from "../schema/dim-tables.js";
import { FACT_STREAM_INGEST_SAMPLES, FACT_TABLES } from "../schema/fact-tables.js";
import { RAW_TABLES, RAW_TYPED_TABLES } from "../schema/raw-tables.js";
import type { TableSpec } from "../schema/table-spec.js";
import { encodeRow } from "../schema/encode-row.js";
import type { DeriveOptions } from "../sessions/derivation-context.js";
import { deriveSortedSignals } from "../sessions/derive-session.js";
import type { SessionFacts } from "../sessions/fact-rows.js";
import { compareSignals } from "../sessions/lifecycle-signal.js";
import { ingestSampleFromRow } from "../sessions/ingest-sample.js";
import { BatchDedup } from "./batch-dedup.js";
import { emitFacts } from "./emit-facts.js";
import { factRowBound, maxFactStringLength, maxSnapshotStringLength } from "./fact-size-bound.js";
import { EnvelopeOutputRow, ProjectedOutputRow } from "./lazy-output-row.js";
import { isLifecycleTable, lifecycleSignalOf } from "./lifecycle-signal-of.js";
import { SignalStore } from "./signal-store.js";
import type { SignalChain } from "./signal-store.js";

/** Options of {@link createBatchDeriver}. */
export interface BatchDeriverOptions extends DeriveOptions {
  /** Source topic label of every record (`file:<basename>` for files). */
  readonly topic: string;
  /** Org of every record; default `"unknown"`. */
  readonly org?: string;
  /** The single processing instant of the batch (ingestion timestamp, dedup clock), epoch ms. */
  readonly processingTimeMs: number;
  /** Row size limit in UTF-8 bytes (events.md §9); default 1,000,000. */
  readonly maxRecordBytes?: number;
  /** Accepted event versions (check V6); default `{"1","v1"}`. */
  readonly supportedVersions?: ReadonlySet<string>;
  /**
   * Record text the dedup state may retain to check duplicates lazily (bytes, default 512 MiB);
   * past it, content digests are computed at once (slower, bounded memory).
   */
  readonly dedupTextBudgetBytes?: number;
  /** SHA-256 implementation for payload-hash keys (a native one is faster). */
  readonly sha256?: Sha256Hex;
}

/** Record outcome counters of a batch; consumed = accepted + rejected + duplicates + unknown. */
export interface BatchCounters {
  consumed: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  unknown: number;
  /** Content-differing duplicates (`lpa_dedup_conflicts_total`). */
  dedupConflicts: number;
  /** Oversize rows dropped without a DLQ row (fact, DLQ and quarantine rows), by table. */
  readonly sinkGuardDrops: Map<string, number>;
}

/**
 * One output row: its table spec and the row (timestamps as epoch ms). Serialize it for storage
 * with {@link encodeOutputRow}. Rows were size-guarded already.
 */
export interface OutputRow {
  readonly table: TableSpec<string, never>;
  readonly row: unknown;
}

/** The JSONEachRow line of an output row (events.md §9 encoding). */
export function encodeOutputRow(out: OutputRow): string {
  return JSON.stringify(encodeRow(out.table as TableSpec<string, unknown>, out.row));
}

/**
 * Where a record originally came from, when it is not the batch's own input (replay of an
 * archive): its topic, partition, offset and org replace the batch's for that record.
 */
export interface RecordOrigin {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly org: string;
}

/** A batch derivation in progress (see {@link createBatchDeriver}). */
export interface BatchDeriver {
  /**
   * Processes one record (text, bytes, parsed envelope, or null tombstone) at zero-based
   * `offset`; returns the rows that are final now (raw, DLQ, quarantine, unknown, dimension and
   * ingest-sample rows).
   */
  push(
    record: string | Uint8Array | object | null,
    offset: number,
    origin?: RecordOrigin,
  ): OutputRow[];
  /** Derives every session once and returns the fact rows. Call once, after the last push. */
  finish(): Iterable<OutputRow>;
  readonly counters: BatchCounters;
}

/** Every table `lpa derive` writes, in a stable order. */
export const BATCH_OUTPUT_TABLES: readonly string[] = [
  ...Object.keys(RAW_TABLES),
  ...Object.keys(DIM_TABLES),
  ...FACT_TABLES.map((t) => t.name),
];

const DIM_OF: Partial<
  Record<RawTypedTableName, readonly [TableSpec<string, never>, (row: never) => unknown]>
> = {
  raw_network_capabilities: [
    DIM_TABLES.dim_orchestrator_capability_snapshots,
    toCapabilitySnapshotDim,
  ],
  raw_network_capabilities_advertised: [
    DIM_TABLES.dim_orchestrator_capability_advertised_snapshots,
    toCapabilityAdvertisedDim,
  ],
  raw_network_capabilities_model_constraints: [
    DIM_TABLES.dim_orchestrator_capability_model_constraints,
    toCapabilityModelConstraintDim,
  ],
  raw_network_capabilities_prices: [
    DIM_TABLES.dim_orchestrator_capability_prices,
    toCapabilityPriceDim,
  ],
};

/**
 * The batch mode of events.md §11 as a pure, incremental engine: validate → dedup (one
 * processing instant: any repeated key is a duplicate) → typed rows → size guard → keep lifecycle
 * events and capability rows → derive each session once in {@link BatchDeriver.finish}.
 *
 * Counting: a record is `rejected` when validation failed or when every typed row it produced was
 * oversize (a lifecycle event whose row is oversize feeds no derivation); a record with some
 * oversize fan-out rows stays `accepted` (those rows each get a SINK_GUARD DLQ row). An oversize
 * `raw_unknown_events` row makes the unknown record `rejected`.
 */
export function createBatchDeriver(options: BatchDeriverOptions): BatchDeriver {
  const limit = options.maxRecordBytes ?? MAX_RECORD_BYTES;
  const now = options.processingTimeMs;
  const dedup = new BatchDedup({
    sha256: options.sha256 ?? sha256Hex,
    textBudgetBytes: options.dedupTextBudgetBytes ?? 512 * 1024 * 1024,
  });
  const snapshots: RawNetworkCapabilitiesRow[] = [];
  const signals = new SignalStore();
  const sessions = new Map<string, SignalChain>();
  const counters: BatchCounters = {
    consumed: 0,
    accepted: 0,
    rejected: 0,
    duplicates: 0,
    unknown: 0,
    dedupConflicts: 0,
    sinkGuardDrops: new Map(),
  };
  const parseRecord = createRecordParser({
    org: options.org ?? "unknown",
    ...(options.supportedVersions ? { supportedVersions: options.supportedVersions } : {}),
    ...(options.sha256 ? { sha256: options.sha256 } : {}),
  });

  const drop = (table: string): void => {
    counters.sinkGuardDrops.set(table, (counters.sinkGuardDrops.get(table) ?? 0) + 1);
  };
  const rejectTo = (
    out: OutputRow[],
    table: "raw_streaming_events_dlq" | "raw_streaming_events_quarantine",
    r: Rejection,
  ): void => {
    const spec = RAW_TABLES[table];
    const row = toRejectedEventRow(r, now);
    if (exceedsSizeLimit(spec, row, limit)) drop(table);
    else out.push(output(spec, row));
  };

  function push(
    record: string | Uint8Array | object | null,
    offset: number,
    origin?: RecordOrigin,
  ): OutputRow[] {
    counters.consumed++;
    const out: OutputRow[] = [];
    const source: RecordSource = {
      topic: origin?.topic ?? options.topic,
      partition: origin?.partition ?? 0,
      offset: origin?.offset ?? offset,
      recordTimestamp: null,
    };
    const parsed = parseRecord(record, source, origin?.org);
    if (parsed.kind === "rejected") {
      counters.rejected++;
      rejectTo(out, "raw_streaming_events_dlq", parsed.rejection);
      return out;
    }
    const envelope = parsed.envelope;
    const duplicate = dedup.check(envelope);
    if (duplicate !== null) {
      counters.duplicates++;
      if (duplicate.contentDiffers) counters.dedupConflicts++;
      const conflict = duplicate.contentDiffers ? " (content differs)" : "";
      const details = `Duplicate detected for key: ${envelope.dedupKey}${conflict}`;
      rejectTo(
        out,
        "raw_streaming_events_quarantine",
        envelopeRejection(envelope, "duplicate_event", details),
      );
      return out;
    }
    if (parsed.kind === "unknown") {
      if (exceedsSizeLimit(RAW_TABLES.raw_unknown_events, parsed.row, limit)) {
        counters.rejected++;
        rejectTo(
          out,
          "raw_streaming_events_dlq",
          tooLarge(RAW_TABLES.raw_unknown_events, parsed.row, envelope, limit),
        );
        return out;
      }
      counters.unknown++;
      out.push(output(RAW_TABLES.raw_unknown_events, parsed.row));
      pushEnvelopeRow(out, envelope);
      return out;
    }
    const written = pushTypedRows(out, parsed.rows, envelope);
    if (written === 0 && hasAnyRow(parsed.rows)) {
      counters.rejected++;
      return out;
    }
    counters.accepted++;
    pushEnvelopeRow(out, envelope);
    return out;
  }

  /** The envelope row; its `data` text is built only when the row is read (encoding). */
  function pushEnvelopeRow(out: OutputRow[], envelope: AcceptedEnvelope): void {
    const spec = RAW_TABLES.raw_streaming_events;
    if (!recordFits(envelope, limit) && exceedsSizeLimit(spec, envelope.rawStreamingEvent, limit)) {
      drop("raw_streaming_events");
      return;
    }
    out.push(new EnvelopeOutputRow(spec, envelope));
  }

  /** Guards, writes and routes every typed row; returns how many were written. */
  function pushTypedRows(out: OutputRow[], rows: TypedRows, envelope: AcceptedEnvelope): number {
    let written = 0;
    const fits = recordFits(envelope, limit);
    // for-in, not Object.keys: no key array per record.
    for (const key in rows) {
      const name = key as RawTypedTableName;
      const list = rows[name] ?? [];
      const spec = RAW_TYPED_TABLES[name] as TableSpec<string, unknown>;
      for (const row of list) {
        if (!fits && exceedsSizeLimit(spec, row, limit)) {
          rejectTo(out, "raw_streaming_events_dlq", tooLarge(spec, row, envelope, limit));
          continue;
        }
        written++;
        out.push(output(spec, row));
        route(out, name, row, fits);
      }
    }
    return written;
  }

  // The hot tables first (lifecycle and ingest rows are most records); dimension rows last.
  function route(out: OutputRow[], table: RawTypedTableName, row: unknown, fits: boolean): void {
    if (isLifecycleTable(table)) {
      const id = (row as SessionScopedRow).workflow_session_id;
      const chain = sessions.get(id);
      if (chain) signals.append(chain, lifecycleSignalOf(table, row));
      else sessions.set(id, signals.start(lifecycleSignalOf(table, row)));
    } else if (table === "raw_stream_ingest_metrics") {
      const spec = FACT_STREAM_INGEST_SAMPLES;
      const sample = ingestSampleFromRow(row as never);
      // The sample copies values of its record's row, so it fits whenever that record does.
      if (!fits && exceedsSizeLimit(spec, sample, limit)) drop(spec.name);
      else out.push(output(spec, sample));
    } else {
      if (table === "raw_network_capabilities") snapshots.push(row as RawNetworkCapabilitiesRow);
      const dim = DIM_OF[table];
      // Dimension rows are 1:1 projections; build them only when read.
      if (dim) out.push(new ProjectedOutputRow(dim[0], row, dim[1]));
    }
  }

  function* finish(): Iterable<OutputRow> {
    // Per-row size checks of fact rows only when some input string is long enough to matter.
    const longest = Math.max(signals.maxStringLength, maxSnapshotStringLength(snapshots));
    const checkFacts = factRowBound(maxFactStringLength(longest)) > limit;
    const index = SnapshotIndex.from(snapshots);
    snapshots.length = 0;
    for (const [id, chain] of sessions) {
      sessions.delete(id);
      // §4.2 order. Uids (= dedup keys) are unique here: a repeated key never passes dedup and
      // each record yields at most one lifecycle row (sortedUniqueSignals' uid set is not needed).
      const sorted = signals.signals(chain).sort(compareSignals);
      const facts: SessionFacts = deriveSortedSignals(id, sorted, index, options);
      for (const line of emitFacts(facts, limit, drop, checkFacts)) yield line;
    }
  }

  return { push, finish, counters };
}

/**
 * True when every typed, unknown and envelope row of the record surely fits the size limit
 * without measuring: each such row holds at most the record text twice over (`raw_json` plus
 * values copied out of it, or the `data` text), an encoded JSON string is at most 6 bytes per
 * UTF-16 unit, numbers re-serialize to at most 6× their text, and the other columns of any table
 * take well under 8 KiB.
 */
function recordFits(envelope: AcceptedEnvelope, limit: number): boolean {
  return envelope.rawText.length * 12 + 8192 <= limit;
}

function output<Row>(table: TableSpec<string, Row>, row: Row): OutputRow {
  return { table: table, row };
}

function tooLarge<Row>(
  table: TableSpec<string, Row>,
  row: Row,
  envelope: AcceptedEnvelope,
  limit: number,
): Rejection {
  const g = guardRowSize(table, row, envelope, limit);
  if (g.kind !== "rejected") throw new Error("invariant: tooLarge called for a row that fits");
  return g.rejection;
}

function hasAnyRow(rows: TypedRows): boolean {
  for (const list of Object.values(rows)) if (list && list.length > 0) return true;
  return false;
}
