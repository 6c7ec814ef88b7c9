/**
 * A permit's life over HTTP, against a real agent process: status lists, revocation,
 * suspension, replacement and customs endorsements, checked by the shared verifier.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sqlite3 from 'sqlite3';
import { join } from 'node:path';
import { type AuthorityProcess, createToken, initAuthority, readExample, runCli, serveAuthority } from '../helpers/agent-process.js';
import { decodePayload, signWithUnknownDidKey } from '../helpers/forge.js';
import { createDidResolver, createPermitVerifier } from '../../src/verify/index.js';
import { decodeBitstring, getBit } from '../../src/vocab/bitstring.js';

let lk: AuthorityProcess;
let customsToken: string;
const orchids = readExample('export-lk-orchids.json');

beforeAll(async () => {
  const init = await initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' });
  lk = await serveAuthority(init);
  customsToken = await createToken(lk.config, 'customs', 'Kamal Perera');
});

afterAll(async () => {
  await lk?.stop();
});

const issue = async (body: unknown = orchids) => {
  const response = await lk.api('/api/permits', { token: lk.officerToken, body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { permitNumber: string; id: string; jwt: string };
};
const verify = async (credential: string) => (await lk.api('/api/verify', { body: { credential } })).body;
const failing = (result: { checks: { ok: boolean; check: string; code: string }[] }) => result.checks.filter((c) => !c.ok).map((c) => [c.check, c.code]);
const act = (n: string, action: string, body: unknown = {}, token = lk.officerToken) => lk.api(`/api/permits/${n}/${action}`, { token, body });
const endorse = (n: string, body: unknown, token = customsToken) => lk.api(`/api/permits/${n}/endorsements`, { token, body });
const shipment = (quantity: number, extra: Record<string, unknown> = {}) => ({
  blocks: [{ block: 'A', quantity }],
  portOfExport: 'LKCMB',
  date: new Date().toISOString().slice(0, 10),
  transportDocument: '176-12345675',
  ...extra,
});

describe('status lists', () => {
  it('every permit carries a revocation and a suspension entry, at random indexes, in lists the agent publishes', async () => {
    const permit = await issue();
    const status = decodePayload(permit.jwt).vc.credentialStatus as { statusPurpose: string; statusListIndex: string; statusListCredential: string; type: string }[];
    expect(status.map((s) => [s.type, s.statusPurpose])).toEqual([
      ['BitstringStatusListEntry', 'revocation'],
      ['BitstringStatusListEntry', 'suspension'],
    ]);
    expect(status[0]!.statusListCredential).toBe(`${lk.url}/status/revocation/1`);
    const response = await fetch(status[0]!.statusListCredential);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const etag = response.headers.get('etag')!;
    expect(etag).toMatch(/^"/);
    // (fetch adds `Cache-Control: no-cache` to a manual conditional request unless one is given; that would force a 200.)
    expect((await fetch(status[0]!.statusListCredential, { headers: { 'if-none-match': etag, 'cache-control': 'max-age=0' } })).status).toBe(304);
    const list = decodePayload(await response.text());
    expect(list.iss).toBe(lk.did);
    expect(list.jti).toBe(status[0]!.statusListCredential);
    expect(list.vc.type).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
    expect(list.vc.credentialSubject).toMatchObject({ type: 'BitstringStatusList', statusPurpose: 'revocation' });
    expect(list.vc.credentialSubject.encodedList).toMatch(/^u[A-Za-z0-9_-]+$/);
    const decoded = decodeBitstring(list.vc.credentialSubject.encodedList);
    expect(decoded.ok && decoded.bits.length * 8).toBe(131072);
  });

  it('revoke gives REVOKED with the reason, republishing the list at once (new ETag, the bit set)', async () => {
    const permit = await issue();
    const entry = decodePayload(permit.jwt).vc.credentialStatus[0];
    const before = await fetch(entry.statusListCredential);
    const revoked = await act(permit.permitNumber, 'revoke', { reason: 'stolen' });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ state: 'revoked', revocation: { reason: 'stolen' } });
    expect(revoked.body.history.map((e: { action: string; actor: string; reason: string | null }) => [e.action, e.actor, e.reason])).toEqual([
      ['issue', 'Test Officer', null],
      ['revoke', 'Test Officer', 'stolen'],
    ]);
    const after = await fetch(entry.statusListCredential);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    const bits = decodeBitstring(decodePayload(await after.text()).vc.credentialSubject.encodedList);
    expect(bits.ok && getBit(bits.bits, Number(entry.statusListIndex))).toBe(true);
    const result = await verify(permit.jwt);
    expect(result.verified).toBe(false);
    expect(result.state).toBe('revoked');
    expect(failing(result)).toEqual([['status', 'REVOKED']]);
    expect(result.status).toMatchObject({ revoked: true, suspended: false, reason: 'stolen' });
    // Revocation is permanent.
    const again = await act(permit.permitNumber, 'reinstate');
    expect(again.status).toBe(409);
    expect(again.body.error.errors.map((e: { code: string }) => e.code)).toEqual(['PERMIT_REVOKED']);
  });

  it('suspend gives SUSPENDED, reinstate makes it valid again', async () => {
    const permit = await issue();
    expect((await act(permit.permitNumber, 'suspend', { reason: 'under investigation' })).body.state).toBe('suspended');
    const suspended = await verify(permit.jwt);
    expect([suspended.verified, suspended.state, failing(suspended)]).toEqual([false, 'suspended', [['status', 'SUSPENDED']]]);
    const twice = await act(permit.permitNumber, 'suspend');
    expect(twice.body.error.errors.map((e: { code: string }) => e.code)).toEqual(['PERMIT_SUSPENDED']);
    expect((await act(permit.permitNumber, 'reinstate')).body.state).toBe('valid');
    const valid = await verify(permit.jwt);
    expect([valid.verified, valid.state]).toEqual([true, 'valid']);
    const notSuspended = await act(permit.permitNumber, 'reinstate');
    expect([notSuspended.status, notSuspended.body.error.errors[0].code]).toEqual([409, 'NOT_SUSPENDED']);
  });

  it('refuses a revocation without a known reason, from a customs token, or for a permit not issued here', async () => {
    const permit = await issue();
    const noReason = await act(permit.permitNumber, 'revoke', { reason: 'bored' });
    expect([noReason.status, noReason.body.error.code, noReason.body.error.errors[0].code, noReason.body.error.errors[0].path]).toEqual([
      422,
      'LIFECYCLE_INVALID',
      'REVOCATION_REASON_REQUIRED',
      '/reason',
    ]);
    expect((await act(permit.permitNumber, 'revoke', { reason: 'lost' }, customsToken)).status).toBe(403);
    const unknown = await act('LK00-E999999', 'revoke', { reason: 'lost' });
    expect([unknown.status, unknown.body.error.errors[0].code]).toEqual([404, 'NOT_OWN_PERMIT']);
    expect((await verify(permit.jwt)).state).toBe('valid');
  });
});

describe('the permit credential by its id', () => {
  it('is served publicly with CORS at /credentials/<uuid>, for reference QR codes; unknown ids are 404', async () => {
    const permit = await issue();
    const response = await fetch(`${lk.url}/credentials/${permit.id.replace('urn:uuid:', '')}`);
    expect([response.status, response.headers.get('access-control-allow-origin'), response.headers.get('content-type')]).toEqual([200, '*', 'application/vc+jwt; charset=utf-8']);
    expect(await response.text()).toBe(permit.jwt);
    expect((await fetch(`${lk.url}/credentials/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await fetch(`${lk.url}/credentials/LK26-E000001`)).status).toBe(404);
  });
});

describe('replacement', () => {
  it('issuing a replacement revokes the old permit in the same transaction; its status names the replacement', async () => {
    const old = await issue();
    const replacement = await issue({ ...orchids, replaces: { permitNumber: old.permitNumber, reason: 'lost' } });
    const newPermit = decodePayload(replacement.jwt).vc.credentialSubject;
    expect(newPermit.replaces).toEqual({ permitNumber: old.permitNumber, reason: 'lost' });
    expect(newPermit.specialConditions).toContain(`This permit replaces permit No. ${old.permitNumber} (lost), which is cancelled.`);
    const oldResult = await verify(old.jwt);
    expect(failing(oldResult)).toEqual([['status', 'REVOKED']]);
    expect(oldResult.status).toMatchObject({ revoked: true, reason: 'replaced', replacedBy: replacement.permitNumber });
    expect(oldResult.checks.find((c: { check: string }) => c.check === 'status').message).toContain(`It was replaced by permit ${replacement.permitNumber}.`);
    expect((await verify(replacement.jwt)).verified).toBe(true);
    const record = await (await fetch(decodePayload(old.jwt).vc.permitRecord)).json();
    expect(record).toMatchObject({ permitNumber: old.permitNumber, status: 'revoked', revocation: { reason: 'replaced' }, replacedBy: replacement.permitNumber, endorsements: [] });
  });

  it('refuses to replace a permit that is unknown, already revoked or already used, and uses no number', async () => {
    const used = await issue();
    expect((await endorse(used.permitNumber, shipment(1200))).status).toBe(201);
    const revoked = await issue();
    await act(revoked.permitNumber, 'revoke', { reason: 'cancelled' });
    for (const [target, code] of [
      ['LK00-E424242', 'REPLACED_PERMIT_UNKNOWN'],
      [revoked.permitNumber, 'REPLACED_PERMIT_REVOKED'],
      [used.permitNumber, 'REPLACED_PERMIT_USED'],
    ]) {
      const refused = await lk.api('/api/permits', { token: lk.officerToken, body: { ...orchids, replaces: { permitNumber: target, reason: 'lost' } } });
      expect([refused.status, refused.body.error.errors.map((e: { code: string; path: string }) => [e.code, e.path])]).toEqual([422, [[code, '/replaces/permitNumber']]]);
    }
    const next = await issue();
    expect(Number(next.permitNumber.slice(-6))).toBe(Number(revoked.permitNumber.slice(-6)) + 1);
  });
});

describe('customs export endorsement', () => {
  it('records a partial shipment; the verifier shows permitted and exported quantities', async () => {
    const permit = await issue();
    const endorsed = await endorse(permit.permitNumber, shipment(1000));
    expect(endorsed.status).toBe(201);
    expect(endorsed.body.endorsement).toMatchObject({
      permit: { id: permit.id, permitNumber: permit.permitNumber, issuer: lk.did },
      blocks: [{ block: 'A', quantity: 1000, unit: 'NAR' }],
      portOfExport: 'LKCMB',
      transportDocument: '176-12345675',
      officer: 'Kamal Perera',
      country: 'LK',
    });
    const signedBy = decodePayload(endorsed.body.jwt).iss;
    expect(signedBy).toBe(`${lk.did}:customs`);
    const customsDoc = await lk.api('/customs/did.json');
    expect([customsDoc.status, customsDoc.body.id, customsDoc.headers.get('access-control-allow-origin')]).toEqual([200, signedBy, '*']);
    const result = await verify(permit.jwt);
    expect([result.verified, result.state]).toEqual([true, 'used']);
    expect(result.blocks).toEqual([{ block: 'A', scientificName: 'Phalaenopsis amabilis', permitted: { quantity: 1200, unit: 'NAR' }, exported: { quantity: 1000, unit: 'NAR' } }]);
    expect(result.endorsement).toMatchObject({ endorsedBy: signedBy, portOfExport: 'LKCMB', officer: 'Kamal Perera', transportDocument: '176-12345675' });
    const record = await (await fetch(decodePayload(permit.jwt).vc.permitRecord)).json();
    expect(record.endorsements).toEqual([endorsed.body.jwt]);
  });

  it('refuses over-quantity, another unit, a revoked permit and a second endorsement, each with its code', async () => {
    const permit = await issue();
    const over = await endorse(permit.permitNumber, shipment(1201));
    expect([over.status, over.body.error.errors.map((e: { code: string; path: string }) => [e.code, e.path])]).toEqual([422, [['QUANTITY_EXCEEDED', '/blocks/0/quantity']]]);
    const unit = await endorse(permit.permitNumber, { ...shipment(10), blocks: [{ block: 'A', quantity: 10, unit: 'KGM' }] });
    expect([unit.status, unit.body.error.errors.map((e: { code: string }) => e.code)]).toEqual([422, ['UNIT_MISMATCH']]);
    expect((await endorse(permit.permitNumber, shipment(100))).status).toBe(201);
    const second = await endorse(permit.permitNumber, shipment(100));
    expect([second.status, second.body.error.code, second.body.error.errors.map((e: { code: string }) => e.code)]).toEqual([409, 'LIFECYCLE_REFUSED', ['ALREADY_ENDORSED']]);
    const revoked = await issue();
    await act(revoked.permitNumber, 'revoke', { reason: 'fraud' });
    const onRevoked = await endorse(revoked.permitNumber, shipment(1));
    expect([onRevoked.status, onRevoked.body.error.errors.map((e: { code: string }) => e.code)]).toEqual([409, ['PERMIT_REVOKED']]);
    expect((await endorse(revoked.permitNumber, shipment(1), lk.officerToken)).status).toBe(403);
  });

  it('of 50 concurrent endorsements of one permit, exactly one succeeds', async () => {
    const permit = await issue();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => endorse(permit.permitNumber, shipment(1 + i))));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(new Set(results.filter((r) => r.status === 409).map((r) => r.body.error.errors[0].code))).toEqual(new Set(['ALREADY_ENDORSED']));
    const view = await lk.api(`/api/permits/${permit.permitNumber}/status`, { token: customsToken });
    expect(view.body.history.filter((e: { action: string }) => e.action === 'endorse')).toHaveLength(1);
  });

  it('an endorsement signed by an untrusted key and placed in the feed gives ENDORSEMENT_INVALID', async () => {
    const permit = await issue();
    const genuine = await endorse(permit.permitNumber, shipment(5));
    const { jwt: forged } = await signWithUnknownDidKey({ ...decodePayload(genuine.body.jwt) });
    await new Promise<void>((resolve, reject) => {
      const db = new sqlite3.Database(join(lk.dir, 'data', 'agent.sqlite'));
      db.run('UPDATE endorsement SET jwt = ? WHERE permit_number = ?', [forged, permit.permitNumber], (error) => (error ? reject(error) : db.close(() => resolve())));
    });
    const result = await verify(permit.jwt);
    expect(result.verified).toBe(false);
    expect(failing(result)).toEqual([['endorsement', 'ENDORSEMENT_INVALID']]);
  });
});

describe('a verifier elsewhere', () => {
  it('says the status could not be checked when the issuing agent is down, never valid', async () => {
    const init = await initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' });
    const agent = await serveAuthority(init);
    const permit = (await agent.api('/api/permits', { token: agent.officerToken, body: orchids })).body;
    const verifier = createPermitVerifier({
      resolveDid: createDidResolver({ fetch }),
      trustedIssuers: [{ did: agent.did, role: 'managementAuthority', country: 'LK', name: 'DWC' }],
      fetch,
      statusCacheTtlMs: 0,
    });
    const up = await verifier.verify(permit.jwt, { now: new Date() });
    expect([up.verified, up.state]).toEqual([true, 'valid']);
    await agent.stop();
    const down = await verifier.verify(permit.jwt, { now: new Date() });
    expect(down.verified).toBe(false);
    expect(down.state).toBe('unknown');
    expect(failing(down)).toEqual([
      ['status', 'STATUS_UNAVAILABLE'],
      ['endorsement', 'RECORD_UNAVAILABLE'],
    ]);
  });
});
