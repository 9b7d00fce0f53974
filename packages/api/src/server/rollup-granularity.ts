import { ROLLUP_GRANULARITIES } from "@livepeer-analytics/clickhouse";
import type { Granularity } from "@livepeer-analytics/core";

/** Whether the rollups hold `g` (answers at other granularities are read from the views). */
export function isRollupGranularity(g: Granularity): boolean {
  return (ROLLUP_GRANULARITIES as readonly Granularity[]).includes(g);
}
