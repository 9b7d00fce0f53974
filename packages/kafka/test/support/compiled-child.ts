import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";

const here = (f: string): string => fileURLToPath(new URL(f, import.meta.url));

/** Scripts the Kafka tests spawn, run from the TypeScript sources. */
const ENTRIES = ["consumer-child", "compare-child"] as const;

/** A spawnable script of {@link compiledChild}. */
export type ChildName = (typeof ENTRIES)[number];

/**
 * Workspace sources are bundled (source export condition); every other package stays an import
 * resolved from the repository's node_modules; each source keeps its own `import.meta.url`.
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
 * Path of an ES module compiled once per test process from `support/<name>.ts` and the
 * workspace sources it imports. `node <it>` instead of `node --import tsx <name>.ts` skips tsx's
 * loader thread and per-module transforms in every child (seconds each on a busy 2-core machine;
 * the crash test starts 21 consumers) while still running the current sources. The output lives
 * under the repository's `node_modules/.cache` (so package imports resolve), removed at exit.
 */
export async function compiledChild(name: ChildName): Promise<string> {
  compiled ??= compileAll();
  return `${await compiled}/${name}.mjs`;
}

async function compileAll(): Promise<string> {
  const root = here("../../../../node_modules/.cache/lpa-kafka-test");
  // Test workers may end without an "exit" event: remove outputs of processes that are gone.
  for (const pid of existsSync(root) ? readdirSync(root) : []) {
    if (!isAlive(Number(pid))) rmSync(join(root, pid), { recursive: true, force: true });
  }
  const outdir = join(root, String(process.pid));
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

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
