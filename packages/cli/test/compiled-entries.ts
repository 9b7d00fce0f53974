import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";

const here = (f: string): string => fileURLToPath(new URL(f, import.meta.url));

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

/**
 * A compiler of test scripts: `compiled(name)` is the path of an ES module compiled once per
 * test process from `files[name]` and the workspace sources it imports (all `files` in one
 * build). Spawning `node <it>` instead of `node --import tsx <name>.ts` skips tsx's loader thread
 * and per-module transform in every child (seconds each on a busy 2-core machine), while still
 * running the current sources (no `npm run build` needed). The output lives under the repo's
 * `node_modules/.cache/lpa-test/<label>/<pid>` (so package imports resolve); it is removed at
 * exit, or by the next test process of the same label when this one was killed.
 */
export function scriptCompiler<Name extends string>(
  label: string,
  files: Readonly<Record<Name, string>>,
): (name: Name) => Promise<string> {
  let compiled: Promise<string> | undefined;
  return async (name) => {
    compiled ??= compileAll(label, files);
    return join(await compiled, `${name}.mjs`);
  };
}

async function compileAll(label: string, files: Readonly<Record<string, string>>): Promise<string> {
  const root = here(`../../../node_modules/.cache/lpa-test/${label}`);
  removeDead(root);
  const outdir = join(root, `${process.pid}`);
  mkdirSync(outdir, { recursive: true });
  process.once("exit", () => rmSync(outdir, { recursive: true, force: true }));
  await build({
    entryPoints: Object.entries(files).map(([out, file]) => ({ in: file, out })),
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

/** The scripts the CLI tests spawn: the CLI and two chDB readers. */
export const compiledEntry = scriptCompiler("cli", {
  "run-lpa": here("./run-lpa.ts"),
  "table-counts": here("./table-counts.ts"),
  "dump-tables": here("./dump-tables.ts"),
});

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
