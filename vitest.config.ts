import { defineConfig } from "vitest/config";

// Tests run on the TypeScript sources through the "@livepeer-analytics/source" export
// condition, so no build is needed before `npm test`.
export default defineConfig({
  resolve: { conditions: ["@livepeer-analytics/source"] },
  ssr: { resolve: { conditions: ["@livepeer-analytics/source"] } },
  test: {
    include: ["packages/*/test/**/*.test.ts", "examples/*/test/**/*.test.ts"],
    testTimeout: 60_000,
    pool: "forks",
  },
});
