import { compareKeyTuples } from "./utf8-order.js";

/** One (window, key tuple) group of a serving view and its accumulator. */
export interface BucketGroup<A> {
  /** Bucket start, epoch ms. */
  readonly windowStart: number;
  /** Grain key values in the view's listed order (never null). */
  readonly keys: ReadonlyArray<string>;
  readonly acc: A;
}

/**
 * Injective string encoding of a tuple of strings (length-prefixed), for use as a Map key.
 * @example tupleKey(["a", "bc"]) === "1:a2:bc"
 */
export function tupleKey(parts: ReadonlyArray<string>): string {
  let out = "";
  for (const p of parts) out += `${p.length}:${p}`;
  return out;
}

/** Returns the accumulator of (windowStart, keys), creating it with `create` on first use. */
export function groupFor<A>(
  groups: Map<string, BucketGroup<A>>,
  windowStart: number,
  keys: ReadonlyArray<string>,
  create: () => A,
): A {
  const id = `${windowStart}|${tupleKey(keys)}`;
  let g = groups.get(id);
  if (g === undefined) {
    g = { windowStart, keys, acc: create() };
    groups.set(id, g);
  }
  return g.acc;
}

/**
 * Orders rows as the API does (serving.md §8.1): `window_start` descending, then the key tuple
 * ascending in UTF-8 byte order.
 */
export function compareServingOrder(
  aWindow: number,
  aKeys: ReadonlyArray<string>,
  bWindow: number,
  bKeys: ReadonlyArray<string>,
): number {
  if (aWindow !== bWindow) return bWindow - aWindow;
  return compareKeyTuples(aKeys, bKeys);
}

/** The groups of a map in serving order ({@link compareServingOrder}). */
export function sortedGroups<A>(groups: ReadonlyMap<string, BucketGroup<A>>): BucketGroup<A>[] {
  return [...groups.values()].sort((a, b) =>
    compareServingOrder(a.windowStart, a.keys, b.windowStart, b.keys),
  );
}
