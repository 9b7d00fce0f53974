import { GRANULARITY_MS } from "@livepeer-analytics/core";
import type { EndpointSpec, ResolvedQuery } from "../endpoints/endpoint-spec.js";
import { envelopeTail } from "../endpoints/response-envelope.js";
import { resolveQuery } from "../params/serving-query.js";
import { lruGet, lruSet } from "./lru-map.js";
import { isRollupGranularity } from "./rollup-granularity.js";

/** A request's query string resolved, with what every response to it shares. */
export interface PreparedQuery {
  readonly query: ResolvedQuery;
  /**
   * Page cache key: the endpoint path and the resolved query, so query strings that differ only
   * in parameter order or in equivalent spellings (`+01:00` vs `Z`, `%2D` vs `-`, the address
   * case) share one key.
   */
  readonly key: string;
  /**
   * Page cache key of a rollup-backed answer: {@link key} with the window widened to the bucket
   * bounds it selects. A rollup page holds the buckets whose start lies in [start, end), so two
   * windows with the same first and last bucket (a rolling "last 24 h" within one hour) read the
   * same rows; the parts that name the window (`meta`, the cursor) are rendered per request.
   */
  readonly pageKey: string;
  /** The closing text of every body answering it ({@link envelopeTail}). */
  readonly tail: string;
}

/**
 * Resolves query strings, remembering the ones whose answer does not depend on the clock (an
 * explicit `end` or a cursor): a repeated query string then costs one map lookup instead of a
 * parse. Bounded LRU; invalid query strings are never remembered (they throw every time).
 */
export interface QueryPreparer {
  /** The prepared query of `rawQuery` (text after `?`, undefined when absent) on `spec`. */
  prepare(spec: EndpointSpec, rawQuery: string | undefined, now: () => number): PreparedQuery;
}

/** Query strings longer than this are resolved every time (no memory spent on them). */
const MAX_REMEMBERED_LENGTH = 8_192;

/** A new {@link QueryPreparer} remembering at most `maxEntries` query strings (default 1 000). */
export function createQueryPreparer(maxEntries = 1_000): QueryPreparer {
  const remembered = new Map<string, PreparedQuery>();
  return {
    prepare(spec, rawQuery, now) {
      const text = rawQuery ?? "";
      const memoKey = `${spec.path}?${text}`;
      const hit = lruGet(remembered, memoKey);
      if (hit !== undefined) return hit;
      let clockRead = false;
      const query = resolveQuery(spec, text, () => {
        clockRead = true;
        return now();
      });
      const key = JSON.stringify([spec.path, query]);
      const prepared = {
        query,
        key,
        pageKey: pageKeyOf(spec, query, key),
        tail: envelopeTail(query),
      };
      if (!clockRead && text.length <= MAX_REMEMBERED_LENGTH)
        lruSet(remembered, memoKey, prepared, maxEntries);
      return prepared;
    },
  };
}

/** The first bucket start at or after `ms` (rollup buckets are epoch multiples of their size). */
const bucketCeil = (ms: number, size: number): number => Math.ceil(ms / size) * size;

/** See {@link PreparedQuery.pageKey}; `key` itself at granularities the rollups do not hold. */
function pageKeyOf(spec: EndpointSpec, q: ResolvedQuery, key: string): string {
  if (!isRollupGranularity(q.granularity)) return key;
  const size = GRANULARITY_MS[q.granularity];
  const start = bucketCeil(q.start, size);
  const end = bucketCeil(q.end, size);
  return JSON.stringify([spec.path, { ...q, start, end }]);
}
