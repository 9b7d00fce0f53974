/**
 * Least-recently-used bookkeeping on a `Map` (its insertion order is the recency order, oldest
 * first): {@link lruGet} moves a hit to the end, {@link lruSet} evicts from the front.
 */

/** The value under `key`, made the most recent; undefined when absent. */
export function lruGet<K, V>(map: Map<K, V>, key: K): V | undefined {
  const v = map.get(key);
  if (v === undefined) return undefined;
  map.delete(key);
  map.set(key, v);
  return v;
}

/** Sets `key` as the most recent entry, then evicts the oldest until at most `maxEntries` remain. */
export function lruSet<K, V>(map: Map<K, V>, key: K, value: V, maxEntries: number): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > maxEntries) {
    const oldest = map.keys().next();
    if (oldest.done === true) break;
    map.delete(oldest.value);
  }
}
