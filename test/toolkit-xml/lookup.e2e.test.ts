/**
 * Issue 10 §2 end to end, with Management Authorities as separate `saiga serve` processes on
 * loopback ports, each with its own SQLite file, resolving each other's did:web:
 * - LK issues and endorses a permit; `GET /api/permits/:number/xml` and `saiga permit xml` give
 *   its toolkit XML, boxes 14–15 included (officer, admin; customs refused);
 * - CH (trusted by LK, the importer) asks LK for it with `saiga exchange lookup`, signed by CH's
 *   DID; NO (trusted, not a party) and JP (not trusted) are refused with their codes, and so are a
 *   request without a DIDJWT and an unknown number; a DIDJWT used twice is refused, after a restart too;
 * - `saiga permit import-xml` reads what CH received back into a permit request.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAgent } from '../../src/agent/wiring/open.js';
import { type AuthorityProcess, createToken, initAuthority, readExample, runCli, serveAuthority, setPeers } from '../helpers/agent-process.js';

let lk: AuthorityProcess;
let ch: AuthorityProcess;
let no: AuthorityProcess;
let jpConfig: string;
let permitNumber: string;
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  const [lkInit, chInit, noInit, jpInit] = await Promise.all([
    initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' }),
    initAuthority({ country: 'CH', name: 'Federal Food Safety and Veterinary Office', place: 'Bern' }),
    initAuthority({ country: 'NO', name: 'Norwegian Environment Agency', place: 'Trondheim' }),
    initAuthority({ country: 'JP', name: 'Ministry of Economy, Trade and Industry', place: 'Tokyo' }),
  ]);
  jpConfig = jpInit.config;
  setPeers(lkInit.config, [{ did: chInit.did, country: 'CH', name: 'FSVO' }, { did: noInit.did, country: 'NO', name: 'Norwegian Environment Agency' }]);
  setPeers(chInit.config, [{ did: lkInit.did, country: 'LK', name: 'Department of Wildlife Conservation' }]);
  setPeers(noInit.config, [{ did: lkInit.did, country: 'LK', name: 'Department of Wildlife Conservation' }]);
  [lk, ch, no] = await Promise.all([serveAuthority(lkInit), serveAuthority(chInit), serveAuthority(noInit)]);
  const issued = await lk.api('/api/permits', { token: lk.officerToken, body: readExample('export-lk-orchids.json') });
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  permitNumber = issued.body.permitNumber;
  const customs = await createToken(lk.config, 'customs', 'Kamal Perera');
  const endorsed = await lk.api(`/api/permits/${permitNumber}/endorsements`, { token: customs, body: { blocks: [{ block: 'A', quantity: 1150 }], portOfExport: 'LKCMB', date: today, transportDocument: '176-12345675' } });
  expect(endorsed.status, JSON.stringify(endorsed.body)).toBe(201);
}, 180_000);

afterAll(async () => {
  await Promise.all([lk?.stop(), ch?.stop(), no?.stop()]);
});

const lookupBy = (config: string, peer: string, number: string, extra: string[] = []) => runCli(['exchange', 'lookup', '--config', config, '--peer', peer, number, '--json', ...extra]);

describe('the toolkit XML of a permit issued here', () => {
  it('GET /api/permits/:number/xml answers application/xml with boxes 1–15, the endorsement included; customs is refused', async () => {
    const response = await fetch(`${lk.url}/api/permits/${permitNumber}/xml`, { headers: { authorization: `Bearer ${lk.officerToken}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const xml = await response.text();
    expect(xml).toContain('<rsm:CITESEPermit xmlns:rsm="urn:un:unece:uncefact:data:standard:CITESEPermit:2"');
    expect(xml).toContain(`<ram:ID>${permitNumber}</ram:ID>`);
    expect(xml).toContain('<ram:UnitQuantity unitCode="NAR">1150</ram:UnitQuantity>');
    expect(xml).toContain('<ram:ID>LKCMB</ram:ID>');
    expect(xml).toContain('<ram:ID>176-12345675</ram:ID>');
    const customs = await createToken(lk.config, 'customs', 'Nimal Silva');
    expect((await lk.api(`/api/permits/${permitNumber}/xml`, { token: customs })).status).toBe(403);
    expect((await lk.api(`/api/permits/LK26-E999999/xml`, { token: lk.officerToken })).body.error.code).toBe('NOT_FOUND');
    expect((await lk.api(`/api/permits/${permitNumber}/xml?version=3`, { token: lk.officerToken })).body.error).toMatchObject({ code: 'BAD_REQUEST', path: '/version' });
    const v1 = await lk.api(`/api/permits/${permitNumber}/xml?version=1`, { token: lk.officerToken });
    expect(v1.body).toContain('<rsm:CBFShip xmlns:rsm="urn:un:unece:uncefact:data:draft:CBFShip:1"');
  });

  it('saiga permit xml writes the same document', async () => {
    const file = join(lk.dir, 'permit.xml');
    const written = await runCli(['permit', 'xml', permitNumber, '--config', lk.config, '--out', file, '--json']);
    expect(written.code, written.stderr).toBe(0);
    const route = await (await fetch(`${lk.url}/api/permits/${permitNumber}/xml`, { headers: { authorization: `Bearer ${lk.officerToken}` } })).text();
    expect(readFileSync(file, 'utf8')).toBe(route);
    expect((await runCli(['permit', 'xml', 'LK26-E999999', '--config', lk.config])).code).toBe(1);
  });
});

describe('the EPIX-style lookup between authorities', () => {
  it("gives CH, the importer's trusted authority, the permit signed by CH's DID; CH reads it back into a request", async () => {
    const file = join(ch.dir, 'received.xml');
    const looked = await lookupBy(ch.config, lk.did, permitNumber, ['--out', file]);
    expect(looked.code, looked.stdout + looked.stderr).toBe(0);
    const body = JSON.parse(looked.stdout);
    expect([body.version, body.original.permitNumber, body.findings]).toEqual([2, permitNumber, []]);
    expect(body.original.examination).toMatchObject({ port: 'LKCMB', transportDocument: '176-12345675', blocks: [{ block: 'A', quantity: 1150, unit: 'NAR' }] });
    const { validUntil, ...request } = body.request;
    expect(request).toEqual(readExample('export-lk-orchids.json'));
    expect(validUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // At LK the request could be issued again as it is; at CH the exporter is not domestic.
    const atLk = await runCli(['permit', 'import-xml', file, '--config', lk.config, '--json']);
    expect(atLk.code, atLk.stdout).toBe(0);
    expect(JSON.parse(atLk.stdout)).toMatchObject({ ok: true, version: 2, findings: [], validation: { ok: true } });
    const atCh = await runCli(['permit', 'import-xml', file, '--config', ch.config, '--json', '--out', join(ch.dir, 'request.json')]);
    expect(atCh.code).toBe(1);
    expect(JSON.parse(atCh.stdout).validation.errors.map((e: { code: string; path: string }) => [e.code, e.path])).toContainEqual(['EXPORTER_NOT_DOMESTIC', '/exporter/country']);
    expect(JSON.parse(readFileSync(join(ch.dir, 'request.json'), 'utf8'))).toEqual(body.request);
  });

  it('refuses NO, trusted but not a party to the permit; JP, not trusted; an unknown number; and a request without a DIDJWT', async () => {
    const notParty = await lookupBy(no.config, lk.did, permitNumber);
    expect([notParty.code, JSON.parse(notParty.stdout).error.code, JSON.parse(notParty.stdout).error.status]).toEqual([1, 'XML_LOOKUP_NOT_PARTY', 403]);
    const untrusted = await lookupBy(jpConfig, lk.did, permitNumber);
    expect([untrusted.code, JSON.parse(untrusted.stdout).error.code, JSON.parse(untrusted.stdout).error.status]).toEqual([1, 'XML_LOOKUP_CALLER_UNTRUSTED', 403]);
    const unknown = await lookupBy(ch.config, lk.did, 'LK26-E999999');
    expect(JSON.parse(unknown.stdout).error.code).toBe('XML_LOOKUP_NOT_FOUND');
    const anonymous = await fetch(`${lk.url}/api/exchange/toolkit/permits/${permitNumber}`);
    expect([anonymous.status, anonymous.headers.get('www-authenticate'), ((await anonymous.json()) as { error: { code: string } }).error.code]).toEqual([401, 'DIDJWT', 'XML_LOOKUP_UNAUTHENTICATED']);
  });

  it('refuses a DIDJWT used a second time, also after LK restarts (the tokens used are in its database, migration 14)', async () => {
    // CH's own signer, as `saiga exchange lookup` uses it, so the test holds the token it sends.
    const opened = await openAgent({ configPath: ch.config, kind: 'sign', env: {} });
    try {
      const iat = Math.floor(Date.now() / 1000);
      const token = await opened.capabilities.signAs('authority').signJws({ iss: ch.did, aud: lk.did, iat, exp: iat + 240, jti: randomUUID(), permit: permitNumber });
      const ask = async () => {
        const response = await fetch(`${lk.url}/api/exchange/toolkit/permits/${permitNumber}`, { headers: { authorization: `DIDJWT ${token}` } });
        const text = await response.text();
        return [response.status, response.ok ? response.headers.get('content-type') : (JSON.parse(text) as { error: { code: string } }).error.code];
      };
      expect(await ask()).toEqual([200, 'application/xml; charset=utf-8']);
      expect(await ask()).toEqual([401, 'XML_LOOKUP_REPLAY']);
      await lk.stop();
      lk = await serveAuthority({ dir: lk.dir, config: lk.config, url: lk.url });
      expect(await ask()).toEqual([401, 'XML_LOOKUP_REPLAY']);
    } finally {
      await opened.close();
    }
  });
});
