/**
 * `migrate` runs at every start of a read-only command (src/agent/wiring/open-readonly.ts): a
 * current database must only be read (no write lock, no CREATE), and one that is behind must
 * still get its missing migrations.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../src/store/migrations.js';
import { SqliteDatabase } from '../../src/store/sqlite.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function migratedFile(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'saiga-migrate-'));
  dirs.push(dir);
  const file = join(dir, 'agent.sqlite');
  const db = await SqliteDatabase.open(file);
  await migrate(db);
  await db.close();
  return file;
}

const versions = async (db: SqliteDatabase) => (await db.all<{ version: number }>('SELECT version FROM saiga_migration ORDER BY version')).map((r) => r.version);

describe('migrate', () => {
  it('on a current database takes no write lock: it completes while another connection holds it', async () => {
    const file = await migratedFile();
    const writer = await SqliteDatabase.open(file);
    const reader = await SqliteDatabase.open(file);
    try {
      // A serving agent in the middle of a write; a read-only command starting now must not wait for it
      // (taking the lock would wait for the busy timeout, then fail with SQLITE_BUSY).
      await writer.exec('BEGIN IMMEDIATE');
      await migrate(reader);
      expect(await versions(reader)).toEqual(MIGRATIONS.map((m) => m.version));
    } finally {
      await writer.exec('ROLLBACK').catch(() => undefined);
      await reader.close();
      await writer.close();
    }
  });

  it('on a database one migration behind applies that migration', async () => {
    const file = await migratedFile();
    // The newest migration that creates tables (its code step, if any, finds nothing to do here).
    const last = [...MIGRATIONS].reverse().find((m) => /CREATE TABLE/.test(m.sql))!;
    const db = await SqliteDatabase.open(file);
    try {
      await db.run('DELETE FROM saiga_migration WHERE version = ?', [last.version]);
      // Undo what the last migration created, so that running it again succeeds.
      const before = await db.all<{ name: string; type: string }>("SELECT name, type FROM sqlite_master WHERE type IN ('table', 'index') AND sql IS NOT NULL");
      const created = before.filter((o) => new RegExp(`CREATE (TABLE|INDEX) ${o.name}\\b`).test(last.sql));
      for (const o of created.filter((o) => o.type === 'index')) await db.exec(`DROP INDEX ${o.name}`);
      for (const o of created.filter((o) => o.type === 'table').reverse()) await db.exec(`DROP TABLE ${o.name}`);
      expect(created.length).toBeGreaterThan(0);

      await migrate(db);

      expect(await versions(db)).toEqual(MIGRATIONS.map((m) => m.version));
      const after = (await db.all<{ name: string }>('SELECT name FROM sqlite_master')).map((o) => o.name);
      for (const o of created) expect(after).toContain(o.name);
    } finally {
      await db.close();
    }
  });
});
