import { execFile, spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const here = (f: string): string => fileURLToPath(new URL(f, import.meta.url));
const NODE_ARGS = ["--import", "tsx", "--conditions=@livepeer-analytics/source"];

/** Runs `lpa <args>` from sources in a child process; resolves with stdout, stderr and code. */
export async function lpa(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const r = await run("node", [...NODE_ARGS, here("./run-lpa.ts"), ...args], {
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, ...env },
    });
    return { stdout: r.stdout, stderr: r.stderr, code: 0 };
  } catch (e) {
    const err = e as { stdout: string; stderr: string; code: number };
    return { stdout: err.stdout, stderr: err.stderr, code: err.code };
  }
}

/** Starts `lpa <args>` without waiting (to kill it). */
export function spawnLpa(args: readonly string[]): ChildProcess {
  return spawn("node", [...NODE_ARGS, here("./run-lpa.ts"), ...args], { stdio: "pipe" });
}

/** Per-table counts of an embedded database, read in a separate process (chDB binds one dir). */
export async function tableCounts(
  dbPath: string,
): Promise<Record<string, { rows: number; final: number }>> {
  const r = await run("node", [...NODE_ARGS, here("./table-counts.ts"), dbPath]);
  return JSON.parse(r.stdout) as Record<string, { rows: number; final: number }>;
}

/** Rows of `tables` in an embedded database (FINAL, sorted), read in a separate process. */
export async function dumpTables(
  dbPath: string,
  tables: readonly string[],
): Promise<Record<string, string[]>> {
  const r = await run("node", [...NODE_ARGS, here("./dump-tables.ts"), dbPath, ...tables], {
    maxBuffer: 512 * 1024 * 1024,
  });
  return JSON.parse(r.stdout) as Record<string, string[]>;
}
