import { describe, expect, it } from "vitest";
import { parseEvent } from "../../src/events/parse-event.js";
import type { TypedRows } from "../../src/events/raw-rows.js";
import { sampleLines } from "./sample-files.js";

function rowsOf(input: string | object): TypedRows {
  const r = parseEvent(typeof input === "string" ? input : JSON.stringify(input));
  if (r.kind !== "accepted") throw new Error(r.kind === "rejected" ? r.rejection.details : r.kind);
  return r.rows;
}

const event = (data: unknown) => ({
  id: "cap-1",
  type: "network_capabilities",
  timestamp: 1000,
  data,
});

describe("network_capabilities — E6 sample (4 orchestrators)", () => {
  const line = sampleLines("events/network_capabilities.jsonl")[0]!;
  const rows = rowsOf(line);
  const snap = rows.raw_network_capabilities!;

  it("fan-out counts 5 / 64 / 4 / 4", () => {
    expect(snap).toHaveLength(5);
    expect(rows.raw_network_capabilities_advertised).toHaveLength(64);
    expect(rows.raw_network_capabilities_model_constraints).toHaveLength(4);
    expect(rows.raw_network_capabilities_prices).toHaveLength(4);
  });

  it("all hardware rows of capability 35 / streamdiffusion-sdxl", () => {
    for (const r of snap) {
      expect(r).toMatchObject({
        has_hardware: 1,
        capability_id: 35,
        capability_name: "Live video to video",
        capability_group: "live-video",
        capability_catalog_version: "v1",
        pipeline: "live-video-to-video",
        model_id: "streamdiffusion-sdxl",
        warm: 1,
        runner_version: "0.14.1",
      });
      expect([2149, 1719]).toContain(r.price_per_unit);
    }
    expect(snap.map((r) => r.snapshot_row_ordinal)).toEqual([0, 1, 2, 3, 4]);
  });

  it("first row", () => {
    const data = (JSON.parse(line) as { data: unknown[] }).data;
    expect(snap[0]).toMatchObject({
      orchestrator_address: "0x9d61ae5875e89036fbf6059f3116d01a22ace3c8",
      local_address: "0xcdf93b13efcf63f84f2affb01bec48a5c096c69e",
      orch_uri: "https://rtv.nullworks.xyz:9924",
      gpu_name: "NVIDIA GeForce RTX 4090",
      gpu_id: "GPU-1e7025d4-a3dd-5371-daec-b666af6ec29c",
      gpu_major: 8,
      gpu_minor: 9,
      gpu_memory_total: 25757220864,
      gpu_memory_free: 25176571904,
      capacity: null,
      capacity_in_use: 2,
      price_per_unit: 2149,
      pixels_per_unit: 1,
      orchestrator_version: "0.8.8",
      source_event_id: (JSON.parse(line) as { id: string }).id,
      raw_json: JSON.stringify(data[0]),
    });
  });

  it("the RTX 5090 row has gpu_minor null", () => {
    const rtx5090 = snap.filter((r) => r.gpu_name?.includes("5090"));
    expect(rtx5090.length).toBeGreaterThan(0);
    for (const r of rtx5090) expect(r.gpu_minor).toBeNull();
  });

  it("advertised rows carry ordinals and catalog names", () => {
    const adv = rows.raw_network_capabilities_advertised!;
    expect(adv.map((r) => r.row_ordinal)).toEqual([...Array(64).keys()]);
    expect(adv[0]).toMatchObject({
      capability_id: 0,
      capability_name: "H.264",
      capability_group: "transcoding",
      capacity: 1,
    });
    expect(adv[15]).toMatchObject({ capability_id: 35, capability_name: "Live video to video" });
  });
});

describe("network_capabilities — E6 production sample (50 orchestrators)", () => {
  const rows = rowsOf(sampleLines("events/network_capabilities_prod_20260224.jsonl")[0]!);
  const snap = rows.raw_network_capabilities!;

  it("fan-out counts 42 (37 + 5) / 1123 / 20 / 29", () => {
    expect(snap).toHaveLength(42);
    expect(snap.filter((r) => r.has_hardware === 1)).toHaveLength(37);
    expect(rows.raw_network_capabilities_advertised).toHaveLength(1123);
    expect(rows.raw_network_capabilities_model_constraints).toHaveLength(20);
    expect(rows.raw_network_capabilities_prices).toHaveLength(29);
    expect(snap.map((r) => r.snapshot_row_ordinal)).toEqual([...Array(42).keys()]);
  });

  it("the five hardware-less rows", () => {
    const hl = snap.filter((r) => r.has_hardware === 0);
    const llama = "meta-llama/Meta-Llama-3.1-8B-Instruct";
    expect(
      hl.map((r) => [r.orchestrator_address.slice(0, 10), r.capability_id, r.pipeline, r.model_id]),
    ).toEqual([
      ["0x5263e0ce", 33, "llm", llama],
      ["0xb5164d6b", 27, "text-to-image", "SG161222/RealVisXL_V4.0_Lightning"],
      ["0xb5164d6b", 30, "upscale", "stabilityai/stable-diffusion-x4-upscaler"],
      ["0xb5164d6b", 31, "audio-to-text", "openai/whisper-large-v3"],
      ["0xdef1c705", 33, "llm", llama],
    ]);
    expect(hl[0]!.local_address.startsWith("0x52cf2968")).toBe(true);
    for (const r of hl) {
      expect([
        r.gpu_id,
        r.gpu_name,
        r.gpu_memory_total,
        r.gpu_memory_free,
        r.gpu_major,
        r.gpu_minor,
      ]).toEqual([null, null, null, null, null, null]);
      expect(r.capability_group).toBe("inference");
    }
  });

  it("element 5's hardware-less row takes the sixth price entry", () => {
    const row = snap.find(
      (r) => r.has_hardware === 0 && r.orchestrator_address.startsWith("0x5263e0ce"),
    )!;
    expect(row.price_per_unit).toBe(98557231);
    expect(row.pixels_per_unit).toBe(1);
  });

  it("element 47's three llm hardware entries give one null-GPU row each", () => {
    const data = (
      JSON.parse(sampleLines("events/network_capabilities_prod_20260224.jsonl")[0]!) as {
        data: { address: string }[];
      }
    ).data;
    const addr = data[47]!.address.toLowerCase();
    const rows47 = snap.filter((r) => r.orchestrator_address === addr);
    const llm = rows47.filter((r) => r.pipeline === "llm");
    expect(llm.map((r) => r.model_id)).toEqual([
      "meta-llama/Meta-Llama-3.1-8B-Instruct",
      "llama3.2-vision",
      "glm-4.7-flash",
    ]);
    for (const r of llm) {
      expect(r.has_hardware).toBe(1);
      expect(r.gpu_id).toBeNull();
      expect(r.capability_id).toBe(33);
    }
    expect(rows47.filter((r) => r.pipeline !== "llm").every((r) => r.gpu_id !== null)).toBe(true);
  });

  it("capability 37 (not in the catalog) is kept as unknown", () => {
    const prices = rows.raw_network_capabilities_prices!;
    const p37 = prices.filter((p) => p.capability_id === 37);
    expect(p37.length).toBeGreaterThan(0);
    for (const p of p37)
      expect([p.capability_name, p.capability_group]).toEqual(["unknown", "unknown"]);
  });
});

describe("network_capabilities — rules (events.md §8.4)", () => {
  const perCap = (models: object, key = "35") => ({
    constraints: { PerCapability: { [key]: { models } } },
  });

  it("skips non-object and empty elements; a single object is one element", () => {
    expect(rowsOf(event([null, 5, {}, "x"]))).toEqual({});
    const one = rowsOf(event({ address: "0xA", hardware: [{ model_id: "m", pipeline: "p" }] }));
    expect(one.raw_network_capabilities).toHaveLength(1);
    expect(one.raw_network_capabilities![0]).toMatchObject({
      orchestrator_address: "0xa",
      capability_id: -1,
      capability_name: "unknown",
    });
  });

  it("hardware: exact model match, then fallback to the first non-empty models object", () => {
    const caps = {
      constraints: {
        PerCapability: {
          x: { models: { m2: { warm: false } } },
          "33": { models: {} },
          "27": { models: { other: { warm: 5, capacity: "2", runnerVersion: "r27" } } },
          "35": { models: { m2: { warm: true, runnerVersion: "r35" } } },
        },
      },
    };
    const rows = rowsOf(
      event({
        address: "a",
        capabilities: caps,
        hardware: [{ model_id: "m2" }, { model_id: "zzz" }, 7],
      }),
    ).raw_network_capabilities!;
    expect(rows[0]).toMatchObject({
      model_id: "m2",
      capability_id: 35,
      warm: 1,
      runner_version: "r35",
      has_hardware: 1,
    });
    // zzz matches nothing: first integer-like key with a non-empty models object is 27 (keys 27 < 33 < 35).
    expect(rows[1]).toMatchObject({
      model_id: "zzz",
      capability_id: 27,
      warm: 5,
      capacity: 2,
      runner_version: "r27",
    });
    // Hardware-less rows: models of integer-like keys not served by hardware ("other" under 27).
    expect(
      rows.slice(2).map((r) => [r.model_id, r.capability_id, r.has_hardware, r.pipeline]),
    ).toEqual([["other", 27, 0, "text-to-image"]]);
  });

  it("integer-like keys are read in ascending numeric order, then others in document order", () => {
    const caps = {
      capacities: { "35": 1, "-1": 3, "7": 2, abc: 9, "1e2": 4, "2147483648": 5, "0": 0 },
    };
    const adv = rowsOf(
      event({ address: "a", capabilities: caps }),
    ).raw_network_capabilities_advertised!;
    expect(adv.map((r) => [r.capability_id, r.capacity])).toEqual([
      [0, 0],
      [7, 2],
      [35, 1],
      [-1, 3],
    ]);
  });

  it("GPU fan-out: every gpu_info key, non-object values give null fields", () => {
    const hw = [
      {
        model_id: "m",
        gpu_info: {
          "1": { id: "g1", memory_total: "10" },
          "0": { id: "g0", major: 300 },
          x: "junk",
        },
      },
    ];
    const rows = rowsOf(event({ address: "a", hardware: hw })).raw_network_capabilities!;
    expect(rows.map((r) => [r.gpu_id, r.gpu_memory_total, r.gpu_major])).toEqual([
      ["g0", null, null], // major 300 is outside UInt8
      ["g1", 10, null],
      [null, null, null],
    ]);
    const empty = rowsOf(
      event({ address: "a", hardware: [{ model_id: "m", gpu_info: {} }] }),
    ).raw_network_capabilities!;
    expect(empty).toHaveLength(1);
    expect(empty[0]!.gpu_id).toBeNull();
  });

  it("price selection: capability and constraint match, else the first entry; unknown id taken from the price", () => {
    const prices = [
      { capability: 33, constraint: "llama-4", pricePerUnit: 1, pixelsPerUnit: 1 },
      { capability: 35, constraint: "other", pricePerUnit: 2, pixelsPerUnit: 1 },
      { capability: "35", constraint: "m", pricePerUnit: "3", pixelsPerUnit: 1 },
    ];
    const withCap = rowsOf(
      event({
        address: "a",
        capabilities: perCap({ m: {} }),
        capabilities_prices: prices,
        hardware: [{ model_id: "m" }],
      }),
    );
    expect(withCap.raw_network_capabilities![0]).toMatchObject({
      capability_id: 35,
      price_per_unit: 3,
    });
    const noMatch = rowsOf(
      event({ address: "a", capabilities_prices: prices, hardware: [{ model_id: "q" }] }),
    );
    expect(noMatch.raw_network_capabilities![0]).toMatchObject({
      capability_id: 33,
      price_per_unit: 1,
    });
    const emptyModel = rowsOf(
      event({ address: "a", capabilities_prices: prices.slice(1), hardware: [{}] }),
    );
    expect(emptyModel.raw_network_capabilities![0]).toMatchObject({
      model_id: "",
      capability_id: 35,
      price_per_unit: 2,
    });
    const noPrices = rowsOf(event({ address: "a", hardware: [{ model_id: "q" }] }));
    expect(noPrices.raw_network_capabilities![0]).toMatchObject({
      capability_id: -1,
      price_per_unit: null,
      pixels_per_unit: null,
    });
  });

  it("price rows: null capability → -1 unknown, nullable constraint", () => {
    const prices = rowsOf(
      event({
        address: "a",
        capabilities_prices: [{ capability: null, constraint: "", pricePerUnit: 5 }, "x"],
      }),
    ).raw_network_capabilities_prices!;
    expect(
      prices.map((p) => [
        p.capability_id,
        p.capability_name,
        p.constraint_name,
        p.price_per_unit,
        p.row_ordinal,
      ]),
    ).toEqual([
      [-1, "unknown", null, 5, 0],
      [-1, "unknown", null, null, 1],
    ]);
  });

  it("model constraints: one row per model of each integer-like key", () => {
    const caps = {
      constraints: {
        PerCapability: {
          "35": { models: { a: { warm: true, capacity: 1, capacityInUse: 0 }, b: null } },
          "33": { models: "x" },
        },
      },
    };
    const mc = rowsOf(
      event({ address: "a", capabilities: caps }),
    ).raw_network_capabilities_model_constraints!;
    expect(
      mc.map((r) => [
        r.capability_id,
        r.model_id,
        r.warm,
        r.capacity,
        r.capacity_in_use,
        r.runner_version,
        r.row_ordinal,
      ]),
    ).toEqual([
      [35, "a", 1, 1, 0, null, 0],
      [35, "b", null, null, null, null, 1],
    ]);
  });

  it("ordinals continue across elements; hardware rows before hardware-less rows", () => {
    const el = (addr: string) => ({
      address: addr,
      capabilities: perCap({ m: {}, n: {} }),
      hardware: [{ model_id: "m" }],
    });
    const snap = rowsOf(event([el("a"), el("b")])).raw_network_capabilities!;
    expect(
      snap.map((r) => [r.orchestrator_address, r.model_id, r.has_hardware, r.snapshot_row_ordinal]),
    ).toEqual([
      ["a", "m", 1, 0],
      ["a", "n", 0, 1],
      ["b", "m", 1, 2],
      ["b", "n", 0, 3],
    ]);
    expect(snap[1]!.pipeline).toBe("live-video-to-video");
  });
});
