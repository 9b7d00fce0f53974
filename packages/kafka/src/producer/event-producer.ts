import { Kafka, logLevel, type Producer } from "kafkajs";
import { createRecordParser, type Rejection } from "@livepeer-analytics/core";
import { sessionKey } from "./session-key.js";

/** Options of {@link createEventProducer}. */
export interface EventProducerOptions {
  readonly brokers: readonly string[];
  readonly topic: string;
  /** Org the records would get (only affects validation output); default `"unknown"`. */
  readonly org?: string;
  /** Messages per send (default 500). */
  readonly batchSize?: number;
  readonly clientId?: string;
}

/** Outcome of a send: how many records went out and the rejections that did not. */
export interface SendResult {
  readonly sent: number;
  readonly rejected: ReadonlyArray<{ readonly index: number; readonly rejection: Rejection }>;
}

/** A validating producer for gateways (issue 4). */
export interface EventProducer {
  /**
   * Validates each event with core (events.md §3–§4) and sends the valid ones keyed by
   * `workflow_session_id` (so a session stays on one partition; unkeyed when the event has none),
   * in batches. Rejected events are returned, never sent. Resolves once the broker acknowledged.
   */
  send(events: Iterable<string | object>): Promise<SendResult>;
  close(): Promise<void>;
}

/** Creates an {@link EventProducer} (kafkajs, idempotent producer, acks = all). */
export async function createEventProducer(options: EventProducerOptions): Promise<EventProducer> {
  const kafka = new Kafka({
    clientId: options.clientId ?? "lpa-producer",
    brokers: [...options.brokers],
    logLevel: logLevel.NOTHING,
  });
  const producer: Producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const parse = createRecordParser({ org: options.org ?? "unknown" });
  const batchSize = options.batchSize ?? 500;
  const source = { topic: options.topic, partition: 0, offset: 0, recordTimestamp: null };
  return {
    async send(events) {
      const rejected: Array<{ index: number; rejection: Rejection }> = [];
      let sent = 0;
      let pending: Array<{ key: string | null; value: string }> = [];
      const drain = async (): Promise<void> => {
        if (pending.length === 0) return;
        await producer.send({ topic: options.topic, acks: -1, messages: pending });
        sent += pending.length;
        pending = [];
      };
      let index = 0;
      for (const ev of events) {
        const text = typeof ev === "string" ? ev : JSON.stringify(ev);
        const parsed = parse(text, source);
        if (parsed.kind === "rejected") rejected.push({ index, rejection: parsed.rejection });
        else pending.push({ key: sessionKey(parsed), value: text });
        index++;
        if (pending.length >= batchSize) await drain();
      }
      await drain();
      return { sent, rejected };
    },
    close: () => producer.disconnect(),
  };
}
