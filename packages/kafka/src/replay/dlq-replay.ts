import { Kafka, logLevel } from "kafkajs";
import type { LpaClickHouse } from "@livepeer-analytics/clickhouse";
import { createRecordParser } from "@livepeer-analytics/core";
import { sessionKey } from "../producer/session-key.js";
import { DEFAULT_INPUT_TOPIC } from "../pipeline/rejection-topics.js";
import { markReplay } from "./replay-marker.js";

/** Options of {@link replayDlq}. */
export interface DlqReplayOptions {
  readonly db: LpaClickHouse;
  readonly brokers: readonly string[];
  /** DLQ rows with `ingestion_timestamp` in [fromMs, toMs) (epoch ms). */
  readonly fromMs: number;
  readonly toMs: number;
  /** Events topic to publish to (default `streaming_events`, events.md §10). */
  readonly topic?: string;
  /** Only rows of this `failure_class` (e.g. `UNSUPPORTED_VERSION`). */
  readonly failureClass?: string;
  /** `__replay_ts` of the replayed envelopes (default Date.now()). */
  readonly nowMs?: number;
  /** Messages per send (default 500). */
  readonly batchSize?: number;
}

/** Outcome of {@link replayDlq}. */
export interface DlqReplayResult {
  /** Distinct envelopes re-published. */
  readonly replayed: number;
  /** Distinct stored payloads that cannot be replayed (not a JSON object: see `markReplay`). */
  readonly skipped: number;
}

/** One distinct stored payload of the range. */
interface DlqPayload {
  readonly e: string;
  readonly b: string;
}

/**
 * Re-publishes the original envelopes of the DLQ rows of a time range to the events topic,
 * marked `__replay` (`lpa dlq replay`). Each distinct payload is sent once (copies of one record
 * stored twice are one envelope), in first-rejection order, keyed like the producer (by
 * `workflow_session_id` when the envelope is now accepted) with acks from every replica.
 * Replaying the same range again is harmless: the consumer quarantines copies of events it
 * already accepted (the dedup key ignores `__replay*` keys), and an envelope that is still
 * invalid goes back to the DLQ with `replay` = 1, changing no fact.
 */
export async function replayDlq(o: DlqReplayOptions): Promise<DlqReplayResult> {
  const nowMs = o.nowMs ?? Date.now();
  const topic = o.topic ?? DEFAULT_INPUT_TOPIC;
  const payloads = await o.db.query<DlqPayload>(
    `SELECT payload_encoding AS e, payload_body AS b
     FROM ${o.db.database}.raw_streaming_events_dlq
     WHERE ingestion_timestamp >= fromUnixTimestamp64Milli({from:Int64})
       AND ingestion_timestamp < fromUnixTimestamp64Milli({to:Int64})
       ${o.failureClass === undefined ? "" : "AND failure_class = {fc:String}"}
     GROUP BY e, b ORDER BY min(ingestion_timestamp), e, b`,
    {
      params: {
        from: Math.trunc(o.fromMs),
        to: Math.trunc(o.toMs),
        ...(o.failureClass === undefined ? {} : { fc: o.failureClass }),
      },
    },
  );
  const parse = createRecordParser({ org: "unknown" });
  const source = { topic, partition: 0, offset: 0, recordTimestamp: null };
  const messages: Array<{ key: string | null; value: string }> = [];
  let skipped = 0;
  for (const p of payloads) {
    const value = markReplay(p.e, p.b, nowMs);
    if (value === null) skipped++;
    else messages.push({ key: sessionKey(parse(value, source)), value });
  }
  if (messages.length > 0) await publish(o.brokers, topic, messages, o.batchSize ?? 500);
  return { replayed: messages.length, skipped };
}

async function publish(
  brokers: readonly string[],
  topic: string,
  messages: ReadonlyArray<{ key: string | null; value: string }>,
  batchSize: number,
): Promise<void> {
  const kafka = new Kafka({
    clientId: "lpa-dlq-replay",
    brokers: [...brokers],
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    for (let i = 0; i < messages.length; i += batchSize) {
      await producer.send({ topic, acks: -1, messages: messages.slice(i, i + batchSize) });
    }
  } finally {
    await producer.disconnect();
  }
}
