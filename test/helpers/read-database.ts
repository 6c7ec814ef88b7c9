/**
 * Reads an agent's SQLite file from outside the agent, on a read-only connection opened for the
 * one query: what a process that crashed, or one still running, has committed.
 */
import sqlite3 from 'sqlite3';

export function queryFile<T>(file: string, sql: string, params: unknown[] = []): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
    db.all(sql, params, (error, rows) => db.close(() => (error ? reject(error) : resolve(rows as T[]))));
  });
}
