/**
 * Three Management Authorities, each its own process on its own loopback port with its
 * own SQLite file, resolving each other's did:web over HTTP. Every example permit is
 * issued at the authority of its country and verified where it is trusted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthorityProcess, createToken, editConfig, initAuthority, readExample, runCli, serveAuthority, setPeers } from '../helpers/agent-process.js';
import { holdPermit } from '../linked/hold.js';

let lk: AuthorityProcess;
let ch: AuthorityProcess;
let no: AuthorityProcess;
const didOf = (url: string) => `did:web:${new URL(url).host.replace(':', '%3A')}`;

beforeAll(async () => {
  const [lkInit, chInit, noInit] = await Promise.all([
    initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' }),
    initAuthority({ country: 'CH', name: 'Federal Food Safety and Veterinary Office', place: 'Bern' }),
    initAuthority({ country: 'NO', name: 'Norwegian Environment Agency', place: 'Trondheim' }),
  ]);
  const peer = (init: { url: string }, country: string, name: string) => ({ did: didOf(init.url), country, name });
  const customsOf = (init: { customsDid: string }, country: string) => ({ did: init.customsDid, country, name: `Customs ${country}`, role: 'customs' as const });
  // LK trusts CH and its customs; CH trusts LK (and its customs) and NO; NO trusts LK's
  // Management Authority but not LK's customs.
  setPeers(lkInit.config, [peer(chInit, 'CH', 'Federal Food Safety and Veterinary Office'), customsOf(chInit, 'CH')]);
  setPeers(chInit.config, [peer(lkInit, 'LK', 'Department of Wildlife Conservation'), customsOf(lkInit, 'LK'), peer(noInit, 'NO', 'Norwegian Environment Agency')]);
  setPeers(noInit.config, [peer(lkInit, 'LK', 'Department of Wildlife Conservation')]);
  // CH re-reads peers' status lists every time, so a revocation elsewhere shows at once.
  editConfig(chInit.config, (saiga) => {
    saiga.verify.statusCacheSeconds = 0;
  });
  [lk, ch, no] = await Promise.all([serveAuthority(lkInit), serveAuthority(chInit), serveAuthority(noInit)]);
});

afterAll(async () => {
  await Promise.all([lk?.stop(), ch?.stop(), no?.stop()]);
});

async function issueAt(authority: AuthorityProcess, request: unknown): Promise<{ permitNumber: string; jwt: string }> {
  const issued = await authority.api('/api/permits', { token: authority.officerToken, body: request });
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  return issued.body;
}

async function verdictAt(authority: AuthorityProcess, jwt: string): Promise<{ verified: boolean; codes: string[] }> {
  const response = await authority.api('/api/verify', { body: { credential: jwt } });
  return { verified: response.body.verified, codes: response.body.checks.map((c: { code: string }) => c.code) };
}

const VALID = { verified: true, codes: ['OK', 'OK', 'OK', 'OK', 'OK', 'OK', 'OK', 'OK', 'OK'] };
const UNTRUSTED = { verified: false, codes: ['OK', 'OK', 'ISSUER_UNTRUSTED'] };

describe('authorities verifying each other over did:web', () => {
  it('serves each DID under its own loopback port', () => {
    expect(lk.did).toBe(didOf(lk.url));
    expect(ch.did).toBe(didOf(ch.url));
    expect(new Set([lk.did, ch.did, no.did]).size).toBe(3);
  });

  it('Appendix I elephant samples: CH import permit first, then the LK export that relies on it (Art. III(2)(d))', async () => {
    const importPermit = await issueAt(ch, readExample('import-ch-elephant-samples.json'));
    expect(await verdictAt(ch, importPermit.jwt)).toEqual(VALID);
    expect(await verdictAt(lk, importPermit.jwt)).toEqual(VALID);

    // LK holds the import permit, as the exchange delivers it (Art. III(3)); the export's record links it.
    await holdPermit(lk.dir, importPermit.jwt, 'import-permit');
    const exportRequest = readExample('export-lk-elephant-samples.json');
    exportRequest.importPermit = { permitNumber: importPermit.permitNumber, issuer: ch.did };
    const exportPermit = await issueAt(lk, exportRequest);
    // Its tenth check, linkedPermits, verifies that import permit (src/verify/linked-permits.ts).
    const LINKED = { verified: true, codes: [...VALID.codes, 'OK'] };
    expect(await verdictAt(lk, exportPermit.jwt)).toEqual(LINKED);
    expect(await verdictAt(ch, exportPermit.jwt)).toEqual(LINKED);
  });

  it('orchids from LK verify in CH', async () => {
    const permit = await issueAt(lk, readExample('export-lk-orchids.json'));
    expect(await verdictAt(ch, permit.jwt)).toEqual(VALID);
  });

  it('watch straps re-exported from CH verify in LK', async () => {
    const permit = await issueAt(ch, readExample('re-export-ch-watch-straps.json'));
    expect(await verdictAt(lk, permit.jwt)).toEqual(VALID);
  });

  it('NO documents verify where NO is trusted (CH) and are untrusted where it is not (LK)', async () => {
    for (const name of ['export-no-captive-bred-parrots.json', 'pre-convention-no-guitar.json']) {
      const permit = await issueAt(no, readExample(name));
      expect(await verdictAt(no, permit.jwt)).toEqual(VALID);
      expect(await verdictAt(ch, permit.jwt)).toEqual(VALID);
      expect(await verdictAt(lk, permit.jwt)).toEqual(UNTRUSTED);
    }
  });

  it('an export endorsed by LK customs shows as used, with quantities, where LK customs is trusted; elsewhere the endorsement is not accepted', async () => {
    const permit = await issueAt(lk, readExample('export-lk-orchids.json'));
    const customsToken = await createToken(lk.config, 'customs', 'Kamal Perera');
    const endorsed = await lk.api(`/api/permits/${permit.permitNumber}/endorsements`, {
      token: customsToken,
      body: { blocks: [{ block: 'A', quantity: 1150 }], portOfExport: 'LKCMB', date: new Date().toISOString().slice(0, 10), transportDocument: '176-55550001' },
    });
    expect(endorsed.status).toBe(201);
    const inCh = (await ch.api('/api/verify', { body: { credential: permit.jwt } })).body;
    expect([inCh.verified, inCh.state]).toEqual([true, 'used']);
    expect(inCh.blocks).toEqual([{ block: 'A', scientificName: 'Phalaenopsis amabilis', permitted: { quantity: 1200, unit: 'NAR' }, exported: { quantity: 1150, unit: 'NAR' } }]);
    const inNo = (await no.api('/api/verify', { body: { credential: permit.jwt } })).body;
    expect(inNo.verified).toBe(false);
    expect(inNo.checks.filter((c: { ok: boolean }) => !c.ok).map((c: { code: string }) => c.code)).toEqual(['ENDORSEMENT_INVALID']);
  });

  it('a revocation in LK is seen in CH', async () => {
    const permit = await issueAt(lk, readExample('export-lk-orchids.json'));
    expect(await verdictAt(ch, permit.jwt)).toEqual(VALID);
    expect((await lk.api(`/api/permits/${permit.permitNumber}/revoke`, { token: lk.officerToken, body: { reason: 'stolen' } })).status).toBe(200);
    const inCh = (await ch.api('/api/verify', { body: { credential: permit.jwt } })).body;
    expect([inCh.verified, inCh.state, inCh.status.reason]).toEqual([false, 'revoked', 'stolen']);
  });

  it('an authority refuses to issue for an exporter abroad', async () => {
    const refused = await lk.api('/api/permits', { token: lk.officerToken, body: readExample('export-no-captive-bred-parrots.json') });
    expect(refused.status).toBe(422);
    expect(refused.body.error.errors.map((e: { code: string; path: string }) => [e.code, e.path])).toEqual([
      ['EXPORTER_NOT_DOMESTIC', '/exporter/country'],
    ]);
  });
});
