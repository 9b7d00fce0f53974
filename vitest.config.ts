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
    // Vitest's default on 2 cores is one worker (cores − 1), leaving a core idle while a file
    // waits on its child processes, JVMs or chDB. Every file isolates its ports (free ports),
    // temp and chDB directories, so two files can run at once.
    maxWorkers: 2,
  },
});
