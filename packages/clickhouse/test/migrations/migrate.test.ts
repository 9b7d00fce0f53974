import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClickHouse, migrate, STORAGE_SPECS, type LpaClickHouse } from "../../src/index.js";

let dir: string;
let db: LpaClickHouse;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "lpa-migrate-"));
  db = await createClickHouse({ path: dir });
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("migrate on the embedded engine", () => {
  it("creates every table and records what ran; a second run changes nothing", async () => {
    const first = await migrate(db);
    expect(first.applied.length).toBeGreaterThan(0);
    const second = await migrate(db);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(first.applied);
  });

  it("stores exactly the registry's columns with their types for every table", async () => {
    const rows = await db.query<{ table: string; name: string; type: string; kind: string }>(
      `SELECT table, name, type, default_kind AS kind FROM system.columns WHERE database = {db:String} ORDER BY table, position`,
      { params: { db: db.database } },
    );
    for (const s of STORAGE_SPECS) {
      const stored = rows.filter((r) => r.table === s.table.name && r.kind !== "MATERIALIZED");
      const storedNames = stored.map((r) => r.name).filter((n) => n !== "ingestion_timestamp");
      const registry = s.table.columns.map(([n]) => n).filter((n) => n !== "ingestion_timestamp");
      expect(storedNames, s.table.name).toEqual(registry);
    }
  });
});
