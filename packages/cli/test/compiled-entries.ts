import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";

const here = (f: string): string => fileURLToPath(new URL(f, import.meta.url));

/** The scripts tests spawn: the CLI and two chDB readers, all run from the TypeScript sources. */
const ENTRIES = ["run-lpa", "table-counts", "dump-tables"] as const;

/** A spawnable script of {@link compiledEntry}. */
export type EntryName = (typeof ENTRIES)[number];

/**
 * Workspace sources are bundled (source export condition), every other package stays an import
 * resolved from the repo's node_modules, and each source file keeps its own `import.meta.url`
 * (asset and repo-root lookups relative to the module behave as when run by tsx).
 */
const sourcesAsIs: Plugin = {
  name: "sources-as-is",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith("@livepeer-analytics/")
        ? undefined
        : { path: args.path, external: true },
    );
    b.onLoad({ filter: /\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, "utf8").replaceAll(
        "import.meta.url",
        JSON.stringify(pathToFileURL(args.path).href),
      ),
      loader: "ts",
    }));
  },
};

let compiled: Promise<string> | undefined;

/**
 * Path of an ES module compiled once per test process from `test/<name>.ts` and the workspace
 * sources it imports. Spawning `node <it>` instead of `node --import tsx <name>.ts` skips tsx's
 * loader thread and per-module transform in every child (seconds each on a busy 2-core machine),
 * while still running the current sources (no `npm run build` needed). The output lives under
 * the repo's `node_modules/.cache/lpa-test/<pid>` (so package imports resolve); it is removed at
 * exit, or by the next test process when this one was killed.
 */
export async function compiledEntry(name: EntryName): Promise<string> {
  compiled ??= compileAll();
  return join(await compiled, `${name}.mjs`);
}

async function compileAll(): Promise<string> {
  const root = here("../../../node_modules/.cache/lpa-test");
  removeDead(root);
  const outdir = join(root, `${process.pid}`);
  mkdirSync(outdir, { recursive: true });
  process.once("exit", () => rmSync(outdir, { recursive: true, force: true }));
  await build({
    entryPoints: ENTRIES.map((e) => ({ in: here(`./${e}.ts`), out: e })),
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    conditions: ["@livepeer-analytics/source"],
    plugins: [sourcesAsIs],
    logLevel: "error",
  });
  return outdir;
}

/** Removes the output of test processes that are gone (a killed worker never runs its exit hook). */
function removeDead(root: string): void {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return;
  }
  for (const name of names) {
    if (!/^\d+$/.test(name) || isAlive(Number(name))) continue;
    rmSync(join(root, name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
