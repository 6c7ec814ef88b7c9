/**
 * Saiga's own tables, beside Veramo's. Each migration runs once, in order, inside a
 * transaction; the applied versions are recorded in saiga_migration. Never edit a
 * migration that has shipped: add a new one.
 */
import type { SqliteDatabase } from './sqlite.js';

const MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'permits, counters and API tokens',
    sql: `
      CREATE TABLE permit (
        permit_number    TEXT PRIMARY KEY,
        credential_id    TEXT NOT NULL UNIQUE,
        document_type    TEXT NOT NULL,
        issuer_did       TEXT NOT NULL,
        exporter_country TEXT NOT NULL,
        importer_country TEXT NOT NULL,
        issued_at        TEXT NOT NULL,
        valid_until      TEXT NOT NULL,
        signatory        TEXT NOT NULL,
        issued_by_token  TEXT,
        subject_json     TEXT NOT NULL,
        jwt              TEXT NOT NULL
      );
      CREATE INDEX permit_issued_at ON permit (issued_at);
      CREATE INDEX permit_document_type ON permit (document_type, issued_at);
      CREATE TABLE permit_counter (
        scope      TEXT PRIMARY KEY,
        last_value INTEGER NOT NULL
      );
      CREATE TABLE api_token (
        id         TEXT PRIMARY KEY,
        hash       TEXT NOT NULL UNIQUE,
        role       TEXT NOT NULL,
        name       TEXT NOT NULL,
        created_at TEXT NOT NULL,
        revoked_at TEXT
      );`,
  },
];

export async function migrate(db: SqliteDatabase): Promise<void> {
  await db.exec('CREATE TABLE IF NOT EXISTS saiga_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  for (const migration of MIGRATIONS) {
    await db.transaction(async (tx) => {
      const done = await tx.get('SELECT version FROM saiga_migration WHERE version = ?', [migration.version]);
      if (done) return;
      for (const statement of migration.sql.split(';').map((s) => s.trim()).filter(Boolean)) await tx.run(statement);
      await tx.run('INSERT INTO saiga_migration (version, name, applied_at) VALUES (?, ?, ?)', [
        migration.version,
        migration.name,
        new Date().toISOString(),
      ]);
    });
  }
}
