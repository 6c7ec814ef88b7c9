/**
 * Retention (Decision 18.125(e)): entries about a permit are kept at least 5 years after it
 * expires, and no entry younger than 5 years is purged. A purge that may go ahead deletes a
 * prefix of the chain and leaves a signed anchor, so that the rest still verifies.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { purgeAuditTrail } from '../../src/audit/purge.js';
import { verifyAuditTrail } from '../../src/audit/verify.js';
import { AUTHORITY_DID, openTrail, signWith, testKey, type TestTrail } from './helpers.js';
import { nodeCryptoSuite } from '../../src/verification/node-signature.js';

const KEY = testKey(5);
let trail: TestTrail;
afterEach(() => trail?.close());

const admin = { name: 'Ada Gunasekara', tokenId: 'tok-admin' };
const verify = () => verifyAuditTrail({ audit: trail.store.reads.audit, checkpoints: trail.store.reads.auditCheckpoints, authorityDid: AUTHORITY_DID, authorityKeys: [KEY], suite: nodeCryptoSuite });
const purge = (before: string) => purgeAuditTrail({ store: trail.store, authorityDid: AUTHORITY_DID, sign: signWith(KEY), now: () => trail.clock.now, verify }, new Date(before), admin);

/** A permit row as issuance writes it (only the columns retention reads matter here). */
async function permit(number: string, validUntil: string): Promise<void> {
  await trail.database.db.run(
    `INSERT INTO permit (permit_number, credential_id, document_type, issuer_did, exporter_country, importer_country, issued_at, valid_until, signatory, subject_json, jwt)
     VALUES (?, ?, 'export', ?, 'LK', 'CH', '2015-01-10', ?, 'Kamal Perera', '{}', 'jwt')`,
    [number, `urn:uuid:${number}`, AUTHORITY_DID, validUntil],
  );
}

async function entry(at: string, permitNumber?: string): Promise<void> {
  trail.clock.now = new Date(at);
  await trail.store.transaction((work) => work.audit.append({ actor: { name: 'Kamal Perera' }, action: permitNumber ? 'permit.issue' : 'token.create', ...(permitNumber && { subject: permitNumber, permitNumber }) }));
}

describe('audit purge', () => {
  it('refuses a date less than 5 years ago, and deletes nothing', async () => {
    trail = await openTrail('2015-01-10T00:00:00.000Z');
    await entry('2015-01-10T00:00:00.000Z');
    trail.clock.now = new Date('2026-12-01T12:00:00.000Z');
    const outcome = await purge('2022-01-01');
    expect(outcome).toMatchObject({ ok: false, code: 'AUDIT_PURGE_REFUSED', kept: [] });
    expect(outcome.ok || outcome.message).toContain('less than 5 years ago');
    expect(await trail.store.reads.audit.count()).toBe(1);
  });

  it('refuses entries about a permit that expired less than 5 years ago, naming the first, and deletes nothing', async () => {
    trail = await openTrail('2015-01-10T00:00:00.000Z');
    await permit('LK15-E000001', '2015-07-10');
    await permit('LK15-E000002', '2022-06-30'); // an extended validity in the test data: + 5 years is after now
    await entry('2015-01-10T00:00:00.000Z', 'LK15-E000001');
    await entry('2015-01-11T00:00:00.000Z', 'LK15-E000002');
    await entry('2015-01-12T00:00:00.000Z');
    trail.clock.now = new Date('2026-12-01T12:00:00.000Z');
    const outcome = await purge('2016-01-01');
    expect(outcome).toMatchObject({ ok: false, code: 'AUDIT_PURGE_REFUSED', kept: [{ seq: 2, permitNumber: 'LK15-E000002', validUntil: '2022-06-30' }] });
    expect(outcome.ok || outcome.message).toContain('Entry 2 must be kept: permit LK15-E000002 is valid until 2022-06-30.');
    expect(await trail.store.reads.audit.count()).toBe(3);
    expect(await trail.store.reads.auditCheckpoints.all()).toEqual([]);
  });

  it('refuses to purge a trail that does not verify', async () => {
    trail = await openTrail('2015-01-10T00:00:00.000Z');
    await entry('2015-01-10T00:00:00.000Z');
    await entry('2015-01-11T00:00:00.000Z');
    await trail.database.db.run("UPDATE audit_entry SET actor_name = 'Mallory' WHERE seq = 1");
    trail.clock.now = new Date('2026-12-01T12:00:00.000Z');
    expect(await purge('2016-01-01')).toMatchObject({ ok: false, code: 'AUDIT_HASH_MISMATCH' });
    expect(await trail.store.reads.audit.count()).toBe(2);
  });

  it('purges old entries of long-expired permits behind a signed anchor: the rest still verifies, and tampering is still found', async () => {
    trail = await openTrail('2015-01-10T00:00:00.000Z');
    await permit('LK15-E000001', '2015-07-10');
    await entry('2015-01-10T00:00:00.000Z', 'LK15-E000001');
    await entry('2015-01-11T00:00:00.000Z');
    await entry('2020-03-01T00:00:00.000Z');
    await entry('2024-05-01T00:00:00.000Z');
    trail.clock.now = new Date('2026-12-01T12:00:00.000Z');
    const outcome = await purge('2016-01-01');
    const anchorHash = outcome.ok ? outcome.headHash : '';
    expect(outcome).toMatchObject({ ok: true, purged: 2, upToSeq: 2 });
    const left = await trail.store.reads.audit.page({ limit: 10 });
    expect(left.map((e) => [e.seq, e.action])).toEqual([
      [3, 'token.create'],
      [4, 'token.create'],
      [5, 'audit.purge'],
    ]);
    expect(left[0]!.prevHash).toBe(anchorHash);
    expect(JSON.parse(left[2]!.detailsJson)).toMatchObject({ upToSeq: 2, purged: 2, before: '2016-01-01T00:00:00.000Z' });
    expect(left[2]).toMatchObject({ actorName: 'Ada Gunasekara', actorToken: 'tok-admin' });
    expect(await verify()).toMatchObject({ ok: true, startsAfter: 2, entries: 3, head: { seq: 5 } });
    await trail.database.db.run('DELETE FROM audit_entry WHERE seq = 3');
    expect((await verify()).first).toMatchObject({ code: 'AUDIT_ENTRY_MISSING', seq: 3 });
  });
});
