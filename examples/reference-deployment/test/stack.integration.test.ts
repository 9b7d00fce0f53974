// `npm run stack -- --smoke` as CI runs it: a real Kafka broker, lpa consume (and lpa serve when
// the CLI has it) in the worker, one simulated hour through lpa produce; the script exits 0 only
// when every simulated session's facts are in the embedded database.
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parseServeUsage } from "../stack/serve-support.js";

const run = promisify(execFile);
const STACK = fileURLToPath(new URL("../stack/stack.ts", import.meta.url));

describe("npm run stack -- --smoke", () => {
  it("gets a simulated hour from Kafka into the database and exits", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "lpa-stack-")), "stack");
    const args = ["--import", "tsx", "--conditions=@livepeer-analytics/source", STACK];
    const { stdout } = await run("node", [...args, "--smoke", "--dir", dir, "--sessions", "30"], {
      timeout: 420_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(stdout).toContain("stack: smoke ok");
    expect(stdout).toMatch(/stack: stored: 30 sessions, \d+ raw events/);
    expect(stdout).toMatch(/stack: lpa produce: sent=\d+ rejected=0/);
  }, 480_000);
});

describe("lpa serve detection", () => {
  it("reads the usage line and its flags from lpa help", () => {
    const help = `Usage:
  lpa migrate [--db PATH | --url URL]
      Create or upgrade the schema.
  lpa serve [--db PATH | --url URL] [--port N]
            [--host H]
      Serve the API.
`;
    expect(parseServeUsage(help)).toEqual({ port: true, host: true });
    expect(parseServeUsage("  lpa migrate [--db PATH]\n")).toBeUndefined();
  });
});
