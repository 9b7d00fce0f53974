/**
 * Shares one run of identical concurrent work: callers with the same key while a run is under way
 * get its result instead of starting another (dashboards polling the same window, many viewers).
 * Nothing is cached: a call after the run settled starts a new one. The run is aborted only when
 * every caller has given up (its own signal aborted).
 */
export interface SingleFlight<T> {
  run(key: string, signal: AbortSignal, work: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Runs under way (for tests and metrics). */
  readonly size: number;
}

interface Flight<T> {
  readonly ctl: AbortController;
  waiters: number;
  /** Settles with the work; set right after the flight is created (its finally needs it). */
  promise?: Promise<T>;
}

/** A new {@link SingleFlight}. */
export function createSingleFlight<T>(): SingleFlight<T> {
  const flights = new Map<string, Flight<T>>();
  const forget = (key: string, f: Flight<T>): void => {
    if (flights.get(key) === f) flights.delete(key);
  };
  const start = (key: string, work: (signal: AbortSignal) => Promise<T>): Flight<T> => {
    const flight: Flight<T> = { ctl: new AbortController(), waiters: 0 };
    flight.promise = work(flight.ctl.signal).finally(() => forget(key, flight));
    flights.set(key, flight);
    return flight;
  };
  return {
    get size() {
      return flights.size;
    },
    run(key, signal, work) {
      if (signal.aborted) return Promise.reject(new Error("aborted before start"));
      const flight = flights.get(key) ?? start(key, work);
      flight.waiters++;
      const leave = (): void => {
        if (--flight.waiters > 0) return;
        forget(key, flight);
        flight.ctl.abort();
      };
      signal.addEventListener("abort", leave, { once: true });
      return (flight.promise as Promise<T>).finally(() =>
        signal.removeEventListener("abort", leave),
      );
    },
  };
}
