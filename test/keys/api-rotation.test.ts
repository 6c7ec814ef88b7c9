/**
 * Key rotation and revocation through the API of a running agent (issue 9 §6), no restart:
 * a real `saiga serve` process (its own SQLite file, loopback HTTP). After POST /api/keys/rotate
 * the agent's DID document lists the new key at once, and the next permit is signed with it and
 * verifies with the agent's verifier (the shared core) and with did-jwt-vc over a did:web
 * resolver of its own (test/conformance/helpers.ts). After revoking the old key, what it signed
 * before still verifies; the refusals keep their codes; only an admin may do any of it, and the
 * audit trail names the admin.
 *
 * The agent runs on the real clock (a process cannot be given a fixed one): times are asserted
 * as the agent reports them, never measured.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCredential } from 'did-jwt-vc';
import { type AuthorityProcess, createToken, initAuthority, readExample, serveAuthority } from '../helpers/agent-process.js';
import { loopbackResolver } from '../conformance/helpers.js';

const ADMIN = 'Nirmala Silva';
let lk: AuthorityProcess;
let admin: string;
let officer: string;

const kidOf = (jwt: string) => (JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString('utf8')) as { kid: string }).kid;
const revokePath = (kid: string) => `/api/keys/${encodeURIComponent(kid)}/revoke`;

async function issue(): Promise<{ permitNumber: string; jwt: string }> {
  const issued = await lk.api('/api/permits', { token: officer, body: readExample('export-lk-orchids.json') });
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  return issued.body;
}

/** The codes of the failed checks of the agent's own verifier (POST /api/verify, the shared core); [] when verified. */
async function failedChecks(jwt: string): Promise<string[]> {
  const { status, body } = await lk.api('/api/verify', { body: { credential: jwt } });
  expect(status).toBe(200);
  const failed = (body.checks as { ok: boolean; code: string }[]).filter((c) => !c.ok).map((c) => c.code);
  expect(body.verified).toBe(failed.length === 0);
  return failed;
}

async function didDocument(path = '/.well-known/did.json'): Promise<any> {
  const response = await fetch(`${lk.url}${path}`);
  expect(response.status).toBe(200);
  return response.json();
}

beforeAll(async () => {
  const init = await initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' });
  admin = await createToken(init.config, 'admin', ADMIN);
  officer = await createToken(init.config, 'officer', 'Anoma Perera');
  lk = await serveAuthority(init);
}, 120_000);

afterAll(async () => {
  await lk?.stop();
});

describe('key rotation through the API of a running agent', () => {
  it('publishes and signs with the new key at once, keeps old permits verifiable after the old key is revoked, and refuses with the codes', { timeout: 180_000 }, async () => {
    const listed = await lk.api('/api/keys', { token: admin });
    expect(listed.status).toBe(200);
    const authorityKeys = listed.body.items.filter((k: { identity: string }) => k.identity === 'authority');
    expect(authorityKeys).toEqual([{ identity: 'authority', did: lk.did, kid: expect.stringMatching(/#key-[A-Za-z0-9_-]{8}$/), publicKeyHex: expect.stringMatching(/^[0-9a-f]{64}$/), state: 'current' }]);
    const oldKid: string = authorityKeys[0].kid;
    const before = await issue();
    expect(kidOf(before.jwt)).toBe(oldKid);

    // Rotate: no restart.
    const rotated = await lk.api('/api/keys/rotate', { token: admin, body: { identity: 'authority' } });
    expect(rotated.status, JSON.stringify(rotated.body)).toBe(200);
    expect(rotated.body).toEqual({ identity: 'authority', did: lk.did, kid: expect.stringMatching(/#key-[A-Za-z0-9_-]{8}$/), publicKeyHex: expect.stringMatching(/^[0-9a-f]{64}$/), state: 'current', addedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/) });
    const newKid: string = rotated.body.kid;
    expect(newKid).not.toBe(oldKid);

    const afterRotation = await didDocument();
    expect(afterRotation.assertionMethod).toEqual([oldKid, newKid]);
    expect(afterRotation.authentication).toEqual([oldKid, newKid]);
    expect(afterRotation.keyAgreement).toEqual([`${newKid}-x25519`]);
    expect((await lk.api('/api/keys', { token: admin })).body.items.filter((k: { identity: string }) => k.identity === 'authority').map((k: { kid: string; state: string }) => [k.kid, k.state])).toEqual([
      [oldKid, 'active'],
      [newKid, 'current'],
    ]);

    // The next permit is signed with the new key, and verifies with the core and with did-jwt-vc.
    const fresh = await issue();
    expect(kidOf(fresh.jwt)).toBe(newKid);
    expect(await failedChecks(fresh.jwt)).toEqual([]);
    const independent = await verifyCredential(fresh.jwt, loopbackResolver(), { proofPurpose: 'assertionMethod' });
    expect(independent.verified).toBe(true);
    expect(independent.signer.id).toBe(newKid);
    expect(independent.issuer).toBe(lk.did);

    // Revoke the old key: what it signed before still verifies.
    const revoked = await lk.api(revokePath(oldKid), { token: admin, body: {} });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    expect(revoked.body).toMatchObject({
      key: { kid: oldKid, state: 'revoked', revokedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) },
      current: { kid: newKid, state: 'current' },
      statusListsResigned: expect.any(Number),
      signedWithKey: [{ kind: 'permit', permitNumber: before.permitNumber, reissue: false }],
    });
    expect(revoked.body.key.compromisedSince).toBeUndefined();
    const afterRevocation = await didDocument();
    expect(afterRevocation.assertionMethod).toEqual([newKid]);
    expect(afterRevocation.verificationMethod.find((m: { id: string }) => m.id === oldKid)).toMatchObject({ revoked: revoked.body.key.revokedAt });
    expect(await failedChecks(before.jwt)).toEqual([]);
    expect(await failedChecks(fresh.jwt)).toEqual([]);
    // did-jwt-vc knows no `revoked`: it finds the old key among the verification methods, which keep every key.
    const old = await verifyCredential(before.jwt, loopbackResolver());
    expect(old.verified).toBe(true);
    expect(old.signer.id).toBe(oldKid);
    // A permit issued now is signed with the new key.
    expect(kidOf((await issue()).jwt)).toBe(newKid);

    // Refusals, each with its code; nothing changed.
    expect(await lk.api(revokePath(oldKid), { token: admin, body: {} })).toMatchObject({ status: 409, body: { error: { code: 'KEY_ALREADY_REVOKED', message: `The key ${oldKid} was revoked already, at ${revoked.body.key.revokedAt}.`, path: '' } } });
    expect(await lk.api(revokePath(newKid), { token: admin, body: {} })).toMatchObject({ status: 409, body: { error: { code: 'LAST_ACTIVE_KEY', path: '' } } });
    expect((await lk.api(revokePath(newKid), { token: admin, body: {} })).body.error.message).toBe(`${newKid} is the last active key of ${lk.did}: rotate first ("saiga key rotate"), then revoke it.`);
    expect(await lk.api(revokePath(`${lk.did}#key-AAAAAAAA`), { token: admin, body: {} })).toMatchObject({ status: 404, body: { error: { code: 'KEY_NOT_FOUND', path: '' } } });
    expect(await lk.api(revokePath(newKid), { token: admin, body: { compromisedSince: '2999-01-01' } })).toEqual({
      status: 400,
      headers: expect.anything(),
      body: { error: { code: 'BAD_REQUEST', message: 'The compromise date lies in the future.', path: '/compromisedSince' } },
    });
    expect(await lk.api(revokePath(newKid), { token: admin, body: { compromisedSince: 'yesterday' } })).toMatchObject({ status: 400, body: { error: { code: 'BAD_REQUEST', path: '/compromisedSince' } } });
    expect(await lk.api('/api/keys/rotate', { token: admin, body: {} })).toMatchObject({ status: 400, body: { error: { code: 'BAD_REQUEST', path: '/identity' } } });
    expect(await lk.api('/api/keys/rotate', { token: admin, body: { identity: 'anchor' } })).toMatchObject({ status: 400, body: { error: { code: 'BAD_REQUEST', path: '/identity' } } });
    expect(await lk.api('/api/keys/rotate', { token: admin, body: { identity: 'authority', kid: 'x' } })).toMatchObject({ status: 400, body: { error: { code: 'BAD_REQUEST', path: '/kid' } } });

    // Not an admin: 403, for the officer (bearer) on every key route.
    for (const [path, body] of [['/api/keys', undefined], ['/api/keys/rotate', { identity: 'authority' }], [revokePath(newKid), {}]] as const) {
      expect(await lk.api(path, { token: officer, ...(body && { body }) })).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    }
    expect((await lk.api('/api/keys', { token: admin })).body.items.filter((k: { identity: string }) => k.identity === 'authority').map((k: { kid: string; state: string }) => [k.kid, k.state])).toEqual([
      [oldKid, 'revoked'],
      [newKid, 'current'],
    ]);

    // The audit trail names the admin who rotated and revoked.
    const audit = await lk.api('/api/audit?limit=1000', { token: admin });
    expect(audit.status).toBe(200);
    const keyEntries = (audit.body.items as { action: string; actorName: string; subject: string }[]).filter((e) => e.action.startsWith('key.')).map((e) => [e.action, e.actorName, e.subject]);
    expect(keyEntries).toEqual([
      ['key.rotate', ADMIN, newKid],
      ['key.revoke', ADMIN, oldKid],
    ]);
  });

  it('rotates the customs key: /customs/did.json lists it at once', { timeout: 60_000 }, async () => {
    const rotated = await lk.api('/api/keys/rotate', { token: admin, body: { identity: 'customs' } });
    expect(rotated.status, JSON.stringify(rotated.body)).toBe(200);
    expect(rotated.body).toMatchObject({ identity: 'customs', state: 'current' });
    const document = await didDocument('/customs/did.json');
    expect(document.assertionMethod.at(-1)).toBe(rotated.body.kid);
    expect(document.assertionMethod).toHaveLength(2);
  });
});
