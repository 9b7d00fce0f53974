import type { Prng } from "./prng.js";

/** One GPU of an orchestrator (the `gpu_info` entry of a hardware element). */
export interface GpuSpec {
  /** e.g. `GPU-1e7025d4-a3dd-5371-daec-b666af6ec29c` (lowercase hex). */
  readonly id: string;
  readonly name: string;
  /** Bytes. */
  readonly memoryTotal: number;
  readonly major: number;
  /** null → the `minor` key is omitted (as real RTX 5090 entries do). */
  readonly minor: number | null;
  /** Model label this GPU runs (the hardware element's `model_id`). */
  readonly model: string;
}

/** A hot (proxy) wallet and the time (epoch ms) from which the orchestrator uses it. */
export interface HotWallet {
  readonly address: string;
  readonly fromMs: number;
}

/**
 * An orchestrator of the simulated network.
 *
 * `live-video` orchestrators advertise capability 35 with one hardware element per GPU
 * (pipeline `live-video-to-video`); `llm` ones advertise capability 33 without hardware (they
 * only produce hardware-less snapshot rows, D3). Wallets are mixed-case, as published on chain;
 * every hot wallet must belong to exactly one canonical wallet, and rotations (extra
 * `hotWallets`) must be at least one capability interval apart so each is published.
 */
export interface OrchestratorSpec {
  readonly kind: "live-video" | "llm";
  /** Canonical on-chain wallet (`address` of the capability element). */
  readonly canonical: string;
  /** Hot wallets sorted by `fromMs`; the first one's `fromMs` is ignored (always active). */
  readonly hotWallets: readonly HotWallet[];
  /** Service URL (`orch_uri`, `orchestrator_info.url`). */
  readonly url: string;
  readonly gpus: readonly GpuSpec[];
  /** Hardware-less models (LLM orchestrators). */
  readonly llmModels: readonly string[];
  readonly version: string;
  readonly runnerVersion: string;
  readonly pricePerUnit: number;
}

/** A gateway: its name (envelope `gateway`) and the wallet that pays (`sender`). */
export interface GatewaySpec {
  readonly name: string;
  readonly ethAddress: string;
}

/** Live-video model labels used by generated orchestrators. */
export const LIVE_MODELS: readonly string[] = [
  "streamdiffusion-sdxl",
  "streamdiffusion-sdxl-v2v",
  "streamdiffusion-sdxl-faceid",
];

/** LLM model used by generated hardware-less orchestrators. */
export const LLM_MODEL = "meta-llama/Meta-Llama-3.1-8B-Instruct";

const GPU_MODELS: ReadonlyArray<readonly [string, number, number, number | null]> = [
  ["NVIDIA GeForce RTX 4090", 25757220864, 8, 9],
  ["NVIDIA GeForce RTX 5090", 34190917632, 12, null],
  ["NVIDIA GeForce RTX 3090", 25769803776, 8, 6],
  ["NVIDIA RTX A6000", 51527024640, 8, 6],
  ["NVIDIA L40S", 48305799168, 8, 9],
];
const REGIONS = ["fra", "mdw", "sea", "sin", "lax", "nyc", "ams", "lon", "tyo", "syd"];
const HOST_WORDS = ["rtv", "ai", "orch", "livepeer", "node", "gpu", "compute", "stream"];
const DOMAINS = [
  "nullworks.xyz",
  "nightnode.net",
  "xodeapp.xyz",
  "bitbender.xyz",
  "speedybird.xyz",
  "ultimaratio.link",
];

/** A random wallet `0x` + 40 hex chars with random letter case (as EIP-55 checksums look). */
export function randomWallet(rng: Prng): string {
  let s = "0x";
  for (const ch of rng.hex(40)) s += ch >= "a" && rng.chance(0.5) ? ch.toUpperCase() : ch;
  return s;
}

/** A GPU id `GPU-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` (lowercase hex). */
export function randomGpuId(rng: Prng): string {
  return `GPU-${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`;
}

/** `n` gateways named `cloud-spe-ai-live-video-tester-<region>` (suffixed when n > 10). */
export function generateGateways(rng: Prng, n: number): GatewaySpec[] {
  const out: GatewaySpec[] = [];
  for (let i = 0; i < n; i++) {
    const region = REGIONS[i % REGIONS.length] ?? "fra";
    const suffix = i >= REGIONS.length ? `-${Math.floor(i / REGIONS.length)}` : "";
    out.push({
      name: `cloud-spe-ai-live-video-tester-${region}${suffix}`,
      ethAddress: randomWallet(rng),
    });
  }
  return out;
}

/**
 * Generates `live` live-video orchestrators (each one model, 1–4 GPUs, models assigned round
 * robin so every model has ≥ 2 orchestrators when live ≥ 2·|LIVE_MODELS|) and `llm` hardware-less
 * LLM orchestrators. About 20 % are self-hosted (hot = canonical); about a quarter of the others
 * rotate their hot wallet once, at `rotationMs`.
 */
export function generateOrchestrators(
  rng: Prng,
  live: number,
  llm: number,
  rotationMs: number,
): OrchestratorSpec[] {
  const out: OrchestratorSpec[] = [];
  const used = new Set<string>();
  const wallet = (): string => {
    for (;;) {
      const w = randomWallet(rng);
      if (!used.has(w.toLowerCase())) {
        used.add(w.toLowerCase());
        return w;
      }
    }
  };
  for (let i = 0; i < live + llm; i++) {
    const isLive = i < live;
    const canonical = wallet();
    const selfHosted = rng.chance(0.2);
    const hotWallets: HotWallet[] = [{ address: selfHosted ? canonical : wallet(), fromMs: 0 }];
    if (!selfHosted && rng.chance(0.25)) hotWallets.push({ address: wallet(), fromMs: rotationMs });
    const model = LIVE_MODELS[i % LIVE_MODELS.length] ?? "streamdiffusion-sdxl";
    const gpus: GpuSpec[] = [];
    const gpuCount = isLive ? rng.int(1, 4) : 0;
    const [name, memoryTotal, major, minor] = rng.pick(GPU_MODELS);
    for (let g = 0; g < gpuCount; g++)
      gpus.push({ id: randomGpuId(rng), name, memoryTotal, major, minor, model });
    out.push({
      kind: isLive ? "live-video" : "llm",
      canonical,
      hotWallets,
      url: `https://${rng.pick(HOST_WORDS)}${i}.${rng.pick(DOMAINS)}:${rng.int(8000, 40000)}`,
      gpus,
      llmModels: isLive ? [] : [LLM_MODEL],
      version: rng.pick(["0.8.8", "0.8.9", "0.8.9-cd208259"]),
      runnerVersion: rng.pick(["0.14.1", "0.13.11-a201f99d", "0.14.0"]),
      pricePerUnit: isLive ? rng.int(1500, 3000) : 98557231,
    });
  }
  return out;
}

/** The hot wallet an orchestrator uses at time `t` (last one whose `fromMs ≤ t`, else the first). */
export function activeHotWallet(o: OrchestratorSpec, t: number): string {
  let addr = o.hotWallets[0]?.address ?? o.canonical;
  for (let i = 1; i < o.hotWallets.length; i++) {
    const w = o.hotWallets[i];
    if (w !== undefined && w.fromMs <= t) addr = w.address;
  }
  return addr;
}

/** Models served by a live orchestrator (distinct GPU models, first-seen order). */
export function liveModels(o: OrchestratorSpec): string[] {
  const out: string[] = [];
  for (const g of o.gpus) if (!out.includes(g.model)) out.push(g.model);
  return out;
}

/**
 * GPU a session on (`o`, `model`) is pinned to by the spec's selector (sessions.md §7.3 step 4):
 * with no GPU hint all rows of one capability event tie until the GPU key (trim + lowercase,
 * ascending), and the winner then becomes the hint. null when the model has no GPU.
 */
export function pinnedGpuId(o: OrchestratorSpec, model: string): string | null {
  let best: string | null = null;
  for (const g of o.gpus) {
    if (g.model.toLowerCase() !== model.toLowerCase()) continue;
    if (best === null || g.id.trim().toLowerCase() < best.trim().toLowerCase()) best = g.id;
  }
  return best;
}
