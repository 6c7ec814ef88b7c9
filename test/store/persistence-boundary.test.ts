/**
 * Persistence stays in src/store: no SQL anywhere else, the stores are handed out by the unit
 * of work and the committed reads (src/store/unit-of-work.ts), never built by hand, and no one
 * reaches through a store to its connection. Only the wiring (the agent's open and
 * open-readonly) holds the connections, to build the store from them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SRC } from '../helpers/imports.js';

function sourceFiles(dir = ''): string[] {
  return readdirSync(new URL(dir || '.', SRC)).flatMap((name) => {
    const path = `${dir}${name}`;
    if (statSync(new URL(path, SRC)).isDirectory()) return sourceFiles(`${path}/`);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const outsideStore = sourceFiles().filter((file) => !file.startsWith('store/'));
const isWiring = (file: string) => /^agent\/(wiring\/)?open(-readonly)?\.ts$/.test(file) || file.startsWith('agent/wiring/');
const offenders = (pattern: RegExp, files = outsideStore) => files.filter((file) => pattern.test(readFileSync(new URL(file, SRC), 'utf8')));

/** SQL statements as they are written in a query string. */
const SQL = /\b(SELECT\s+[\w*]|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX)|ALTER\s+TABLE|PRAGMA\s+\w)/;
const STORE_BY_HAND = /new\s+(LifecycleStore|StatusListStore|TokenTable|PermitReads|PermitWrites|IdentityKeyReads)\b/;
/** An import of a connection type (sqlite.ts): the `isStorageFailure` and `isConstraintViolation` checks may be imported anywhere. */
const CONNECTION_TYPES = /import[^;]*\b(Queryable|SqliteDatabase|Transaction)\b[^;]*from '[^']*store\/sqlite\.js'/;

describe('persistence outside src/store', () => {
  it('finds the source files', () => {
    expect(outsideStore.length).toBeGreaterThan(50);
    expect(outsideStore).toContain('issuance/issue.ts');
  });

  it('no SQL outside src/store', () => {
    expect(offenders(SQL)).toEqual([]);
  });

  it('no store is built by hand outside src/store', () => {
    expect(offenders(STORE_BY_HAND)).toEqual([]);
  });

  it('no one reaches through a store to its transaction', () => {
    expect(offenders(/\btx\.tx\b/)).toEqual([]);
  });

  it('only the wiring holds a connection', () => {
    expect(offenders(CONNECTION_TYPES, outsideStore.filter((file) => !isWiring(file)))).toEqual([]);
  });

  it('the patterns find what they look for', () => {
    expect(SQL.test("q.get('SELECT jwt FROM permit WHERE credential_id = ?')")).toBe(true);
    expect(SQL.test("UPDATE api_token SET revoked_at = ?")).toBe(true);
    expect(SQL.test('Select the permit to print')).toBe(false);
    expect(STORE_BY_HAND.test('await new LifecycleStore(tx.tx).life(')).toBe(true);
    expect(CONNECTION_TYPES.test("import type { Queryable } from '../store/sqlite.js';")).toBe(true);
    expect(CONNECTION_TYPES.test("import { isStorageFailure } from '../../store/sqlite.js';")).toBe(false);
  });
});
