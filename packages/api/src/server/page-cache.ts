import { lruGet, lruSet } from "./lru-map.js";

/**
 * Pages of rollup-backed answers, reused while the data they were read from is unchanged: each
 * entry is stamped with the rollups' `refresh_version` at read time and is only served while
 * that is still the current version (a refresh publishes a new one, invalidating everything).
 * The current version is polled at most once per `pollMs`, so a burst of requests costs one
 * version query, not one per request. A version read that fails or takes over a second (or
 * `pollMs`) counts as "unknown": nothing is served from the cache until it answers again.
 * {@link PageCache.peek} never waits for a read: while one is under way it answers from the last
 * version read, so a page may be served up to `pollMs` plus one read (≤ that timeout) after its
 * version was last confirmed.
 * Bounded LRU: at most `maxEntries` pages and `maxBytes` of them (as `sizeOf` counts).
 */
export interface PageCache<T> {
  /** The page cached under `key` for the current data version, if any. */
  get(key: string): Promise<T | undefined>;
  /**
   * {@link get} without waiting: the page cached for the last version read. When that read is
   * `pollMs` old or more, starts the next one (if none is under way) and still answers from the
   * last until the read's timeout has also passed; undefined when nothing is cached for it, the
   * version is unknown, or the last read is older than that (then {@link get} waits for a read).
   */
  peek(key: string): T | undefined;
  /** Caches `page` under `key` for `version` (the version read before the page was). */
  set(key: string, version: string, page: T): void;
  /** The current data version (polled), or null when unknown (nothing is cached then). */
  version(): Promise<string | null>;
}

/** Options of {@link createPageCache}. */
export interface PageCacheOptions<T = unknown> {
  /** Reads the current data version; null when there is none (no rollups maintained). */
  readonly readVersion: () => Promise<string | null>;
  /** Clock, ms. */
  readonly now: () => number;
  /** Minimum time between two version reads, ms (default 1 000). */
  readonly pollMs?: number;
  /** Maximum entries (default 1 000). */
  readonly maxEntries?: number;
  /** Maximum total size of the pages, bytes by `sizeOf` (default 256 MiB). */
  readonly maxBytes?: number;
  /** Size of a page, bytes (default 0: only `maxEntries` bounds the cache). */
  readonly sizeOf?: (page: T) => number;
}

/** `p`, or null when it has not settled within `ms` (a hung database must not hang callers). */
function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/** A new {@link PageCache}. */
export function createPageCache<T>(options: PageCacheOptions<T>): PageCache<T> {
  const pollMs = options.pollMs ?? 1_000;
  const maxEntries = options.maxEntries ?? 1_000;
  const maxBytes = options.maxBytes ?? 256 * 1024 * 1024;
  const sizeOf = options.sizeOf ?? (() => 0);
  const entries = new Map<string, { version: string; page: T; bytes: number }>();
  let bytes = 0;
  let current: string | null = null;
  let polledAt = -Infinity;
  let polling: Promise<string | null> | undefined;
  const readTimeoutMs = Math.max(pollMs, 1_000);
  const version = async (): Promise<string | null> => {
    if (options.now() - polledAt < pollMs) return current;
    polling ??= withTimeout(options.readVersion(), readTimeoutMs)
      .catch(() => null)
      .then((v) => {
        if (v !== current) {
          entries.clear();
          bytes = 0;
        }
        current = v;
        polledAt = options.now();
        return v;
      })
      .finally(() => (polling = undefined));
    return polling;
  };
  const pageFor = (v: string | null, key: string): T | undefined => {
    if (v === null) return undefined;
    const e = lruGet(entries, key);
    return e !== undefined && e.version === v ? e.page : undefined;
  };
  return {
    version,
    async get(key) {
      return pageFor(await version(), key);
    },
    peek(key) {
      const age = options.now() - polledAt;
      if (age >= pollMs) {
        void version(); // starts or joins the next read; it never rejects
        if (age >= pollMs + readTimeoutMs) return undefined;
      }
      return pageFor(current, key);
    },
    set(key, v, page) {
      const size = sizeOf(page);
      if (v !== current || size > maxBytes) return;
      bytes += size - (entries.get(key)?.bytes ?? 0);
      lruSet(
        entries,
        key,
        { version: v, page, bytes: size },
        maxEntries,
        (e) => (bytes -= e.bytes),
      );
      for (const [k, e] of entries) {
        if (bytes <= maxBytes) break;
        entries.delete(k);
        bytes -= e.bytes;
      }
    },
  };
}
