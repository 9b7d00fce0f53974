import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  platform: "node",
  target: "node20",
  dts: true,
  sourcemap: true,
  clean: true,
  external: ["@livepeer-analytics/core", "@livepeer-analytics/clickhouse", "kafkajs", "chdb"],
});
