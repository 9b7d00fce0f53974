import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** A bundled dashboard file served at `/dashboard/<name>`. */
export interface DashboardAsset {
  readonly body: Buffer;
  readonly contentType: string;
}

/** Files of the dashboard bundle and their media types (nothing else is served from it). */
export const DASHBOARD_FILES: Readonly<Record<string, string>> = {
  "app.js": "text/javascript; charset=utf-8",
  "app.css": "text/css; charset=utf-8",
};

/**
 * Where the bundle lives by default: `dist/dashboard` beside the built `dist/index.js`, or the
 * package's `dist/dashboard` when running from sources (after `npm run build`).
 */
export function defaultDashboardDir(): string {
  const candidates = [
    new URL("./dashboard/", import.meta.url),
    new URL("../../dist/dashboard/", import.meta.url),
  ];
  const found = candidates.find((u) => existsSync(new URL("app.js", u)));
  return fileURLToPath(found ?? (candidates[0] as URL));
}

/**
 * Reads the bundle files of `dir` once (they are immutable for the life of the process); a
 * missing file is absent from the map, and its route answers 404.
 */
export function loadDashboardAssets(dir: string): ReadonlyMap<string, DashboardAsset> {
  const out = new Map<string, DashboardAsset>();
  for (const [name, contentType] of Object.entries(DASHBOARD_FILES)) {
    const file = `${dir.replace(/\/?$/, "/")}${name}`;
    if (existsSync(file)) out.set(name, { body: readFileSync(file), contentType });
  }
  return out;
}
