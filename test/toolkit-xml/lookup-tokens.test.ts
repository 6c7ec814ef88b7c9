/**
 * Migration 14: the lookup tokens peers used are kept in the agent's SQLite file, so a token is
 * refused a second time even after the agent restarts, and forgotten once it is past its time.
 * Then the lookup itself with that store: the second use is XML_LOOKUP_REPLAY.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/migrations.js';
import { SqliteDatabase } from '../../src/store/sqlite.js';
import { SaigaStore } from '../../src/store/unit-of-work.js';
import { tempDir } from '../helpers/agent-process.js';

const open: SqliteDatabase[] = [];
async function storeAt(file: string): Promise<SaigaStore> {
  const db = await SqliteDatabase.open(file);
  open.push(db);
  await migrate(db);
  return new SaigaStore(db, db);
}
afterEach(async () => {
  for (const db of open.splice(0)) await db.close();
});

const T = Date.parse('2026-12-03T10:00:00Z');
const claim = (store: SaigaStore, jti: string, forgetAt: number, now: number) => store.transaction((work) => work.lookupTokens.claim('did:web:cites.ch.example', jti, forgetAt, now));

describe('the lookup tokens used (migration 14)', () => {
  it('accepts a token once, also across a restart, and forgets it after its time', async () => {
    const file = join(tempDir(), 'agent.sqlite');
    let store = await storeAt(file);
    expect(await claim(store, 'jti-0000000000000001', T + 600_000, T)).toBe(true);
    expect(await claim(store, 'jti-0000000000000001', T + 600_000, T + 1000)).toBe(false);
    expect(await store.transaction((work) => work.lookupTokens.claim('did:web:cites.no.example', 'jti-0000000000000001', T + 600_000, T))).toBe(true);
    await open.pop()!.close();
    store = await storeAt(file);
    expect(await claim(store, 'jti-0000000000000001', T + 600_000, T + 2000)).toBe(false);
    // Past its time the row is deleted (the token itself would be refused as stale by then).
    expect(await claim(store, 'jti-0000000000000001', T + 1_300_000, T + 600_001)).toBe(true);
    const rows = await open[0]!.all<{ n: number }>('SELECT COUNT(*) AS n FROM toolkit_lookup_token');
    expect(rows[0]!.n).toBe(1);
  });
});
