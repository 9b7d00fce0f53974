// Child processes and probes of `npm run stack`.
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Node flags that run the TypeScript sources (no build needed). */
const NODE_ARGS = ["--import", "tsx", "--conditions=@livepeer-analytics/source"];

const here = (f: string): string => fileURLToPath(new URL(f, import.meta.url));

/** A running child with its collected output. */
export interface Child {
  readonly process: ChildProcess;
  readonly exited: Promise<number>;
  output(): string;
}

function track(child: ChildProcess, echo: boolean): Child {
  let out = "";
  const collect = (b: Buffer): void => {
    out += b.toString();
    if (echo) process.stderr.write(b);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<number>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? (signal === null ? 1 : 128))),
  );
  return { process: child, exited, output: () => out };
}

/** Starts `lpa <args>` from sources. */
export function spawnLpa(args: readonly string[], echo = false): Child {
  return track(
    spawn("node", [...NODE_ARGS, here("./lpa.ts"), ...args], { stdio: ["ignore", "pipe", "pipe"] }),
    echo,
  );
}

/** Runs `lpa <args>` to completion; resolves with its exit code and output. */
export async function runLpa(args: readonly string[]): Promise<{ code: number; output: string }> {
  const c = spawnLpa(args);
  const code = await c.exited;
  return { code, output: c.output() };
}

/** Starts the worker (`lpa consume` and optionally `lpa serve` in one process). */
export function spawnWorker(config: {
  db: readonly string[];
  consume: readonly string[];
  serve?: readonly string[];
}): Child {
  return track(
    spawn("node", [...NODE_ARGS, here("./worker.ts"), JSON.stringify(config)], {
      stdio: ["ignore", "pipe", "pipe"],
    }),
    true,
  );
}

/** SIGTERM, then the exit code (SIGKILL after `graceMs`). */
export async function stopChild(c: Child, graceMs = 60_000): Promise<number> {
  if (c.process.exitCode === null && c.process.signalCode === null) c.process.kill("SIGTERM");
  const timer = setTimeout(() => c.process.kill("SIGKILL"), graceMs);
  try {
    return await c.exited;
  } finally {
    clearTimeout(timer);
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it returns a value (not undefined), or throws after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  abort?: Promise<unknown>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let aborted = false;
  void abort?.then(() => (aborted = true));
  for (;;) {
    const v = await check().catch(() => undefined);
    if (v !== undefined) return v;
    if (aborted) throw new Error(`${what}: a process it needs exited`);
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(250);
  }
}

/** `true` when GET `url` answers 2xx, else undefined (for {@link waitFor}). */
export async function httpOk(url: string): Promise<true | undefined> {
  const r = await fetch(url, { signal: AbortSignal.timeout(2_000) });
  return r.ok ? true : undefined;
}

/** Prometheus text of `/metrics` as name (with labels) → value. */
export async function scrape(url: string): Promise<Map<string, number>> {
  const text = await (await fetch(url, { signal: AbortSignal.timeout(2_000) })).text();
  const out = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line.startsWith("#") || line === "") continue;
    const i = line.lastIndexOf(" ");
    out.set(line.slice(0, i), Number(line.slice(i + 1)));
  }
  return out;
}
