/**
 * The hash chain on a real SQLite file: appends in the caller's transaction (a rolled-back
 * savepoint takes its entry and its seq with it), two connections (two processes) chaining
 * one after the other, and verify naming the first entry that does not fit.
 */
import sqlite3 from 'sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AUDIT_GENESIS_HASH, dataHash, entryHash, type AuditEntry } from '../../src/store/audit-log.js';
import { canonicalJson } from '../../src/vocab/canonical-json.js';
import { openAgentDatabase } from '../../src/store/open-database.js';
import { SaigaStore } from '../../src/store/unit-of-work.js';
import { GroupCommit } from '../../src/store/group-commit.js';
import { writeCheckpoint } from '../../src/audit/checkpoints.js';
import { verifyAuditTrail } from '../../src/audit/verify.js';
import { AUTHORITY_DID, openTrail, signWith, testKey, type TestTrail } from './helpers.js';
import { nodeCryptoSuite } from '../../src/verification/node-signature.js';

let trail: TestTrail;
afterEach(() => trail?.close());

const officer = { name: 'Kamal Perera', tokenId: 'tok-1' };
const KEY = testKey(7);
const verify = (t: TestTrail, keys = [KEY]) => verifyAuditTrail({ audit: t.store.reads.audit, checkpoints: t.store.reads.auditCheckpoints, authorityDid: AUTHORITY_DID, authorityKeys: keys, suite: nodeCryptoSuite });

async function appendN(t: TestTrail, n: number, from = 1): Promise<void> {
  for (let i = from; i < from + n; i++) {
    await t.store.transaction((work) => work.audit.append({ actor: officer, action: 'permit.issue', subject: `LK26-E00000${i}`, permitNumber: `LK26-E00000${i}`, after: { n: i }, details: { i } }));
  }
}

function run(file: string, sql: string, params: unknown[] = []): Promise<void> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file);
    db.run(sql, params, (error) => db.close(() => (error ? reject(error) : resolve())));
  });
}

describe('the audit chain', () => {
  it('links each entry to the one before, from the genesis hash', async () => {
    trail = await openTrail();
    await appendN(trail, 3);
    const entries = await trail.store.reads.audit.page({ limit: 10 });
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(entries[0]!.prevHash).toBe(AUDIT_GENESIS_HASH);
    expect(entries[1]!.prevHash).toBe(entries[0]!.hash);
    expect(entries[2]!.prevHash).toBe(entries[1]!.hash);
    const { hash, ...fields } = entries[1]!;
    expect(entryHash(fields)).toBe(hash);
    expect(entries[1]).toMatchObject({ at: '2026-12-01T12:00:00.000Z', actorToken: 'tok-1', actorName: 'Kamal Perera', action: 'permit.issue', afterHash: dataHash({ n: 2 }), beforeHash: null, detailsJson: '{"i":2}' });
    expect(await verify(trail)).toMatchObject({ ok: true, entries: 3, head: { seq: 3, hash: entries[2]!.hash }, first: null });
  });

  it('hashes canonical JSON: the same data in another key order gives the same hash', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}');
    expect(dataHash({ b: 1, a: 2 })).toBe(dataHash({ a: 2, b: 1 }));
  });

  it('drops the entry of a savepoint that rolls back, and its seq goes to the next one (group commit)', async () => {
    trail = await openTrail();
    const batches = new GroupCommit(trail.store, 8);
    const results = await Promise.allSettled([
      batches.transaction((work) => work.audit.append({ actor: officer, action: 'permit.issue', subject: 'A' })),
      batches.transaction(async (work) => {
        await work.audit.append({ actor: officer, action: 'permit.issue', subject: 'B' });
        throw new Error('signing failed');
      }),
      batches.transaction((work) => work.audit.append({ actor: officer, action: 'permit.issue', subject: 'C' })),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const entries = await trail.store.reads.audit.page({ limit: 10 });
    expect(entries.map((e) => [e.seq, e.subject])).toEqual([
      [1, 'A'],
      [2, 'C'],
    ]);
    expect((await verify(trail)).ok).toBe(true);
  });

  it('chains appends of two connections to one file (serve and the CLI) one after the other', async () => {
    trail = await openTrail();
    const other = await openAgentDatabase(trail.file);
    const second = new SaigaStore(other.db, other.reads, () => trail.clock.now);
    try {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? trail.store : second).transaction((work) => work.audit.append({ actor: officer, action: 'token.create', subject: `t${i}` }))),
      );
    } finally {
      await other.close();
    }
    const report = await verify(trail);
    expect(report).toMatchObject({ ok: true, entries: 20, head: { seq: 20 } });
  });
});

describe('audit verify on a tampered file (sqlite3 on the file)', () => {
  it('names an edited entry: AUDIT_HASH_MISMATCH at its seq', async () => {
    trail = await openTrail();
    await appendN(trail, 5);
    await run(trail.file, "UPDATE audit_entry SET actor_name = 'Mallory' WHERE seq = 3");
    expect((await verify(trail)).first).toMatchObject({ code: 'AUDIT_HASH_MISMATCH', seq: 3 });
  });

  it('names an entry edited with its hash recomputed: AUDIT_CHAIN_BROKEN at the entry after it', async () => {
    trail = await openTrail();
    await appendN(trail, 5);
    const third = (await trail.store.reads.audit.bySeq(3))!;
    const forged: Omit<AuditEntry, 'hash'> = { ...third, actorName: 'Mallory' };
    await run(trail.file, 'UPDATE audit_entry SET actor_name = ?, hash = ? WHERE seq = 3', ['Mallory', entryHash(forged)]);
    expect((await verify(trail)).first).toMatchObject({ code: 'AUDIT_CHAIN_BROKEN', seq: 4 });
  });

  it('names a deleted entry: AUDIT_ENTRY_MISSING at its seq', async () => {
    trail = await openTrail();
    await appendN(trail, 5);
    await run(trail.file, 'DELETE FROM audit_entry WHERE seq = 2');
    const report = await verify(trail);
    expect(report.first).toMatchObject({ code: 'AUDIT_ENTRY_MISSING', seq: 2 });
    expect(report.ok).toBe(false);
  });

  it('names the first entry deleted from the start of the chain', async () => {
    trail = await openTrail();
    await appendN(trail, 3);
    await run(trail.file, 'DELETE FROM audit_entry WHERE seq = 1');
    expect((await verify(trail)).first).toMatchObject({ code: 'AUDIT_ENTRY_MISSING', seq: 1 });
  });

  it('names the first entry of a truncated tail after a checkpoint: AUDIT_TAIL_TRUNCATED', async () => {
    trail = await openTrail();
    await appendN(trail, 6);
    await trail.store.transaction((work) => writeCheckpoint(work, { authorityDid: AUTHORITY_DID, sign: signWith(KEY), now: () => trail.clock.now }));
    expect((await verify(trail)).ok).toBe(true);
    await run(trail.file, 'DELETE FROM audit_entry WHERE seq > 4');
    const report = await verify(trail);
    expect(report.first).toMatchObject({ code: 'AUDIT_TAIL_TRUNCATED', seq: 5 });
    expect(report.first!.message).toContain('names entry 6, but the last entry stored is 4');
  });

  it('detects a chain rewritten up to a checkpoint: AUDIT_CHECKPOINT_MISMATCH', async () => {
    trail = await openTrail();
    await appendN(trail, 4);
    await trail.store.transaction((work) => writeCheckpoint(work, { authorityDid: AUTHORITY_DID, sign: signWith(KEY), now: () => trail.clock.now }));
    // Someone with the file rewrites entry 2 and recomputes every hash after it: the chain fits, the signature does not.
    const entries = await trail.store.reads.audit.page({ limit: 10 });
    let prev = entries[0]!.hash;
    for (const e of entries.slice(1)) {
      const changed = { ...e, actorName: e.seq === 2 ? 'Mallory' : e.actorName, prevHash: prev };
      const { hash: _old, ...fields } = changed;
      prev = entryHash(fields);
      await run(trail.file, 'UPDATE audit_entry SET actor_name = ?, prev_hash = ?, hash = ? WHERE seq = ?', [changed.actorName, changed.prevHash, prev, e.seq]);
    }
    expect((await verify(trail)).first).toMatchObject({ code: 'AUDIT_CHECKPOINT_MISMATCH', seq: 1 });
  });

  it('refuses a checkpoint not signed by the authority, or one whose row was edited', async () => {
    trail = await openTrail();
    await appendN(trail, 3);
    const signing = { authorityDid: AUTHORITY_DID, sign: signWith(KEY), now: () => trail.clock.now };
    await trail.store.transaction((work) => writeCheckpoint(work, signing));
    await run(trail.file, 'UPDATE audit_checkpoint SET head_hash = ?', ['f'.repeat(64)]);
    expect((await verify(trail)).first).toMatchObject({ code: 'AUDIT_CHECKPOINT_SIGNATURE_INVALID', seq: 3 });
    const stranger = testKey(9);
    await run(trail.file, 'DELETE FROM audit_checkpoint');
    await trail.store.transaction((work) => writeCheckpoint(work, { ...signing, sign: signWith({ ...stranger, kid: KEY.kid }) }));
    const report = await verify(trail);
    expect(report.first).toMatchObject({ code: 'AUDIT_CHECKPOINT_SIGNATURE_INVALID', seq: 3 });
    expect(report.first!.message).toContain('the signature does not verify');
  });

  it('accepts checkpoints signed with a key rotated out since (every key of the DID is tried)', async () => {
    trail = await openTrail();
    await appendN(trail, 2);
    const old = testKey(3);
    await trail.store.transaction((work) => writeCheckpoint(work, { authorityDid: AUTHORITY_DID, sign: signWith(old), now: () => trail.clock.now }));
    await appendN(trail, 2, 3);
    await trail.store.transaction((work) => writeCheckpoint(work, { authorityDid: AUTHORITY_DID, sign: signWith(KEY), now: () => trail.clock.now }));
    expect(await verify(trail, [old, KEY])).toMatchObject({ ok: true, entries: 4, checkpoints: { valid: 2, invalid: 0, latest: { seq: 4 } } });
    // Without the old key the first checkpoint vouches for nothing.
    expect((await verify(trail, [KEY])).first).toMatchObject({ code: 'AUDIT_CHECKPOINT_SIGNATURE_INVALID', seq: 2 });
  });
});
