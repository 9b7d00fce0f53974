import type { LpaClickHouse } from "../connection/create-clickhouse.js";
import { sha256Hex } from "./checksum.js";
import { MigrationError, type AppliedMigration, type Migration } from "./migration.js";
import { MIGRATIONS, MIGRATIONS_TABLE } from "./migration-list.js";

/** What {@link migrate} did. */
export interface MigrateResult {
  /** Ids applied by this call, in order (empty when the database was up to date). */
  readonly applied: readonly string[];
  /** Ids that were already recorded. */
  readonly alreadyApplied: readonly string[];
}

/** Checksum of a migration's statements for `database` (detects an edited migration). */
export function migrationChecksum(m: Migration, database: string): string {
  return sha256Hex(m.statements(database).join(";\n"));
}

/**
 * Creates or upgrades the database: creates it and the bookkeeping table when missing, then runs
 * every migration not yet recorded, in order, recording each after its last statement. Running it
 * again changes nothing. Statements are idempotent (`IF NOT EXISTS`, `CREATE OR REPLACE VIEW`),
 * so a crash mid-migration is repaired by running it again.
 * @throws MigrationError when a recorded migration's checksum differs from the code, or the
 *   database records a migration this code does not know (it is newer than this code).
 */
export async function migrate(
  db: LpaClickHouse,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrateResult> {
  const d = db.database;
  await db.command(`CREATE DATABASE IF NOT EXISTS ${d}`);
  await db.command(
    `CREATE TABLE IF NOT EXISTS ${d}.${MIGRATIONS_TABLE} (id String, checksum String, description String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3)) ENGINE = ReplacingMergeTree ORDER BY id`,
  );
  const recorded = await appliedMigrations(db);
  const known = new Map(migrations.map((m) => [m.id, m]));
  for (const r of recorded) {
    const m = known.get(r.id);
    if (m === undefined)
      throw new MigrationError(`database has migration ${r.id}, unknown to this version`);
    if (migrationChecksum(m, d) !== r.checksum)
      throw new MigrationError(`migration ${r.id} changed after it was applied`);
  }
  const done = new Set(recorded.map((r) => r.id));
  const applied: string[] = [];
  for (const m of migrations) {
    if (done.has(m.id)) continue;
    for (const sql of m.statements(d)) await db.command(sql);
    await db.command(
      `INSERT INTO ${d}.${MIGRATIONS_TABLE} (id, checksum, description) VALUES ({id:String}, {checksum:String}, {description:String})`,
      { params: { id: m.id, checksum: migrationChecksum(m, d), description: m.description } },
    );
    applied.push(m.id);
  }
  return { applied, alreadyApplied: recorded.map((r) => r.id) };
}

/** The migrations recorded in the database, by id. */
export async function appliedMigrations(db: LpaClickHouse): Promise<AppliedMigration[]> {
  return db.query<AppliedMigration>(
    `SELECT id, checksum, toString(t.applied_at) AS applied_at FROM ${db.database}.${MIGRATIONS_TABLE} AS t FINAL ORDER BY id`,
  );
}
