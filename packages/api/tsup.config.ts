import { defineConfig } from "tsup";
import { buildDashboard } from "./scripts/build-dashboard.js";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  platform: "node",
  target: "node20",
  dts: true,
  sourcemap: true,
  clean: true,
  external: ["@livepeer-analytics/core", "@livepeer-analytics/clickhouse", "fastify", "zod"],
  // The browser bundle of the dashboard, served from dist/dashboard.
  onSuccess: () => buildDashboard("dist/dashboard"),
});
