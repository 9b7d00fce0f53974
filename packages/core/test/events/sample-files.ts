import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** The repo root: the nearest ancestor holding a package.json with "workspaces". */
function repoRoot(): string {
  let dir = import.meta.dirname;
  for (;;) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && "workspaces" in (JSON.parse(readFileSync(pkg, "utf8")) as object))
      return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error("repo root not found");
    dir = parent;
  }
}

/** Absolute path of `shared/samples` (sibling of the repo root). */
export const SAMPLES_DIR = resolve(repoRoot(), "../shared/samples");

/** Absolute path of a file under the samples dir. */
export function samplePath(relative: string): string {
  return join(SAMPLES_DIR, relative);
}

/** Non-blank lines of a JSONL sample file. */
export function sampleLines(relative: string): string[] {
  return readFileSync(samplePath(relative), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "");
}

/** Every event file of the samples (events/*.jsonl and prod-fixtures/**\/*.events.jsonl), relative. */
export function allEventFiles(): string[] {
  const out = readdirSync(samplePath("events"))
    .filter((f) => f.endsWith(".jsonl"))
    .map((f) => `events/${f}`);
  const walk = (rel: string): void => {
    for (const entry of readdirSync(samplePath(rel), { withFileTypes: true })) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith(".events.jsonl")) out.push(child);
    }
  };
  walk("prod-fixtures");
  return out.sort();
}
