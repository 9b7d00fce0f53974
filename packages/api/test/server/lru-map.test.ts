import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lruGet, lruSet } from "../../src/server/lru-map.js";

describe("lru map", () => {
  it("keeps the maxEntries most recently used keys, whatever the operations", () => {
    const op = fc.record({ get: fc.boolean(), key: fc.integer({ min: 0, max: 6 }) });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(op), (max, ops) => {
        const map = new Map<number, number>();
        const recency: number[] = []; // model: keys present, least recent first
        for (const { get, key } of ops) {
          if (get) {
            expect(lruGet(map, key)).toBe(recency.includes(key) ? key * 10 : undefined);
            if (!recency.includes(key)) continue;
          } else {
            const evicted: number[] = [];
            lruSet(map, key, key * 10, max, (v) => evicted.push(v));
            const expected = recency.filter((k) => k !== key);
            expect(evicted).toEqual(
              expected.slice(0, Math.max(0, expected.length + 1 - max)).map((k) => k * 10),
            );
          }
          const i = recency.indexOf(key);
          if (i !== -1) recency.splice(i, 1);
          recency.push(key);
          if (recency.length > max) recency.shift();
        }
        expect([...map.keys()]).toEqual(recency);
      }),
    );
  });
});
