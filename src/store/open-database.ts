/**
 * Opens the agent's SQLite file for Saiga: a writing connection (checked with
 * `PRAGMA quick_check` before anything else touches it) and a read-only connection for
 * everything the outside world reads, so that reads see committed data only.
 */
import { SqliteDatabase, type Params, type Queryable, type Row } from './sqlite.js';

export class DatabaseDamagedError extends Error {
  readonly code = 'DATABASE_DAMAGED';
  constructor(file: string, finding: string) {
    super(`the agent database ${file} is damaged (${finding}); the agent will not start on it: restore the file from a backup`);
    this.name = 'DatabaseDamagedError';
  }
}

const DAMAGE = /SQLITE_(CORRUPT|NOTADB)/;

/** The error a damaged file gives SQLite, as DatabaseDamagedError; any other error as it is. */
export function asDamaged(error: unknown, file: string): unknown {
  return DAMAGE.test(String((error as { code?: string }).code)) ? new DatabaseDamagedError(file, (error as Error).message) : error;
}

/**
 * Reads through `db`, a damaged file reported as DatabaseDamagedError naming it. For read-only
 * commands, which do not run quick_check (it reads the whole file) but must not answer a damaged
 * file with an internal error either.
 */
export function damageReporting(db: Queryable, file: string): Queryable {
  const report = (error: unknown): never => {
    throw asDamaged(error, file);
  };
  return {
    run: (sql, params) => db.run(sql, params).catch(report),
    get: <T extends Row = Row>(sql: string, params?: Params) => db.get<T>(sql, params).catch(report),
    all: <T extends Row = Row>(sql: string, params?: Params) => db.all<T>(sql, params).catch(report),
  };
}

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
    throw asDamaged(error, file);
  }
}
