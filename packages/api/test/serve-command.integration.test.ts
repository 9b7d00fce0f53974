// `lpa serve` end to end: events loaded by `lpa load` into a temp directory, then served by a
// second process that opens it read-only; the API, the dashboard and the docs answer over HTTP.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { simulateNetworkStream } from "@livepeer-analytics/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compiledEntry } from "../../cli/test/compiled-entries.js";
import { knownNetwork } from "./support/known-dataset.js";

const run = promisify(execFile);
/** `node <this> <lpa args>` runs the CLI from sources (compiled once per test process). */
const lpaEntry = (): Promise<string> => compiledEntry("run-lpa");

let dir: string;
let server: ChildProcess | undefined;
let base: string;

/** Starts `lpa serve` and resolves with the URL it prints. */
async function startServe(args: readonly string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn("node", [await lpaEntry(), "serve", ...args], { stdio: "pipe" });
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout.on("data", (b: Buffer) => {
      out += b.toString("utf8");
      const m = /lpa serve: (http:\/\/\S+?)\/ /.exec(out);
      if (m !== null) resolve({ child, url: m[1] as string });
    });
    child.stderr.on("data", (b: Buffer) => (err += b.toString("utf8")));
    child.on("exit", (code) => reject(new Error(`lpa serve exited ${code}: ${err}`)));
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "lpa-serve-"));
  const events = join(dir, "events.jsonl");
  const lines: string[] = [];
  for (const e of simulateNetworkStream(knownNetwork(120))) lines.push(JSON.stringify(e));
  writeFileSync(events, `${lines.join("\n")}\n`);
  await run("node", [await lpaEntry(), "load", events, "--db", join(dir, "db")]);
  const started = await startServe(["--db", join(dir, "db"), "--port", "0"]);
  server = started.child;
  base = started.url;
}, 180_000);

afterAll(async () => {
  if (server !== undefined && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe("lpa serve", () => {
  it("serves the API from the loaded database", async () => {
    const r = await fetch(
      `${base}/v1/sla/compliance?start=2026-02-25T00:00:00Z&end=2026-02-26T00:00:00Z&limit=1000`,
    );
    expect(r.status).toBe(200);
    const body = (await r.json()) as { data: Array<{ known_sessions: number }> };
    expect(body.data.reduce((a, row) => a + row.known_sessions, 0)).toBeGreaterThan(0);
  });

  it("serves /healthz, the dashboard and the docs", async () => {
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: "ok" });
    const page = await (await fetch(`${base}/`)).text();
    expect(page).toContain('<script src="/dashboard/app.js">');
    expect((await fetch(`${base}/docs`)).status).toBe(200);
  });

  it("stops on SIGTERM with exit code 0", async () => {
    const exited = new Promise<number | null>((resolve) => server?.once("exit", resolve));
    server?.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("refuses a database without the serving views", async () => {
    const empty = join(dir, "empty");
    await expect(
      run("node", [await lpaEntry(), "serve", "--db", empty, "--port", "0"]),
    ).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("no serving views") as string,
    });
  });

  it("rejects a bad port as a usage error", async () => {
    await expect(
      run("node", [await lpaEntry(), "serve", "--db", join(dir, "db"), "--port", "http"]),
    ).rejects.toMatchObject({ code: 2 });
  });
});
