/**
 * One schema migration: an id that sorts in application order (`0001_…`), a description, and
 * the statements it runs, as a pure function of the database name. A migration is never edited
 * once released; its checksum (of the statements) detects an edit.
 */
export interface Migration {
  readonly id: string;
  readonly description: string;
  statements(database: string): readonly string[];
}

/** A row of `lpa_schema_migrations`: what ran, when, and the checksum of its statements. */
export interface AppliedMigration {
  readonly id: string;
  readonly checksum: string;
  readonly applied_at: string;
}

/** Raised when the database disagrees with the migration list (edited or unknown migration). */
export class MigrationError extends Error {
  override readonly name = "MigrationError";
}
