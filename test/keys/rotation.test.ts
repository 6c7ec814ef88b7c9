/**
 * Key rotation between real agents (issue 9 §6): LK and CH as separate processes, each with
 * its own SQLite file, resolving each other's did:web over loopback. LK signs two permits with
 * its first key (one before and one after a compromise date), rotates, signs a third with the
 * new key, then revokes the first key as compromised since that date. CH verifies before and
 * after: the new permit at once (its cached LK document lacks the new kid, so it fetches it
 * again), and after the revocation exactly the permit signed after the date fails.
 *
 * The agents run on the real clock (a process cannot be given a fixed one); the compromise
 * date is the whole second after the first permit was signed, and the second permit is
 * signed after it, so the order is certain without measuring any duration.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthorityProcess, initAuthority, readExample, runCli, serveAuthority, setPeers } from '../helpers/agent-process.js';

type Init = Awaited<ReturnType<typeof initAuthority>>;
let lkInit: Init;
let chInit: Init;
let lk: AuthorityProcess;
let ch: AuthorityProcess;
let officerToken: string;

const didOf = (url: string) => `did:web:${new URL(url).host.replace(':', '%3A')}`;
const kidOf = (jwt: string) => (JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString('utf8')) as { kid: string }).kid;
const sleepUntil = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms - Date.now()) + 50));

async function issue(): Promise<{ permitNumber: string; jwt: string }> {
  const issued = await lk.api('/api/permits', { token: officerToken, body: readExample('export-lk-orchids.json') });
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  return issued.body;
}

/** The codes of the failed checks at CH's agent verifier (POST /api/verify); [] when verified. */
async function failedAtCh(jwt: string): Promise<string[]> {
  const { body } = await ch.api('/api/verify', { body: { credential: jwt } });
  const failed = (body.checks as { ok: boolean; code: string }[]).filter((c) => !c.ok).map((c) => c.code);
  expect(body.verified).toBe(failed.length === 0);
  return failed;
}

/** The same with `saiga verify` in a new process at CH (a cold cache). */
async function failedInChCli(jwt: string): Promise<string[]> {
  const run = await runCli(['verify', jwt, '--config', chInit.config, '--json']);
  const body = JSON.parse(run.stdout) as { verified: boolean; checks: { ok: boolean; code: string }[] };
  expect(run.code).toBe(body.verified ? 0 : 1);
  return body.checks.filter((c) => !c.ok).map((c) => c.code);
}

async function cli(args: string[]): Promise<{ code: number; body: any }> {
  const run = await runCli([...args, '--config', lkInit.config, '--json']);
  return { code: run.code, body: JSON.parse(run.stdout) };
}

async function restartLk(change: () => Promise<void>): Promise<void> {
  await lk.stop();
  await change();
  lk = await serveAuthority(lkInit);
}

beforeAll(async () => {
  [lkInit, chInit] = await Promise.all([
    initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' }),
    initAuthority({ country: 'CH', name: 'Federal Food Safety and Veterinary Office', place: 'Bern' }),
  ]);
  setPeers(lkInit.config, [{ did: didOf(chInit.url), country: 'CH', name: 'Federal Food Safety and Veterinary Office' }]);
  setPeers(chInit.config, [{ did: didOf(lkInit.url), country: 'LK', name: 'Department of Wildlife Conservation' }]);
  [lk, ch] = await Promise.all([serveAuthority(lkInit), serveAuthority(chInit)]);
  officerToken = lk.officerToken;
}, 120_000);

afterAll(async () => {
  await Promise.all([lk?.stop(), ch?.stop()]);
});

describe('key rotation and revocation between two agents', () => {
  it('rotates, keeps old permits verifiable, and refuses exactly what the compromised key signed after the date', { timeout: 240_000 }, async () => {
    const [first] = (await cli(['key', 'list'])).body.items.filter((k: { identity: string }) => k.identity === 'authority');
    expect(first).toMatchObject({ identity: 'authority', did: lk.did, state: 'current' });
    const oldKid: string = first.kid;

    const before = await issue();
    expect(kidOf(before.jwt)).toBe(oldKid);
    // The compromise date: the next whole second after `before` was signed (JWT times are whole seconds).
    const compromisedSince = new Date(Math.ceil((Date.now() + 1) / 1000) * 1000);
    await sleepUntil(compromisedSince.getTime());
    const after = await issue();
    expect(kidOf(after.jwt)).toBe(oldKid);
    expect(await failedAtCh(before.jwt)).toEqual([]);
    expect(await failedAtCh(after.jwt)).toEqual([]);

    let rotated: any;
    await restartLk(async () => {
      const run = await cli(['key', 'rotate', '--officer', 'Anoma Perera']);
      expect(run.code).toBe(0);
      rotated = run.body;
    });
    expect(rotated).toMatchObject({ identity: 'authority', did: lk.did, state: 'current', addedAt: expect.any(String) });
    expect(rotated.kid).not.toBe(oldKid);

    const fresh = await issue();
    expect(kidOf(fresh.jwt)).toBe(rotated.kid);
    // CH cached LK's document with the old key only: the unknown kid makes it fetch the document again.
    expect(await failedAtCh(fresh.jwt)).toEqual([]);
    expect(await failedAtCh(before.jwt)).toEqual([]);
    expect(await failedAtCh(after.jwt)).toEqual([]);

    // LK's DID document after the rotation: both keys issue; DIDComm encrypts to the new one only.
    const rotatedDoc = (await lk.api('/.well-known/did.json')).body;
    expect(rotatedDoc.assertionMethod).toEqual([oldKid, rotated.kid]);
    expect(rotatedDoc.authentication).toEqual([oldKid, rotated.kid]);
    expect(rotatedDoc.keyAgreement).toEqual([`${rotated.kid}-x25519`]);

    let revoked: any;
    await restartLk(async () => {
      const run = await cli(['key', 'revoke', oldKid, '--compromised-since', compromisedSince.toISOString(), '--officer', 'Anoma Perera']);
      expect(run.code).toBe(0);
      revoked = run.body;
      // The new key is now the only active one: it cannot be revoked.
      const last = await cli(['key', 'revoke', rotated.kid]);
      expect([last.code, last.body.error.code]).toEqual([1, 'LAST_ACTIVE_KEY']);
      const again = await cli(['key', 'revoke', oldKid]);
      expect([again.code, again.body.error.code]).toEqual([1, 'KEY_ALREADY_REVOKED']);
      const unknown = await cli(['key', 'revoke', `${lk.did}#key-nothing1`]);
      expect([unknown.code, unknown.body.error.code]).toEqual([1, 'KEY_NOT_FOUND']);
      // The audit trail names the officer who rotated and revoked (Decision 18.125(e)).
      const exported = await runCli(['audit', 'export', '--config', lkInit.config]);
      const keyEntries = exported.stdout.trim().split('\n').map((line) => JSON.parse(line) as { action: string; subject: string; actorName: string });
      const named = (action: string) => keyEntries.filter((e) => e.action === action).map((e) => [e.subject, e.actorName]);
      expect(named('key.rotate')).toEqual([[rotated.kid, 'Anoma Perera']]);
      expect(named('key.revoke')).toEqual([[oldKid, 'Anoma Perera']]);
    });
    expect(revoked.key).toMatchObject({ kid: oldKid, state: 'revoked', compromisedSince: compromisedSince.toISOString() });
    expect(revoked.current.kid).toBe(rotated.kid);
    // One revocation and one suspension list, both signed again with the new key.
    expect(revoked.statusListsResigned).toBe(2);
    expect(revoked.signedWithKey.map((c: { permitNumber: string; reissue: boolean }) => [c.permitNumber, c.reissue])).toEqual([
      [before.permitNumber, false],
      [after.permitNumber, true],
    ]);

    const revokedDoc = (await lk.api('/.well-known/did.json')).body;
    expect(revokedDoc.assertionMethod).toEqual([rotated.kid]);
    expect(revokedDoc.authentication).toEqual([rotated.kid]);
    expect(revokedDoc.keyAgreement).toEqual([`${rotated.kid}-x25519`]);
    expect(revokedDoc.verificationMethod.find((m: { id: string }) => m.id === oldKid)).toMatchObject({
      revoked: revoked.key.revokedAt,
      compromisedSince: compromisedSince.toISOString(),
    });

    // A verifier with a cold cache (a new process at CH): exactly the permit signed after the date fails.
    expect(await failedInChCli(before.jwt)).toEqual([]);
    expect(await failedInChCli(after.jwt)).toEqual(['KEY_COMPROMISED']);
    expect(await failedInChCli(fresh.jwt)).toEqual([]);
    // And LK's own `saiga verify` (read-only, its documents built from its store).
    const own = await runCli(['verify', after.jwt, '--config', lkInit.config, '--json']);
    expect(JSON.parse(own.stdout).checks.filter((c: { ok: boolean }) => !c.ok).map((c: { code: string }) => c.code)).toEqual(['KEY_COMPROMISED']);
  });
});
