import { describe, expect, it } from "vitest";
import { createPageCache } from "../../src/server/page-cache.js";

/** A cache over a scripted version source and a manual clock. */
function setup(pollMs = 1_000, maxEntries = 3) {
  const state = { now: 0, version: "1" as string | null, reads: 0 };
  const cache = createPageCache<string>({
    readVersion: () => {
      state.reads++;
      return Promise.resolve(state.version);
    },
    now: () => state.now,
    pollMs,
    maxEntries,
  });
  return { state, cache };
}

describe("page cache", () => {
  it("serves a page while the version is unchanged, drops it when a refresh publishes another", async () => {
    const { state, cache } = setup();
    cache.set("k", (await cache.version()) ?? "", "page-1");
    expect(await cache.get("k")).toBe("page-1");
    state.version = "2";
    state.now += 999;
    expect(await cache.get("k")).toBe("page-1"); // not polled yet: within pollMs
    state.now += 1;
    expect(await cache.get("k")).toBeUndefined();
  });

  it("reads the version at most once per poll interval, however many requests", async () => {
    const { state, cache } = setup();
    await Promise.all(Array.from({ length: 50 }, () => cache.get("k")));
    expect(state.reads).toBe(1);
    state.now += 1_000;
    await Promise.all(Array.from({ length: 50 }, () => cache.get("k")));
    expect(state.reads).toBe(2);
  });

  it("caches nothing without a version (no rollups maintained) or for a stale version", async () => {
    const { state, cache } = setup();
    state.version = null;
    cache.set("k", "1", "page");
    expect(await cache.get("k")).toBeUndefined();
    state.version = "5";
    state.now += 1_000;
    await cache.version();
    cache.set("k", "4", "old page read before the refresh");
    expect(await cache.get("k")).toBeUndefined();
  });

  it("keeps at most maxEntries, evicting the least recently used", async () => {
    const { cache } = setup(1_000, 2);
    const v = (await cache.version()) ?? "";
    cache.set("a", v, "A");
    cache.set("b", v, "B");
    expect(await cache.get("a")).toBe("A");
    cache.set("c", v, "C");
    expect(await cache.get("b")).toBeUndefined();
    expect(await cache.get("a")).toBe("A");
    expect(await cache.get("c")).toBe("C");
  });

  it("a failing version read disables caching until it answers again", async () => {
    let fail = true;
    let now = 0;
    const cache = createPageCache<string>({
      readVersion: () => (fail ? Promise.reject(new Error("down")) : Promise.resolve("1")),
      now: () => now,
    });
    expect(await cache.version()).toBeNull();
    fail = false;
    now += 1_000;
    expect(await cache.version()).toBe("1");
  });

  it("a version read that hangs counts as unknown after a second (a hung database hangs no request)", async () => {
    const cache = createPageCache<string>({
      readVersion: () => new Promise<string | null>(() => undefined),
      now: () => 0,
    });
    const t0 = performance.now();
    expect(await cache.version()).toBeNull();
    expect(performance.now() - t0).toBeGreaterThanOrEqual(900);
  });
});

describe("page cache peek", () => {
  it("answers from the last version read; past pollMs it starts the next read and answers until that read has", async () => {
    const { state, cache } = setup();
    expect(cache.peek("k")).toBeUndefined(); // never read
    expect(state.reads).toBe(1); // …but it started the first read
    cache.set("k", (await cache.version()) ?? "", "page-1");
    expect(cache.peek("k")).toBe("page-1");
    expect(cache.peek("other")).toBeUndefined();
    state.now += 999;
    expect(cache.peek("k")).toBe("page-1");
    expect(state.reads).toBe(1);
    state.version = "2";
    state.now += 1;
    expect(cache.peek("k")).toBe("page-1"); // read due: started, not awaited
    expect(cache.peek("k")).toBe("page-1"); // joins the read under way
    expect(state.reads).toBe(2);
    await cache.version(); // the read answers: version 2, pages of 1 dropped
    expect(cache.peek("k")).toBeUndefined();
  });

  it("stops answering once the read it started has also timed out", async () => {
    let now = 0;
    let hang = false;
    const cache = createPageCache<string>({
      readVersion: () =>
        hang ? new Promise<string | null>(() => undefined) : Promise.resolve("1"),
      now: () => now,
    });
    cache.set("k", (await cache.version()) ?? "", "page");
    hang = true;
    now = 1_999;
    expect(cache.peek("k")).toBe("page");
    now = 2_000;
    expect(cache.peek("k")).toBeUndefined();
  });

  it("serves nothing while the version is unknown", async () => {
    const { state, cache } = setup();
    state.version = null;
    await cache.version();
    cache.set("k", "1", "page");
    expect(cache.peek("k")).toBeUndefined();
  });
});

describe("page cache size bound", () => {
  it("keeps at most maxBytes of pages (least recently used go first) and never caches a larger page", async () => {
    const cache = createPageCache<string>({
      readVersion: () => Promise.resolve("1"),
      now: () => 0,
      maxBytes: 10,
      sizeOf: (page) => page.length,
    });
    const v = (await cache.version()) ?? "";
    cache.set("a", v, "aaaa");
    cache.set("b", v, "bbbb");
    expect(await cache.get("a")).toBe("aaaa"); // b is now the least recent
    cache.set("c", v, "cccc");
    expect([await cache.get("a"), await cache.get("b"), await cache.get("c")]).toEqual([
      "aaaa",
      undefined,
      "cccc",
    ]);
    cache.set("a", v, "aa"); // replacing counts the new size only
    cache.set("d", v, "dddd");
    expect(await cache.get("c")).toBe("cccc");
    expect(await cache.get("a")).toBe("aa");
    cache.set("huge", v, "x".repeat(11));
    expect(await cache.get("huge")).toBeUndefined();
    expect(await cache.get("d")).toBe("dddd");
  });
});
