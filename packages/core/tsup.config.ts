import { defineConfig } from "tsup";

// Browser-safe build: no Node built-ins may appear in the bundle (platform "browser" makes
// esbuild fail on any `node:` import).
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  platform: "browser",
  target: "es2022",
  dts: true,
  sourcemap: true,
  clean: true,
  external: ["zod", "@noble/hashes"],
});
