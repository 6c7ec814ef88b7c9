/**
 * Opens the agent's SQLite file for Saiga: a writing connection (checked with
 * `PRAGMA quick_check` before anything else touches it) and a read-only connection for
 * everything the outside world reads, so that reads see committed data only.
 */
import { SqliteDatabase } from './sqlite.js';

export class DatabaseDamagedError extends Error {
  readonly code = 'DATABASE_DAMAGED';
  constructor(file: string, finding: string) {
    super(`the agent database ${file} is damaged (${finding}); the agent will not start on it: restore the file from a backup`);
    this.name = 'DatabaseDamagedError';
  }
}

const DAMAGE = /SQLITE_(CORRUPT|NOTADB)/;

/**
 * Runs SQLite's quick integrity check (https://sqlite.org/pragma.html#pragma_quick_check):
 * a damaged file stops the agent at start with one clear message, not with 500s later.
 */
export async function checkIntegrity(db: SqliteDatabase, file: string): Promise<void> {
  const rows = await db.all<{ quick_check: string }>('PRAGMA quick_check(5)');
  const findings = rows.map((r) => Object.values(r)[0]).filter((v) => v !== 'ok');
  if (findings.length > 0 || rows.length === 0) throw new DatabaseDamagedError(file, `quick_check: ${findings.join('; ') || 'no answer'}`);
}

export interface AgentDatabase {
  db: SqliteDatabase;
  reads: SqliteDatabase;
  close(): Promise<void>;
}

export async function openAgentDatabase(file: string): Promise<AgentDatabase> {
  let db: SqliteDatabase | undefined;
  try {
    db = await SqliteDatabase.open(file);
    await checkIntegrity(db, file);
    const reads = await SqliteDatabase.openReadOnly(file);
    const writer = db;
    return { db: writer, reads, close: async () => void (await Promise.allSettled([reads.close(), writer.close()])) };
  } catch (error) {
    await db?.close().catch(() => undefined);
    if (DAMAGE.test(String((error as { code?: string }).code))) throw new DatabaseDamagedError(file, (error as Error).message);
    throw error;
  }
}
