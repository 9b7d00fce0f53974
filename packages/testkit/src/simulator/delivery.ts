import type { JsonObject } from "@livepeer-analytics/core";
import { MinHeap } from "./min-heap.js";
import type { Prng } from "./prng.js";

/** Delivery distortions applied after generation (all off by default). */
export interface DeliveryOptions {
  /** Probability that an event is followed by a duplicate copy. Default 0. */
  readonly duplicateRate?: number;
  /** Share of duplicates that are replays (`__replay: true`, sometimes `__replay_ts`/`__replay_source`). Default 0.5. */
  readonly replayShare?: number;
  /** Probability that an event is delivered late. Default 0. */
  readonly lateRate?: number;
  /** Lateness range (ms) of late events. Default 1–6 hours. */
  readonly lateDelayMs?: readonly [number, number];
  /** Local shuffle window (events); 0 or 1 keeps order. Default 0. */
  readonly shuffleWindow?: number;
}

/** An envelope plus the time (ms) it enters delivery. */
export interface Timed {
  readonly t: number;
  readonly env: JsonObject;
}

/**
 * Follows an event by an exact copy (same object content) or a replay copy
 * (`{...env, __replay: true}`) with probability `duplicateRate`. Copies keep the event id, so
 * the dedup key is unchanged (events.md §6).
 */
export function* withDuplicates(
  src: Iterable<Timed>,
  rng: Prng,
  o: DeliveryOptions,
): Generator<Timed> {
  const rate = o.duplicateRate ?? 0;
  const replay = o.replayShare ?? 0.5;
  for (const e of src) {
    yield e;
    if (!rng.chance(rate)) continue;
    if (!rng.chance(replay)) {
      yield { t: e.t, env: { ...e.env } };
    } else {
      const copy: JsonObject = { ...e.env, __replay: true };
      if (rng.chance(0.5)) {
        copy["__replay_ts"] = e.t + rng.int(60_000, 7_200_000);
        copy["__replay_source"] = "dlq";
      }
      yield { t: e.t, env: copy };
    }
  }
}

/**
 * Holds back each event with probability `lateRate` and releases it once the stream's clock has
 * passed its time plus a random lateness (`lateDelayMs`); at the end, held events are flushed in
 * release order. Memory: the held events only.
 */
export function* withLateDelivery(
  src: Iterable<Timed>,
  rng: Prng,
  o: DeliveryOptions,
): Generator<Timed> {
  const rate = o.lateRate ?? 0;
  const [lo, hi] = o.lateDelayMs ?? [3_600_000, 21_600_000];
  const held = new MinHeap<Timed>();
  for (const e of src) {
    while (held.size > 0 && (held.peekKey() ?? Infinity) <= e.t) yield held.pop() as Timed;
    if (rng.chance(rate)) held.push(e.t + rng.int(lo, hi), e);
    else yield e;
  }
  while (held.size > 0) yield held.pop() as Timed;
}

/**
 * Local shuffle: keeps a buffer of `shuffleWindow` events and emits a uniformly chosen one each
 * time the buffer is full, so an event moves at most about a window away from its position.
 */
export function* withLocalShuffle(
  src: Iterable<Timed>,
  rng: Prng,
  o: DeliveryOptions,
): Generator<Timed> {
  const w = o.shuffleWindow ?? 0;
  if (w <= 1) {
    yield* src;
    return;
  }
  const buf: Timed[] = [];
  const takeOne = (): Timed => {
    const i = rng.int(0, buf.length - 1);
    const picked = buf[i] as Timed;
    buf[i] = buf[buf.length - 1] as Timed;
    buf.pop();
    return picked;
  };
  for (const e of src) {
    buf.push(e);
    if (buf.length >= w) yield takeOne();
  }
  while (buf.length > 0) yield takeOne();
}
