import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lpa, tableCounts } from "./lpa-process.js";

const work = mkdtempSync(join(tmpdir(), "lpa-start-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("lpa start (npm start)", () => {
  it("--once: loads the simulated hour into the embedded db, serves the API and checks it", async () => {
    const db = join(work, "db");
    const r = await lpa(["start", "--db", db, "--once", "--sessions", "40"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/dashboard http:\/\/127\.0\.0\.1:\d+\//);
    expect(r.stdout).toMatch(/API check: HTTP 200, 1 row\(s\)/);
    const counts = await tableCounts(db);
    expect(counts["fact_workflow_sessions"]?.final).toBe(40);
  }, 180_000);

  it("refuses bad arguments", async () => {
    expect((await lpa(["start", "--port", "x"])).code).toBe(2);
    expect((await lpa(["start", "extra"])).code).toBe(2);
  });
});
