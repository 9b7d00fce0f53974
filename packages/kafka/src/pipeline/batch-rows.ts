import {
  DIM_TABLES,
  emitFacts,
  encodeOutputRow,
  envelopeRejection,
  exceedsSizeLimit,
  guardRowSize,
  ingestSampleFromRow,
  lifecycleEventsOf,
  FACT_TABLES,
  RAW_TABLES,
  RAW_TYPED_TABLES,
  toCapabilityAdvertisedDim,
  toCapabilityModelConstraintDim,
  toCapabilityPriceDim,
  toCapabilitySnapshotDim,
  toRejectedEventJson,
  toRejectedEventRow,
  type AcceptedEnvelope,
  type LifecycleEvent,
  type ParseResult,
  type RawNetworkCapabilitiesRow,
  type RawTypedTableName,
  type RecordParser,
  type Rejection,
  type SessionFacts,
  type TableSpec,
  type TypedRows,
} from "@livepeer-analytics/core";
import type { ConsumedRecord } from "../consumer/consumer-port.js";
import { bump, type PipelineMetrics } from "../health/pipeline-metrics.js";
import type { DedupWindow } from "./dedup-window.js";

type AnyTable = TableSpec<string, unknown>;

/** A JSONEachRow line for a table. */
export interface TableLine {
  readonly table: string;
  readonly line: string;
}

/** A rejected envelope bound for a Kafka topic (events.md §5.2 camelCase JSON). */
export interface RejectedMessage {
  readonly destination: "dlq" | "quarantine";
  readonly key: string | null;
  readonly value: string;
}

/** What one batch of records turns into before session derivation. */
export interface DecodedBatch {
  readonly lines: TableLine[];
  readonly rejected: RejectedMessage[];
  /** Lifecycle events of the batch, by session. */
  readonly sessions: Map<string, LifecycleEvent[]>;
  /** Capability snapshot rows of the batch. */
  readonly snapshots: RawNetworkCapabilitiesRow[];
}

const DIM_OF: Partial<Record<RawTypedTableName, readonly [AnyTable, (row: never) => unknown]>> = {
  raw_network_capabilities: [
    DIM_TABLES.dim_orchestrator_capability_snapshots as AnyTable,
    toCapabilitySnapshotDim,
  ],
  raw_network_capabilities_advertised: [
    DIM_TABLES.dim_orchestrator_capability_advertised_snapshots as AnyTable,
    toCapabilityAdvertisedDim,
  ],
  raw_network_capabilities_model_constraints: [
    DIM_TABLES.dim_orchestrator_capability_model_constraints as AnyTable,
    toCapabilityModelConstraintDim,
  ],
  raw_network_capabilities_prices: [
    DIM_TABLES.dim_orchestrator_capability_prices as AnyTable,
    toCapabilityPriceDim,
  ],
};

const fact = (name: string): AnyTable => {
  const t = FACT_TABLES.find((f) => f.name === name);
  if (t === undefined) throw new Error(`no fact table ${name}`);
  return t as unknown as AnyTable;
};
const INGEST_SAMPLES = fact("fact_stream_ingest_samples");

/** Options of {@link decodeBatch}. */
export interface DecodeOptions {
  readonly parserFor: (topic: string) => RecordParser;
  readonly dedup: DedupWindow;
  readonly nowMs: number;
  readonly limit: number;
  readonly metrics: PipelineMetrics;
}

/**
 * The decode → core step of one batch (events.md §3): parse, dedup, typed rows, size guard,
 * DLQ / quarantine / unknown rows, dimension and ingest-sample rows; keeps lifecycle events and
 * snapshot rows for derivation. Counting as in core's batch deriver: consumed = accepted +
 * rejected + duplicates + unknown.
 */
export function decodeBatch(records: readonly ConsumedRecord[], o: DecodeOptions): DecodedBatch {
  const m = o.metrics;
  const out: DecodedBatch = { lines: [], rejected: [], sessions: new Map(), snapshots: [] };
  const push = (table: AnyTable, row: unknown): void => {
    out.lines.push({ table: table.name, line: encodeOutputRow({ table: table, row }) });
  };
  const reject = (dest: "dlq" | "quarantine", r: Rejection): void => {
    const spec =
      dest === "dlq"
        ? RAW_TABLES.raw_streaming_events_dlq
        : RAW_TABLES.raw_streaming_events_quarantine;
    const row = toRejectedEventRow(r, o.nowMs);
    if (dest === "dlq") bump(m.dlq, `${r.failureClass}/${r.reason}`);
    if (exceedsSizeLimit(spec, row, o.limit)) {
      bump(m.sinkGuardDrops, spec.name);
      return;
    }
    push(spec as AnyTable, row);
    out.rejected.push({
      destination: dest,
      key: r.dedupKey ?? null,
      value: JSON.stringify(toRejectedEventJson(r, o.nowMs)),
    });
  };
  const envelopeRow = (e: AcceptedEnvelope): void => {
    const spec = RAW_TABLES.raw_streaming_events;
    if (!recordFits(e, o.limit) && exceedsSizeLimit(spec, e.rawStreamingEvent, o.limit))
      bump(m.sinkGuardDrops, spec.name);
    else push(spec as AnyTable, e.rawStreamingEvent);
  };

  for (const rec of records) {
    m.consumed++;
    const source = {
      topic: rec.topic,
      partition: rec.partition,
      offset: rec.offset,
      recordTimestamp: rec.timestamp,
    };
    const parsed = o.parserFor(rec.topic)(rec.value, source);
    if (parsed.kind === "rejected") {
      m.rejected++;
      reject("dlq", parsed.rejection);
      continue;
    }
    const envelope = parsed.envelope;
    const marks = [out.lines.length, out.rejected.length, out.snapshots.length] as const;
    /** The record's lifecycle events, kept only once all of its rows are out. */
    const events: LifecycleEvent[] = [];
    try {
      accept(parsed, envelope, events);
      for (const ev of events) {
        const id = ev.row.workflow_session_id;
        const list = out.sessions.get(id);
        if (list) list.push(ev);
        else out.sessions.set(id, [ev]);
      }
    } catch (err) {
      // A hostile record broke a step after validation (e.g. nesting too deep to canonicalize):
      // drop its partial rows and route it to the DLQ (events.md §5.1 PARSE / parse_exception).
      out.lines.length = marks[0];
      out.rejected.length = marks[1];
      out.snapshots.length = marks[2];
      m.rejected++;
      const e = err instanceof Error ? err : new Error(String(err));
      const details = e.message.trim() === "" ? e.name : `${e.name}: ${e.message}`;
      reject("dlq", envelopeRejection(envelope, "parse_exception", details));
    }
  }
  return out;

  function accept(
    parsed: Exclude<ParseResult, { kind: "rejected" }>,
    envelope: AcceptedEnvelope,
    events: LifecycleEvent[],
  ): void {
    const d = o.dedup.check(envelope, o.nowMs);
    if (d.kind === "duplicate") {
      m.duplicates++;
      if (d.contentDiffers) m.dedupConflicts++;
      reject("quarantine", d.rejection);
      return;
    }
    if (parsed.kind === "unknown") {
      const spec = RAW_TABLES.raw_unknown_events;
      const g = guardRowSize(spec, parsed.row, envelope, o.limit);
      if (g.kind === "rejected") {
        m.rejected++;
        reject("dlq", g.rejection);
        return;
      }
      push(spec as AnyTable, parsed.row);
      envelopeRow(envelope);
      m.unknown++; // counted last: a throw above leaves the record to the DLQ path
      return;
    }
    if (
      typedRows(parsed.rows, envelope, o, out, events, push, reject) === 0 &&
      hasAnyRow(parsed.rows)
    ) {
      m.rejected++;
      return;
    }
    envelopeRow(envelope);
    m.accepted++;
  }
}

function typedRows(
  rows: TypedRows,
  envelope: AcceptedEnvelope,
  o: DecodeOptions,
  out: DecodedBatch,
  events: LifecycleEvent[],
  push: (t: AnyTable, row: unknown) => void,
  reject: (dest: "dlq", r: Rejection) => void,
): number {
  let written = 0;
  // Rows of a record that surely fits are not measured (most records; see recordFits).
  const fits = recordFits(envelope, o.limit);
  for (const name of Object.keys(rows) as RawTypedTableName[]) {
    const spec = RAW_TYPED_TABLES[name] as AnyTable;
    for (const row of rows[name] ?? []) {
      if (!fits) {
        const g = guardRowSize(spec, row, envelope, o.limit);
        if (g.kind === "rejected") {
          reject("dlq", g.rejection);
          continue;
        }
      }
      written++;
      push(spec, row);
      const dim = DIM_OF[name];
      if (dim) pushGuarded(dim[0], dim[1](row as never), fits, o, push);
      if (name === "raw_network_capabilities") out.snapshots.push(row as RawNetworkCapabilitiesRow);
      else if (name === "raw_stream_ingest_metrics") {
        pushGuarded(INGEST_SAMPLES, ingestSampleFromRow(row as never), fits, o, push);
      } else {
        for (const ev of lifecycleEventsOf(name, row)) events.push(ev);
      }
    }
  }
  return written;
}

function pushGuarded(
  spec: AnyTable,
  row: unknown,
  fits: boolean,
  o: DecodeOptions,
  push: (t: AnyTable, row: unknown) => void,
): void {
  if (!fits && exceedsSizeLimit(spec, row, o.limit)) bump(o.metrics.sinkGuardDrops, spec.name);
  else push(spec, row);
}

/** The fact lines of one derivation (sessions.md §4.5); oversize fact rows are dropped, counted. */
export function factLines(
  facts: SessionFacts,
  limit: number,
  metrics: PipelineMetrics,
): TableLine[] {
  const drop = (table: string): void => bump(metrics.sinkGuardDrops, table);
  return emitFacts(facts, limit, drop).map((f) => ({
    table: f.table.name,
    line: encodeOutputRow(f),
  }));
}

/**
 * True when every typed, unknown, envelope and ingest-sample row of the record surely fits the
 * size limit without measuring (core's batch deriver uses the same bound): each such row holds at
 * most the record text twice over, an encoded JSON string is at most 6 bytes per UTF-16 unit,
 * and the other columns of any table take well under 8 KiB.
 */
function recordFits(envelope: AcceptedEnvelope, limit: number): boolean {
  return envelope.rawText.length * 12 + 8192 <= limit;
}

function hasAnyRow(rows: TypedRows): boolean {
  for (const list of Object.values(rows)) if (list && list.length > 0) return true;
  return false;
}
