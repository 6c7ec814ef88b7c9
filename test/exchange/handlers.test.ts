/**
 * The handlers of permit-issued, import-permit, status-changed and export-endorsed at a
 * receiving authority. Sri Lanka runs as its own process (the built CLI, its own SQLite file,
 * did:web on a loopback port) and issues, endorses and revokes for real; Switzerland is a real
 * agent opened in-process, whose handlers get what LK signed, exactly as its inbox would hand
 * it over (body schema, check, apply in one unit of work). Each refusal has its code and
 * leaves nothing stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthorityProcess, createToken, editConfig, initAuthority, readExample, serveAuthority, setPeers } from '../helpers/agent-process.js';
import { openReceiver, type Receiver } from './imports-helpers.js';
import { EXCHANGE_CODES, VERIFY_CODES } from '../../src/codes.js';
import type { StatusChangedBody } from '../../src/exchange/message-types.js';

let lk: AuthorityProcess;
let ch: Receiver;
let customsToken: string;

beforeAll(async () => {
  const [lkInit, chInit] = await Promise.all([
    initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' }),
    initAuthority({ country: 'CH', name: 'Federal Food Safety and Veterinary Office', place: 'Bern' }),
  ]);
  setPeers(chInit.config, [
    { did: lkInit.did, country: 'LK', name: 'Department of Wildlife Conservation' },
    { did: lkInit.customsDid, country: 'LK', name: 'Sri Lanka Customs', role: 'customs' },
  ]);
  // CH reads LK's status lists afresh every time: what it shows comes from LK or from LK's notices, never from a cache.
  editConfig(chInit.config, (saiga) => {
    saiga.verify.statusCacheSeconds = 0;
  });
  lk = await serveAuthority(lkInit);
  ch = await openReceiver(chInit.config);
  customsToken = await createToken(lk.config, 'customs', 'Kamal Perera');
}, 60_000);

afterAll(async () => {
  await ch?.close();
  await lk?.stop();
});

async function issueAtLk(request: Record<string, unknown>): Promise<{ permitNumber: string; id: string; jwt: string }> {
  const issued = await lk.api('/api/permits', { token: lk.officerToken, body: request });
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  return issued.body;
}

const held = () => ch.saiga.store.reads.incomingPermits.list();
const refusal = (outcome: { ok: boolean; code?: string; retryable?: boolean; path?: string }) => [outcome.code, outcome.retryable ?? false, outcome.path];

describe('permit-issued', () => {
  it('keeps an LK export to CH as an expected arrival, once, however often it comes', async () => {
    const permit = await issueAtLk(readExample('export-lk-orchids.json'));
    expect(await ch.receive('permitIssued', lk.did, { permit: permit.jwt })).toEqual({ ok: true });
    expect(await ch.receive('permitIssued', lk.did, { permit: permit.jwt })).toEqual({ ok: true });
    const row = await ch.saiga.store.reads.incomingPermits.get(permit.id);
    expect(row).toMatchObject({
      credentialId: permit.id,
      issuerDid: lk.did,
      permitNumber: permit.permitNumber,
      documentType: 'export',
      exporterCountry: 'LK',
      importerCountry: 'CH',
      relation: 'import',
      jwt: permit.jwt,
      status: 'valid',
      state: 'expected',
    });
    expect(row!.permit.specimens.map((s) => [s.block, s.scientificName, s.quantity, s.unit])).toEqual([['A', 'Phalaenopsis amabilis', 1200, 'NAR']]);
    expect((await held()).filter((p) => p.credentialId === permit.id)).toHaveLength(1);
  });

  it('refuses a permit sent by anyone but its issuer', async () => {
    const permit = await issueAtLk(readExample('export-lk-orchids.json'));
    const outcome = await ch.receive('permitIssued', ch.deps.authority.did, { permit: permit.jwt });
    expect(refusal(outcome)).toEqual(['EXCHANGE_SENDER_NOT_ISSUER', false, undefined]);
    expect(await ch.saiga.store.reads.incomingPermits.get(permit.id)).toBeUndefined();
  });

  it('refuses a permit that does not concern CH', async () => {
    const request = readExample('export-lk-orchids.json');
    (request.importer as Record<string, unknown>).country = 'JP';
    const permit = await issueAtLk(request);
    const outcome = await ch.receive('permitIssued', lk.did, { permit: permit.jwt });
    expect(refusal(outcome)).toEqual(['EXCHANGE_NOT_CONCERNED', false, undefined]);
    expect(!outcome.ok && outcome.message).toBe(`${EXCHANGE_CODES.EXCHANGE_NOT_CONCERNED} ${permit.permitNumber} is from LK to JP; this authority is in CH.`);
    expect(await ch.saiga.store.reads.incomingPermits.get(permit.id)).toBeUndefined();
  });

  it('refuses a permit whose signature does not verify', async () => {
    const permit = await issueAtLk(readExample('export-lk-orchids.json'));
    const [header, payload, signature] = permit.jwt.split('.');
    const forged = `${header}.${payload}.${signature!.startsWith('A') ? 'B' : 'A'}${signature!.slice(1)}`;
    const outcome = await ch.receive('permitIssued', lk.did, { permit: forged });
    expect(refusal(outcome)).toEqual(['EXCHANGE_PERMIT_INVALID', false, '/permit']);
    expect(!outcome.ok && outcome.message.startsWith(`${EXCHANGE_CODES.EXCHANGE_PERMIT_INVALID} SIGNATURE_INVALID: `)).toBe(true);
    expect(await ch.saiga.store.reads.incomingPermits.get(permit.id)).toBeUndefined();
  });

  it('refuses a body that breaks its schema before anything is verified', async () => {
    expect(refusal(await ch.receive('permitIssued', lk.did, { permit: 'not a JWT' }))).toEqual(['EXCHANGE_BODY_INVALID', false, '/permit']);
  });

  it('keeps a re-export from LK to JP of specimens that originated in CH (box 12), as the country of origin', async () => {
    const request = readExample('re-export-ch-watch-straps.json');
    request.exporter = { name: 'Ceylon Leather Works', address: '12 Galle Road, Colombo 3', country: 'LK' };
    (request.specimens as { origin: Record<string, unknown> }[])[1]!.origin = { country: 'CH', permitNumber: 'CH26-E000321', date: '2026-01-19' };
    const permit = await issueAtLk(request);
    expect(await ch.receive('permitIssued', lk.did, { permit: permit.jwt })).toEqual({ ok: true });
    expect(await ch.saiga.store.reads.incomingPermits.get(permit.id)).toMatchObject({ relation: 'origin', documentType: 're-export', exporterCountry: 'LK', importerCountry: 'JP' });
    // Not an import into CH: the importing side does not list it.
    expect((await ch.saiga.capabilities.imports.list()).map((p) => p.credentialId)).not.toContain(permit.id);
  });

  it('refuses an export sent as an import permit', async () => {
    const permit = await issueAtLk(readExample('export-lk-orchids.json'));
    expect(refusal(await ch.receive('importPermit', lk.did, { permit: permit.jwt }))).toEqual(['EXCHANGE_DOCUMENT_TYPE_MISMATCH', false, undefined]);
  });
});

describe('import-permit', () => {
  it('keeps an LK import permit for an export from CH (Art. III(3)), and refuses it as permit-issued', async () => {
    const request = readExample('import-ch-elephant-samples.json');
    const [importer, exporter] = [request.exporter as Record<string, unknown>, request.importer as Record<string, unknown>];
    Object.assign(request, { importer: { ...importer, country: 'LK' }, exporter: { ...exporter, country: 'CH' } });
    const permit = await issueAtLk(request);
    expect(refusal(await ch.receive('permitIssued', lk.did, { permit: permit.jwt }))).toEqual(['EXCHANGE_DOCUMENT_TYPE_MISMATCH', false, undefined]);
    expect(await ch.receive('importPermit', lk.did, { permit: permit.jwt })).toEqual({ ok: true });
    expect(await ch.saiga.store.reads.incomingPermits.get(permit.id)).toMatchObject({ relation: 'import-permit', documentType: 'import', exporterCountry: 'CH', importerCountry: 'LK' });
  });
});

const change = (permit: { permitNumber: string; id: string }, status: StatusChangedBody['status'], reason: string): StatusChangedBody => ({
  permitNumber: permit.permitNumber,
  credentialId: permit.id,
  status,
  reason,
  changedAt: new Date().toISOString(),
});

describe('status-changed', () => {
  it('is a retryable refusal for a permit not received yet, and nothing is stored', async () => {
    const permit = await issueAtLk(readExample('export-lk-orchids.json'));
    const outcome = await ch.receive('statusChanged', lk.did, change(permit, 'revoked', 'stolen'));
    expect(refusal(outcome)).toEqual(['EXCHANGE_PERMIT_NOT_RECEIVED', true, '/credentialId']);
    expect(await ch.saiga.store.reads.incomingPermits.get(permit.id)).toBeUndefined();
  });

  it('follows suspension, reinstatement and revocation, and refuses anything after a revocation', async () => {
    const permit = await issueAtLk(readExample('export-lk-orchids.json'));
    expect(await ch.receive('permitIssued', lk.did, { permit: permit.jwt })).toEqual({ ok: true });
    const stateOf = async () => {
      const row = (await ch.saiga.store.reads.incomingPermits.get(permit.id))!;
      return [row.status, row.statusReason, row.state];
    };
    expect(await ch.receive('statusChanged', lk.did, change(permit, 'suspended', 'under investigation'))).toEqual({ ok: true });
    expect(await stateOf()).toEqual(['suspended', 'under investigation', 'suspended']);
    expect(await ch.receive('statusChanged', lk.did, change(permit, 'reinstated', ''))).toEqual({ ok: true });
    expect(await stateOf()).toEqual(['valid', undefined, 'expected']);
    expect(await ch.receive('statusChanged', lk.did, { ...change(permit, 'revoked', 'replaced'), replacedBy: 'LK26-E999999' })).toEqual({ ok: true });
    expect(await stateOf()).toEqual(['revoked', 'replaced', 'revoked']);
    expect((await ch.saiga.store.reads.incomingPermits.get(permit.id))!.replacedBy).toBe('LK26-E999999');
    expect(refusal(await ch.receive('statusChanged', lk.did, change(permit, 'reinstated', '')))).toEqual(['EXCHANGE_STATUS_REFUSED', false, '/status']);
    expect(await stateOf()).toEqual(['revoked', 'replaced', 'revoked']);
  });

  it('refuses a change sent by another authority, or naming another permit number', async () => {
    const permit = await issueAtLk(readExample('export-lk-orchids.json'));
    expect(await ch.receive('permitIssued', lk.did, { permit: permit.jwt })).toEqual({ ok: true });
    expect(refusal(await ch.receive('statusChanged', ch.deps.authority.did, change(permit, 'revoked', 'stolen')))).toEqual(['EXCHANGE_SENDER_NOT_ISSUER', false, undefined]);
    expect(refusal(await ch.receive('statusChanged', lk.did, { ...change(permit, 'revoked', 'stolen'), permitNumber: 'LK26-E999998' }))).toEqual([
      'EXCHANGE_PERMIT_MISMATCH',
      false,
      '/permitNumber',
    ]);
    expect((await ch.saiga.store.reads.incomingPermits.get(permit.id))!.status).toBe('valid');
  });
});

describe('export-endorsed', () => {
  async function endorseAtLk(permitNumber: string): Promise<string> {
    const endorsed = await lk.api(`/api/permits/${permitNumber}/endorsements`, {
      token: customsToken,
      body: { blocks: [{ block: 'A', quantity: 1150 }], portOfExport: 'LKCMB', date: new Date().toISOString().slice(0, 10), transportDocument: '176-55550001' },
    });
    expect(endorsed.status, JSON.stringify(endorsed.body)).toBe(201);
    return endorsed.body.jwt;
  }

  it('keeps the endorsement of a permit held, signed by LK customs', async () => {
    const permit = await issueAtLk(readExample('export-lk-orchids.json'));
    expect(await ch.receive('permitIssued', lk.did, { permit: permit.jwt })).toEqual({ ok: true });
    const jwt = await endorseAtLk(permit.permitNumber);
    expect(await ch.receive('exportEndorsed', lk.did, { endorsement: jwt })).toEqual({ ok: true });
    const row = (await ch.saiga.store.reads.incomingPermits.get(permit.id))!;
    expect([row.endorsementJwt, row.state]).toEqual([jwt, 'expected']);
    expect(row.endorsedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('is a retryable refusal for a permit not received yet', async () => {
    const permit = await issueAtLk(readExample('export-lk-orchids.json'));
    const jwt = await endorseAtLk(permit.permitNumber);
    expect(refusal(await ch.receive('exportEndorsed', lk.did, { endorsement: jwt }))).toEqual(['EXCHANGE_PERMIT_NOT_RECEIVED', true, '/endorsement']);
  });

  it('refuses an endorsement not signed by customs trusted for the sender\'s country, and a tampered one', async () => {
    const permit = await issueAtLk(readExample('export-lk-orchids.json'));
    expect(await ch.receive('permitIssued', lk.did, { permit: permit.jwt })).toEqual({ ok: true });
    const jwt = await endorseAtLk(permit.permitNumber);
    // Sent by CH's own authority (trusted, but for CH): LK customs is not customs of CH.
    const wrongCountry = await ch.receive('exportEndorsed', ch.deps.authority.did, { endorsement: jwt });
    expect(refusal(wrongCountry)).toEqual(['EXCHANGE_ENDORSEMENT_INVALID', false, '/endorsement']);
    expect(!wrongCountry.ok && wrongCountry.message.endsWith('is not a customs authority trusted for CH.')).toBe(true);
    const [header, payload, signature] = jwt.split('.');
    const tampered = `${header}.${payload}.${signature!.startsWith('A') ? 'B' : 'A'}${signature!.slice(1)}`;
    const forged = await ch.receive('exportEndorsed', lk.did, { endorsement: tampered });
    expect(refusal(forged)).toEqual(['EXCHANGE_ENDORSEMENT_INVALID', false, '/endorsement']);
    expect(!forged.ok && forged.message.includes('SIGNATURE_INVALID')).toBe(true);
    expect((await ch.saiga.store.reads.incomingPermits.get(permit.id))!.endorsementJwt).toBeUndefined();
  });
});

describe("CH's verifier and LK's notices", () => {
  it('shows a revocation LK notified even when LK cannot be reached; an unnotified permit stays unchecked', async () => {
    const [revoked, other] = [await issueAtLk(readExample('export-lk-orchids.json')), await issueAtLk(readExample('export-lk-orchids.json'))];
    for (const permit of [revoked, other]) expect(await ch.receive('permitIssued', lk.did, { permit: permit.jwt })).toEqual({ ok: true });
    expect((await lk.api(`/api/permits/${revoked.permitNumber}/revoke`, { token: lk.officerToken, body: { reason: 'stolen' } })).status).toBe(200);
    const notice = change(revoked, 'revoked', 'stolen');
    expect(await ch.receive('statusChanged', lk.did, notice)).toEqual({ ok: true });
    await lk.stop();

    const verdict = await ch.saiga.verifier.verify(revoked.jwt);
    const status = verdict.checks.find((c) => c.check === 'status')!;
    expect([verdict.verified, verdict.state, status.code]).toEqual([false, 'revoked', 'REVOKED']);
    expect(status.message).toBe(`${VERIFY_CODES.REVOKED} Revoked (notified by the issuing authority at ${notice.changedAt}). Reason: stolen.`);
    expect(verdict.status).toEqual({ revoked: true, suspended: false, checkedAt: notice.changedAt, notifiedAt: notice.changedAt, reason: 'stolen' });

    const unnotified = await ch.saiga.verifier.verify(other.jwt);
    expect([unnotified.state, unnotified.checks.find((c) => c.check === 'status')!.code]).toEqual(['unknown', 'STATUS_UNAVAILABLE']);
  });
});
