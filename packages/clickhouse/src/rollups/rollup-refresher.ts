import type { LpaClickHouse } from "../connection/create-clickhouse.js";
import { refreshRollups, type RefreshResult } from "./refresh-rollups.js";

/** Options of {@link startRollupRefresher}. */
export interface RollupRefresherOptions {
  /** Pause between the end of one refresh and the start of the next, in ms (default 5 000). */
  readonly intervalMs?: number;
  /** Called with each refresh that did work. */
  readonly onRefresh?: (result: RefreshResult) => void;
  /** Called when a refresh fails (the next tick retries; marks stay pending). */
  readonly onError?: (error: unknown) => void;
}

/** A running refresher. */
export interface RollupRefresher {
  /** Refreshes now (after the refresh in progress, if any) and resolves with its result. */
  refreshNow(): Promise<RefreshResult>;
  /** Stops the timer and waits for the refresh in progress. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Keeps the rollups of `db` fresh: {@link refreshRollups} every `intervalMs`, never two at once
 * (refreshes are chained), so rows become readable through the rollups at most one interval plus
 * one refresh after they are written.
 */
export function startRollupRefresher(
  db: LpaClickHouse,
  options: RollupRefresherOptions = {},
): RollupRefresher {
  const intervalMs = options.intervalMs ?? 5_000;
  let chain: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const run = (): Promise<RefreshResult> => {
    const next = chain.then(() => refreshRollups(db));
    chain = next.catch(() => undefined);
    return next;
  };
  const tick = (): void => {
    timer = undefined;
    run()
      .then((r) => {
        if (r.refreshVersion !== null) options.onRefresh?.(r);
      })
      .catch((e: unknown) => options.onError?.(e))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  timer = setTimeout(tick, intervalMs);
  return {
    refreshNow: run,
    async stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      await chain;
    },
  };
}
