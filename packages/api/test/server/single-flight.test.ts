import { describe, expect, it } from "vitest";
import { createSingleFlight } from "../../src/server/single-flight.js";

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("createSingleFlight", () => {
  it("runs identical concurrent work once and shares its result", async () => {
    const f = createSingleFlight<number>();
    const d = deferred<number>();
    let runs = 0;
    const work = (): Promise<number> => (runs++, d.promise);
    const a = f.run("k", new AbortController().signal, work);
    const b = f.run("k", new AbortController().signal, work);
    const c = f.run("other", new AbortController().signal, () => Promise.resolve(7));
    d.resolve(42);
    expect(await Promise.all([a, b, c])).toEqual([42, 42, 7]);
    expect(runs).toBe(1);
    expect(f.size).toBe(0);
  });

  it("starts a new run once the previous one settled (no caching)", async () => {
    const f = createSingleFlight<number>();
    let runs = 0;
    const work = (): Promise<number> => Promise.resolve(++runs);
    expect(await f.run("k", new AbortController().signal, work)).toBe(1);
    expect(await f.run("k", new AbortController().signal, work)).toBe(2);
  });

  it("aborts the shared work only when every caller gave up", async () => {
    const f = createSingleFlight<number>();
    let shared: AbortSignal | undefined;
    const d = deferred<number>();
    const work = (s: AbortSignal): Promise<number> => ((shared = s), d.promise);
    const c1 = new AbortController();
    const c2 = new AbortController();
    const p1 = f.run("k", c1.signal, work);
    const p2 = f.run("k", c2.signal, work);
    c1.abort();
    expect(shared?.aborted).toBe(false);
    c2.abort();
    expect(shared?.aborted).toBe(true);
    expect(f.size).toBe(0);
    d.resolve(1);
    expect(await Promise.all([p1, p2])).toEqual([1, 1]);
  });

  it("shares a failure with every caller", async () => {
    const f = createSingleFlight<number>();
    const d = deferred<number>();
    const work = (): Promise<number> => d.promise.then(() => Promise.reject(new Error("boom")));
    const a = f.run("k", new AbortController().signal, work);
    const b = f.run("k", new AbortController().signal, work);
    d.resolve(0);
    await expect(a).rejects.toThrow("boom");
    await expect(b).rejects.toThrow("boom");
  });
});
