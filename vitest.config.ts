import { defineConfig } from "vitest/config";

// Tests run on the TypeScript sources through the "@livepeer-analytics/source" export
// condition, so no build is needed before `npm test`.
export default defineConfig({
  resolve: { conditions: ["@livepeer-analytics/source"] },
  ssr: { resolve: { conditions: ["@livepeer-analytics/source"] } },
  test: {
    include: ["packages/*/test/**/*.test.ts", "examples/*/test/**/*.test.ts"],
    testTimeout: 60_000,
    // beforeAll hooks build datasets and start services; 10 s (the default) is too little for
    // them on a loaded 2-core machine.
    hookTimeout: 120_000,
    pool: "forks",
  },
});
