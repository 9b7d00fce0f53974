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

/**
 * Sets `key` as the most recent entry, then evicts the oldest until at most `maxEntries` remain
 * (`onEvict` sees each evicted value; a replaced value is not evicted).
 */
export function lruSet<K, V>(
  map: Map<K, V>,
  key: K,
  value: V,
  maxEntries: number,
  onEvict?: (value: V) => void,
): void {
  map.delete(key);
  map.set(key, value);
  for (const [k, v] of map) {
    if (map.size <= maxEntries) break;
    map.delete(k);
    onEvict?.(v);
  }
}
