import { execFile, spawn, type ChildProcess } from "node:child_process";
import { promisify } from "node:util";
import { compiledEntry } from "./compiled-entries.js";

const run = promisify(execFile);

/** Runs `lpa <args>` from sources (compiled once, see compiled-entries.ts) in a child process; resolves with stdout, stderr and code. */
export async function lpa(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const r = await run("node", [await compiledEntry("run-lpa"), ...args], {
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
export async function spawnLpa(args: readonly string[]): Promise<ChildProcess> {
  return spawn("node", [await compiledEntry("run-lpa"), ...args], { stdio: "pipe" });
}

/** Per-table counts of an embedded database, read in a separate process (chDB binds one dir). */
export async function tableCounts(
  dbPath: string,
): Promise<Record<string, { rows: number; final: number }>> {
  const r = await run("node", [await compiledEntry("table-counts"), dbPath]);
  return JSON.parse(r.stdout) as Record<string, { rows: number; final: number }>;
}

/** Rows of `tables` in an embedded database (FINAL, sorted), read in a separate process. */
export async function dumpTables(
  dbPath: string,
  tables: readonly string[],
): Promise<Record<string, string[]>> {
  const r = await run("node", [await compiledEntry("dump-tables"), dbPath, ...tables], {
    maxBuffer: 512 * 1024 * 1024,
  });
  return JSON.parse(r.stdout) as Record<string, string[]>;
}
