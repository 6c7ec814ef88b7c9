/**
 * TypeORM (Veramo's data store, in the agent's process) calls sqlite3.verbose(), which wraps
 * every connection method of the whole process to build long stack traces: an Error and an
 * util.inspect of each argument per query. src/store/sqlite.ts turns that request into a no-op;
 * this test opens a TypeORM sqlite DataSource as the agent does and checks the methods stay bare.
 */
import sqlite3 from 'sqlite3';
import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import '../../src/store/sqlite.js';

describe('sqlite3 stays quiet beside TypeORM', () => {
  it('a TypeORM sqlite DataSource leaves Database and Statement methods unwrapped', async () => {
    const before = { run: sqlite3.Database.prototype.run, all: sqlite3.Database.prototype.all, bind: sqlite3.Statement.prototype.bind };
    const source = new DataSource({ type: 'sqlite', database: ':memory:' });
    await source.initialize();
    try {
      expect(sqlite3.Database.prototype.run).toBe(before.run);
      expect(sqlite3.Database.prototype.all).toBe(before.all);
      expect(sqlite3.Statement.prototype.bind).toBe(before.bind);
      expect(sqlite3.Database.prototype.run.toString()).not.toContain('new Error');
    } finally {
      await source.destroy();
    }
  });
});
