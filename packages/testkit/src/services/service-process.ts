import { execFile, spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { findRepoRoot } from "../fixtures/sample-paths.js";

const execFileAsync = promisify(execFile);

/** How long a first `fetch` may take: Maven downloads tens of MB of jars on a fresh machine. */
export const FETCH_TIMEOUT_MS = 5 * 60_000;

/**
 * Absolute path of a launcher script under the repo's `services/` directory.
 * @param relativePath e.g. `kafka/kafka.sh`
 */
export function serviceScript(relativePath: string): string {
  return join(findRepoRoot(), "services", relativePath);
}

/**
 * Runs `bash <script> <args>` to completion (e.g. `fetch`); rejects with its stderr on failure.
 * @param timeoutMs kill the script after this long
 */
export async function runScript(
  script: string,
  args: readonly string[],
  timeoutMs: number,
): Promise<void> {
  try {
    await execFileAsync("bash", [script, ...args], { timeout: timeoutMs });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? "";
    throw new Error(`bash ${script} ${args.join(" ")} failed: ${stderr.trim()}`, { cause: error });
  }
}

/** A service JVM run as a child of this process, its output in a log file. */
export interface ServiceProcess {
  /** The file receiving the process's stdout and stderr. */
  readonly logPath: string;
  /** True once the process has exited (for any reason). */
  hasExited(): boolean;
  /** The last `lines` lines of the log, for error messages. */
  logTail(lines?: number): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. Idempotent. */
  stop(graceMs?: number): Promise<void>;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Spawns `bash <script> run <args>` (the script `exec`s the JVM, so the child pid is the server).
 *
 * The child is SIGKILLed if this process exits without calling `stop`, so a crashed test run does
 * not leave a broker holding ports.
 * @param logPath appended to; created if missing
 * @param env added to this process's environment for the child
 */
export function spawnService(
  script: string,
  args: readonly string[],
  logPath: string,
  env: Readonly<Record<string, string>> = {},
): ServiceProcess {
  const logFd = openSync(logPath, "a");
  const child = spawn("bash", [script, "run", ...args], {
    stdio: ["ignore", logFd, logFd],
    env: { ...process.env, ...env },
  });
  closeSync(logFd);
  let exited = false;
  child.once("exit", () => (exited = true));
  // A spawn failure (no bash) emits "error" and maybe no "exit"; treat it as an early exit.
  child.once("error", () => (exited = true));
  const killOnExit = (): void => void child.kill("SIGKILL");
  process.once("exit", killOnExit);

  const stop = async (graceMs = 20_000): Promise<void> => {
    process.removeListener("exit", killOnExit);
    if (exited) return;
    child.kill("SIGTERM");
    if (await waitForExit(child, graceMs)) return;
    child.kill("SIGKILL");
    await waitForExit(child, 5_000);
  };
  return {
    logPath,
    hasExited: () => exited,
    logTail: (lines = 30) => readFileSync(logPath, "utf8").split("\n").slice(-lines).join("\n"),
    stop,
  };
}

/**
 * An idempotent stop for a started service: stops the process, then removes `tempDir` (the
 * directory the launcher created for it) when one is given. Concurrent calls share one stop.
 */
export function stopper(service: ServiceProcess, tempDir: string | undefined): () => Promise<void> {
  let stopped: Promise<void> | undefined;
  const stopAndClean = async (): Promise<void> => {
    await service.stop();
    if (tempDir !== undefined) await rm(tempDir, { recursive: true, force: true });
  };
  return () => (stopped ??= stopAndClean());
}

/** Options for {@link waitUntilReady}. */
export interface ReadinessOptions {
  /** Give up after this long. */
  readonly timeoutMs: number;
  /** Pause between probes. */
  readonly intervalMs?: number;
  /** Service name for error messages. */
  readonly name: string;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Polls `probe` until it resolves true; rejects (with the service log's tail) when the process
 * exits first or `timeoutMs` passes. A probe that throws counts as "not ready yet".
 */
export async function waitUntilReady(
  service: ServiceProcess,
  probe: () => Promise<boolean>,
  { timeoutMs, intervalMs = 250, name }: ReadinessOptions,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe().catch(() => false)) return;
    if (service.hasExited()) {
      throw new Error(
        `${name} exited during startup; log ${service.logPath}:\n${service.logTail()}`,
      );
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${name} not ready after ${timeoutMs} ms; log ${service.logPath}:\n${service.logTail()}`,
      );
    }
    await sleep(intervalMs);
  }
}
