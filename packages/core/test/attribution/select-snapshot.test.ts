import { describe, expect, it } from "vitest";
import { selectSnapshot } from "../../src/attribution/select-snapshot.js";
import { SnapshotIndex } from "../../src/attribution/snapshot-index.js";
import { snapRow } from "../sessions/builders.js";

const TTL = 86_400_000;
const K = "0xcanonical";
type R = Parameters<typeof snapRow>[0];
const idx = (...rows: R[]) =>
  SnapshotIndex.from(rows.map((r, i) => snapRow({ canonical: K, uid: `u${i}`, ...r })));
const sel = (
  i: SnapshotIndex,
  hint: string,
  t: number,
  url = "",
  gpu: string | null = null,
  key = K,
) => selectSnapshot(i, key, hint, url, gpu, t, TTL);

describe("select (sessions.md §7.3, worked example W6)", () => {
  it("incompatible rows are ignored however fresh", () => {
    const i = idx({ ts: 1000, model: "llama" }, { ts: 2000, model: "sd", gpu: "GPU-1" });
    expect(sel(i, "sd", 2500)).toMatchObject({ modelId: "sd", gpuId: "GPU-1" });
  });

  it("prior outranks future at equal distance", () => {
    const i = idx(
      { ts: 9000, model: "sd", gpu: "GPU-prior" },
      { ts: 11000, model: "sd", gpu: "GPU-future" },
    );
    expect(sel(i, "", 10000)?.gpuId).toBe("GPU-prior");
  });

  it("only incompatible → none", () => {
    expect(sel(idx({ ts: 1000, model: "llama" }), "sd", 2000)).toBeNull();
    expect(sel(idx({ ts: 1739040509903, model: "llama" }), "sd", 1739040510000)).toBeNull();
  });

  it("llama drift: the nearer sd row wins, never llama", () => {
    const gpu = "GPU-6f1bacf5-d5be-9cad-aa38-e35f905daebe";
    const key = "0xd00354656922168815fcd1e51cbddb9e359e3c7f";
    const i = SnapshotIndex.from([
      snapRow({ ts: 1739040506612, uid: "a", canonical: key, model: "sd", gpu }),
      snapRow({ ts: 1739040509903, uid: "b", canonical: key, model: "llama" }),
      snapRow({ ts: 1739040519000, uid: "c", canonical: key, model: "sd", gpu }),
    ]);
    expect(sel(i, "sd", 1739041800304, "", null, key)?.uid).toBe("c");
  });

  it("blank hint picks the nearest; hint sd picks sd", () => {
    const i = idx({ ts: 1739040506612, model: "sd" }, { ts: 1739040509903, model: "llama" });
    expect(sel(i, "", 1739040510000)?.modelId).toBe("llama");
    expect(sel(i, "sd", 1739040510000)?.modelId).toBe("sd");
  });

  it("two canonicals within TTL → none (ambiguity guard)", () => {
    const i = SnapshotIndex.from([
      snapRow({ ts: 10000, uid: "a", hot: "0xhot", canonical: "0xcanonical-a", model: "sd" }),
      snapRow({ ts: 10100, uid: "b", hot: "0xhot", canonical: "0xcanonical-b", model: "sd" }),
    ]);
    expect(sel(i, "sd", 10120, "", null, "0xhot")).toBeNull();
  });

  it("URL hint selects among same-time rows", () => {
    const i = idx(
      { ts: 10000, model: "sd", url: "https://orch-a.example", gpu: "GPU-A" },
      { ts: 10000, model: "sd", url: "https://orch-b.example", gpu: "GPU-B" },
    );
    expect(sel(i, "sd", 10010, "https://orch-b.example")?.gpuId).toBe("GPU-B");
  });

  it("URL first keeps the matching canonical before the guard (§7.3 step 2b)", () => {
    const i = SnapshotIndex.from([
      snapRow({
        ts: 10000,
        uid: "a",
        hot: "0xhot",
        canonical: "0xa",
        url: "https://legiocorp.link:8777",
        model: "sd",
      }),
      snapRow({
        ts: 10000,
        uid: "b",
        hot: "0xhot",
        canonical: "0xb",
        url: "https://kilout.link:8999",
        model: "sd",
      }),
    ]);
    expect(sel(i, "sd", 10010, " HTTPS://kilout.link:8999", null, "0xhot")?.canonical).toBe("0xb");
    expect(sel(i, "sd", 10010, "https://elsewhere", null, "0xhot")).toBeNull();
  });

  it("GPU hint selects among same-URL rows", () => {
    const i = idx(
      { ts: 10000, model: "sd", url: "https://o", gpu: "GPU-B" },
      { ts: 10000, model: "sd", url: "https://o", gpu: "GPU-A" },
    );
    expect(sel(i, "sd", 10020, "", "GPU-A")?.gpuId).toBe("GPU-A");
    // without a hint, the GPU key orders: GPU-A < GPU-B (lowercased)
    expect(sel(i, "sd", 10020)?.gpuId).toBe("GPU-A");
  });

  it("48 h horizon: exact wins, old rows are invisible", () => {
    const i = idx(
      { ts: 0, model: "old-model" },
      { ts: 5 * TTL - 20, model: "model-a" },
      { ts: 5 * TTL - 10, model: "model-b" },
      { ts: 5 * TTL, model: "model-c" },
      { ts: 5 * TTL + 10, model: "model-d" },
    );
    expect(sel(i, "", 5 * TTL)?.modelId).toBe("model-c");
    expect(sel(i, "old-model", 5 * TTL)).toBeNull();
  });

  it("a stale candidate can win; blank key → none", () => {
    const i = idx({ ts: 0, model: "sd" });
    expect(sel(i, "sd", TTL + 5)?.s).toBe(0);
    expect(sel(i, "sd", 2 * TTL + 1)).toBeNull();
    expect(sel(i, "sd", 0, "", null, " ")).toBeNull();
  });

  it("the guard ignores stale rows of another canonical", () => {
    const i = SnapshotIndex.from([
      snapRow({ ts: 0, uid: "a", hot: "0xhot", canonical: "0xold", model: "sd" }),
      snapRow({ ts: TTL + 1000, uid: "b", hot: "0xhot", canonical: "0xnew", model: "sd" }),
    ]);
    expect(sel(i, "sd", TTL + 1000, "", null, "0xhot")?.canonical).toBe("0xnew");
  });
});
