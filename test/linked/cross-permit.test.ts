/**
 * Cross-permit checks at issuance with real agents (issue 9 §4, §7): CH, NO and LK each a
 * `saiga serve` process with its own SQLite file, resolving each other's did:web over
 * loopback. CH (or NO) issues the import permit; LK holds it as the exchange will deliver it
 * (test/linked/hold.ts) and issues the Appendix I export that relies on it (Art. III(2)(d)).
 * Each defect is refused with its own code and uses no number; a genuine one issues, its
 * record links the import permit, and CH's verifier checks the link (`linkedPermits`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULE_CODES } from '../../src/codes.js';
import { type AuthorityProcess, editConfig, initAuthority, readExample, serveAuthority, setPeers } from '../helpers/agent-process.js';
import { holdPermit } from './hold.js';

let lk: AuthorityProcess;
let ch: AuthorityProcess;
let no: AuthorityProcess;

beforeAll(async () => {
  const [lkInit, chInit, noInit] = await Promise.all([
    initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' }),
    initAuthority({ country: 'CH', name: 'Federal Food Safety and Veterinary Office', place: 'Bern' }),
    initAuthority({ country: 'NO', name: 'Norwegian Environment Agency', place: 'Trondheim' }),
  ]);
  const ma = (init: { did: string }, country: string, name: string) => ({ did: init.did, country, name });
  setPeers(lkInit.config, [ma(chInit, 'CH', 'Federal Food Safety and Veterinary Office'), ma(noInit, 'NO', 'Norwegian Environment Agency')]);
  setPeers(chInit.config, [ma(lkInit, 'LK', 'Department of Wildlife Conservation')]);
  setPeers(noInit.config, [ma(lkInit, 'LK', 'Department of Wildlife Conservation')]);
  // Both read peers' status lists fresh: a revocation at CH shows at once.
  for (const init of [lkInit, chInit]) editConfig(init.config, (saiga) => (saiga.verify = { ...saiga.verify, statusCacheSeconds: 0 }));
  [lk, ch, no] = await Promise.all([serveAuthority(lkInit), serveAuthority(chInit), serveAuthority(noInit)]);
});

afterAll(async () => {
  await Promise.all([lk?.stop(), ch?.stop(), no?.stop()]);
});

async function issueAt(authority: AuthorityProcess, request: unknown): Promise<{ permitNumber: string; jwt: string; id: string }> {
  const issued = await authority.api('/api/permits', { token: authority.officerToken, body: request });
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  return issued.body;
}

/** A CH import permit for the elephant samples, held by LK unless told otherwise. */
async function importPermit(hold = true, at = ch, edit?: (r: Record<string, any>) => void): Promise<{ permitNumber: string; jwt: string; id: string }> {
  const request = readExample('import-ch-elephant-samples.json') as Record<string, any>;
  edit?.(request);
  const permit = await issueAt(at, request);
  if (hold) await holdPermit(lk.dir, permit.jwt, 'import-permit');
  return permit;
}

function exportRelyingOn(permit: { permitNumber: string }, issuer = ch.did, country = 'CH'): Record<string, any> {
  const request = readExample('export-lk-elephant-samples.json') as Record<string, any>;
  request.importPermit = { permitNumber: permit.permitNumber, issuer, country };
  return request;
}

async function refusal(request: unknown): Promise<[string, string][]> {
  const refused = await lk.api('/api/permits', { token: lk.officerToken, body: request });
  expect(refused.status, JSON.stringify(refused.body)).toBe(422);
  return refused.body.error.errors.map((e: { code: string; path: string }) => [e.code, e.path]);
}

const sequenceOf = (permitNumber: string) => Number(permitNumber.slice(-6));
const linkedCheck = (verdict: { checks: { check: string; ok: boolean; code: string }[] }) => verdict.checks.find((c) => c.check === 'linkedPermits');

describe('an Appendix I export and the import permit it relies on (Art. III(2)(d))', () => {
  let genuine: { permitNumber: string; jwt: string };
  let held: { permitNumber: string; jwt: string };

  it('issues against a genuine import permit it holds; the record links it and CH verifies the link', async () => {
    held = await importPermit();
    genuine = await issueAt(lk, exportRelyingOn(held));
    const recordUrl = JSON.parse(Buffer.from(genuine.jwt.split('.')[1]!, 'base64url').toString()).vc.permitRecord as string;
    const record = await (await fetch(recordUrl)).json();
    expect(record.linkedPermits).toEqual([held.jwt]);
    for (const verifier of [ch, lk]) {
      const verdict = (await verifier.api('/api/verify', { body: { credential: genuine.jwt } })).body;
      expect(verdict.verified, JSON.stringify(verdict.checks)).toBe(true);
      expect(linkedCheck(verdict)).toMatchObject({ ok: true, code: 'OK' });
      expect(verdict.linkedPermits).toMatchObject([{ permitNumber: held.permitNumber, issuer: ch.did, state: 'valid' }]);
    }
  });

  it.each([
    ['another species', (r: Record<string, any>) => (r.specimens[0].scientificName = 'Loxodonta africana'), [['IMPORT_PERMIT_SPECIES_MISMATCH', '/specimens/0/scientificName']]],
    ['a higher quantity (41 ml for 40)', (r: Record<string, any>) => (r.specimens[0].quantity = 41), [['IMPORT_PERMIT_QUANTITY_EXCEEDED', '/specimens/0/quantity']]],
    ['another unit', (r: Record<string, any>) => (r.specimens[0].unit = 'KGM'), [['IMPORT_PERMIT_UNIT_MISMATCH', '/specimens/0/unit']]],
    ['another importer', (r: Record<string, any>) => (r.importer.name = 'Zoo Basel'), [['IMPORT_PERMIT_IMPORTER_MISMATCH', '/importer/name']]],
  ])('refuses an export with %s than the import permit, and uses no number', async (_name, edit, expected) => {
    const request = exportRelyingOn(held);
    edit(request);
    expect(await refusal(request)).toEqual(expected);
  });

  it('refuses an export whose import permit it does not hold, and says what to do', async () => {
    const notSent = await importPermit(false);
    const refused = await lk.api('/api/permits', { token: lk.officerToken, body: exportRelyingOn(notSent) });
    expect(refused.body.error.errors).toEqual([
      { code: 'IMPORT_PERMIT_NOT_HELD', path: '/importPermit/permitNumber', message: `${RULE_CODES.IMPORT_PERMIT_NOT_HELD} (import permit ${notSent.permitNumber} of ${ch.did})` },
    ]);
  });

  it('refuses an import permit from the wrong country (a NO import permit for a CH importer)', async () => {
    const norwegian = await importPermit(true, no, (r) => (r.importer = { name: 'Naturhistorisk museum', address: 'Sars gate 1, 0562 Oslo', country: 'NO' }));
    expect(await refusal(exportRelyingOn(norwegian, no.did, 'NO'))).toEqual([
      ['IMPORT_PERMIT_WRONG_COUNTRY', '/importPermit/country'],
      ['IMPORT_PERMIT_WRONG_COUNTRY', '/importPermit/issuer'],
    ]);
  });

  it('refuses an import permit CH has revoked (its status list says so)', async () => {
    const revoked = await importPermit();
    expect((await ch.api(`/api/permits/${revoked.permitNumber}/revoke`, { token: ch.officerToken, body: { reason: 'cancelled' } })).status).toBe(200);
    expect(await refusal(exportRelyingOn(revoked))).toEqual([['IMPORT_PERMIT_REVOKED', '/importPermit']]);
  });

  it('refuses an import permit whose revocation CH notified through the exchange, whatever its status list says', async () => {
    const permit = await importPermit(false);
    await holdPermit(lk.dir, permit.jwt, 'import-permit', { status: 'revoked' });
    const errors = (await lk.api('/api/permits', { token: lk.officerToken, body: exportRelyingOn(permit) })).body.error.errors;
    expect(errors.map((e: { code: string }) => e.code)).toEqual(['IMPORT_PERMIT_REVOKED']);
    expect(errors[0].message).toContain('notified by the issuing authority');
  });

  it('refuses a held document that is not an import permit (a CH re-export certificate)', async () => {
    const reExport = await issueAt(ch, readExample('re-export-ch-watch-straps.json'));
    await holdPermit(lk.dir, reExport.jwt, 'import-permit');
    const errors = await refusal(exportRelyingOn(reExport));
    expect(errors[0]).toEqual(['IMPORT_PERMIT_NOT_IMPORT', '/importPermit']);
  });

  it('used no number for any refusal: the next genuine export takes the next one', async () => {
    const next = await issueAt(lk, exportRelyingOn(held));
    expect(sequenceOf(next.permitNumber)).toBe(sequenceOf(genuine.permitNumber) + 1);
  });

  it('once CH revokes the import permit, every verifier says the export relies on a cancelled one', async () => {
    expect((await ch.api(`/api/permits/${held.permitNumber}/revoke`, { token: ch.officerToken, body: { reason: 'cancelled' } })).status).toBe(200);
    const verdict = (await ch.api('/api/verify', { body: { credential: genuine.jwt } })).body;
    expect(verdict.verified).toBe(false);
    expect(verdict.checks.filter((c: { ok: boolean }) => !c.ok).map((c: { code: string }) => c.code)).toEqual(['LINKED_PERMIT_REVOKED']);
    expect(verdict.linkedPermits).toMatchObject([{ permitNumber: held.permitNumber, state: 'revoked' }]);
  });
});
