import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const ENTRY = fileURLToPath(new URL("../dashboard/src/main.ts", import.meta.url));

/**
 * Bundles the dashboard (its sources, uPlot and the parts of core it uses) into
 * `<outDir>/app.js` and `<outDir>/app.css` for browsers: one IIFE, minified, no CDN.
 */
export async function buildDashboard(outDir: string): Promise<void> {
  await build({
    entryPoints: { app: ENTRY },
    outdir: outDir,
    bundle: true,
    format: "iife",
    platform: "browser",
    target: ["es2022"],
    minify: true,
    sourcemap: false,
    conditions: ["@livepeer-analytics/source"],
    legalComments: "none",
    logLevel: "warning",
  });
}
