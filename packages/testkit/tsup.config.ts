import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", "services/index": "src/services/index.ts" },
  format: ["esm"],
  platform: "node",
  target: "es2022",
  dts: true,
  sourcemap: true,
  clean: true,
  external: ["fast-check", "kafkajs", "@livepeer-analytics/core"],
});
