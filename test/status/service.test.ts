/**
 * The authority's status lists on a real SQLite file: random indexes, never reused, a new
 * list when one is full, bits set and republished in the caller's unit of work.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { decodeBitstring, getBit, MIN_STATUS_LIST_LENGTH } from '../../src/vocab/bitstring.js';
import { StatusLists } from '../../src/status/service.js';
import type { StatusListCredential } from '../../src/status/list-credential.js';
import { migrate } from '../../src/store/migrations.js';
import { SqliteDatabase } from '../../src/store/sqlite.js';
import { SaigaStore } from '../../src/store/unit-of-work.js';

const NOW = new Date('2026-11-29T10:00:00Z');
let db: SqliteDatabase;
let store: SaigaStore;
let signed: StatusListCredential[];

function lists(randomIndex: (n: number) => number): StatusLists {
  return new StatusLists({
    baseUrl: 'https://cites.example.org',
    issuerDid: 'did:web:cites.example.org',
    // A stand-in signature: the credential itself, so tests can read what would be signed.
    sign: async (credential) => {
      signed.push(credential);
      return JSON.stringify(credential);
    },
    now: () => NOW,
    randomIndex,
  });
}

beforeEach(async () => {
  db = await SqliteDatabase.open(join(mkdtempSync(join(tmpdir(), 'saiga-status-')), 'test.sqlite'));
  await migrate(db);
  // These tests exercise the lists alone, without permit rows.
  await db.exec('PRAGMA foreign_keys = OFF');
  // One connection for both sides: these tests never read while a transaction is open.
  store = new SaigaStore(db, db, () => NOW);
  signed = [];
});

describe('status lists', () => {
  it('gives each permit a revocation and a suspension entry at the drawn indexes, in signed lists', async () => {
    const draws = [94567, 12];
    const service = lists(() => draws.shift()!);
    const entries = await store.transaction((work) => service.allocate(work.statusLists, 'LK26-E000001'));
    expect(entries).toEqual([
      // VC Data Model 1.1 §4.9: a status entry has an id, here <list URL>#<index>.
      { id: 'https://cites.example.org/status/revocation/1#94567', type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '94567', statusListCredential: 'https://cites.example.org/status/revocation/1' },
      { id: 'https://cites.example.org/status/suspension/1#12', type: 'BitstringStatusListEntry', statusPurpose: 'suspension', statusListIndex: '12', statusListCredential: 'https://cites.example.org/status/suspension/1' },
    ]);
    expect(signed.map((c) => [c.id, c.credentialSubject.statusPurpose, c.issuer.id])).toEqual([
      ['https://cites.example.org/status/revocation/1', 'revocation', 'did:web:cites.example.org'],
      ['https://cites.example.org/status/suspension/1', 'suspension', 'did:web:cites.example.org'],
    ]);
  });

  it('never gives an index twice: a taken draw is drawn again, and after 32 misses the next free index is taken', async () => {
    const service = lists(() => 500);
    await store.transaction((work) => service.allocate(work.statusLists, 'A'));
    const second = await store.transaction((work) => service.allocate(work.statusLists, 'B'));
    // 32 draws of 500 are all taken; the fallback starts at 500 and takes 501.
    expect(second.map((e) => e.statusListIndex)).toEqual(['501', '501']);
    const third = await store.transaction((work) => service.allocate(work.statusLists, 'C'));
    expect(third.map((e) => e.statusListIndex)).toEqual(['502', '502']);
    const last = lists(() => MIN_STATUS_LIST_LENGTH - 1);
    await store.transaction((work) => last.allocate(work.statusLists, 'D'));
    // Wraps around the end of the list.
    const wrapped = await store.transaction((work) => last.allocate(work.statusLists, 'E'));
    expect(wrapped.map((e) => e.statusListIndex)).toEqual(['0', '0']);
  });

  it('starts a new list when the current one is full', async () => {
    const service = lists(() => 7);
    await store.transaction((work) => service.allocate(work.statusLists, 'A'));
    await db.run('UPDATE status_list SET allocated = length');
    const next = await store.transaction((work) => service.allocate(work.statusLists, 'B'));
    expect(next.map((e) => e.statusListCredential)).toEqual(['https://cites.example.org/status/revocation/2', 'https://cites.example.org/status/suspension/2']);
    expect(next.map((e) => e.statusListIndex)).toEqual(['7', '7']);
  });

  it('sets and clears a bit and republishes the list; an unchanged bit republishes nothing', async () => {
    const service = lists(() => 42);
    await store.transaction((work) => service.allocate(work.statusLists, 'A'));
    const before = (await service.published(store.reads.statusLists, 'suspension', 1))!;
    expect(await store.transaction((work) => service.set(work.statusLists, 'A', 'suspension', true))).toBe(true);
    const after = (await service.published(store.reads.statusLists, 'suspension', 1))!;
    expect(after.version).toBe(before.version + 1);
    const decoded = decodeBitstring((JSON.parse(after.jwt) as StatusListCredential).credentialSubject.encodedList);
    expect(decoded.ok && getBit(decoded.bits, 42)).toBe(true);
    expect(await store.transaction((work) => service.set(work.statusLists, 'A', 'suspension', true))).toBe(false);
    expect((await service.published(store.reads.statusLists, 'suspension', 1))!.version).toBe(after.version);
    await store.transaction((work) => service.set(work.statusLists, 'A', 'suspension', false));
    const cleared = decodeBitstring((JSON.parse((await service.published(store.reads.statusLists, 'suspension', 1))!.jwt) as StatusListCredential).credentialSubject.encodedList);
    expect(cleared.ok && getBit(cleared.bits, 42)).toBe(false);
  });

  it('rolls back with the transaction: a failed issue leaves its indexes free', async () => {
    const service = lists(() => 9);
    await expect(
      store.transaction(async (work) => {
        await service.allocate(work.statusLists, 'A');
        throw new Error('signing failed');
      }),
    ).rejects.toThrow('signing failed');
    expect(await db.get('SELECT count(*) AS n FROM status_entry')).toEqual({ n: 0 });
    const again = await store.transaction((work) => service.allocate(work.statusLists, 'B'));
    expect(again.map((e) => e.statusListIndex)).toEqual(['9', '9']);
  });
});
