/**
 * Import confirmation end to end, two authorities as separate processes (issue 9): LK issues
 * an export of orchids to CH and LK customs endorse it; the permit and the endorsement reach CH
 * through the exchange; CH customs confirm the import (CLI and API, with their refusals); the
 * confirmation reaches LK through the exchange, and LK's importConfirmed handler, opened
 * in-process on LK's own database and verifier, refuses the wrong senders and a second one;
 * LK's public record, `saiga permit status` and both verifiers then say "imported", with
 * permitted, exported and imported per block.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAgent } from '../../src/agent/wiring/open.js';
import { importConfirmedHandler } from '../../src/exchange/handlers/import-confirmed.js';
import { SqliteDatabase } from '../../src/store/sqlite.js';
import { type AuthorityProcess, createToken, initAuthority, readExample, runCli, serveAuthority, setPeers, untilDelivered } from '../helpers/agent-process.js';

let lk: AuthorityProcess;
let ch: AuthorityProcess;
let chCustomsDid: string;
let permit: { permitNumber: string; jwt: string; credentialId: string };
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  const [lkInit, chInit] = await Promise.all([
    initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' }),
    initAuthority({ country: 'CH', name: 'Federal Food Safety and Veterinary Office', place: 'Bern' }),
  ]);
  chCustomsDid = chInit.customsDid;
  // Each trusts the other's Management Authority and customs.
  setPeers(lkInit.config, [{ did: chInit.did, country: 'CH', name: 'Federal Food Safety and Veterinary Office' }, { did: chInit.customsDid, country: 'CH', name: 'Swiss customs', role: 'customs' }]);
  setPeers(chInit.config, [{ did: lkInit.did, country: 'LK', name: 'Department of Wildlife Conservation' }, { did: lkInit.customsDid, country: 'LK', name: 'Sri Lanka Customs', role: 'customs' }]);
  [lk, ch] = await Promise.all([serveAuthority(lkInit), serveAuthority(chInit)]);

  // LK issues the orchids (block A, 1200 plants, to a Swiss importer) and its customs endorse 1150 for export.
  const issued = await lk.api('/api/permits', { token: lk.officerToken, body: readExample('export-lk-orchids.json') });
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  const lkCustoms = await createToken(lk.config, 'customs', 'Kamal Perera');
  const endorsed = await lk.api(`/api/permits/${issued.body.permitNumber}/endorsements`, { token: lkCustoms, body: { blocks: [{ block: 'A', quantity: 1150 }], portOfExport: 'LKCMB', date: today, transportDocument: '176-12345675' } });
  expect(endorsed.status, JSON.stringify(endorsed.body)).toBe(201);
  const stored = (await lk.api(`/api/permits/${issued.body.permitNumber}`, { token: lk.officerToken })).body;
  permit = { permitNumber: issued.body.permitNumber, jwt: issued.body.jwt, credentialId: stored.id };

  // The exchange delivers the permit and its endorsement to CH (permit-issued, export-endorsed): wait until CH keeps both.
  const db = await SqliteDatabase.openReadOnly(join(ch.dir, 'data', 'agent.sqlite'));
  try {
    await untilDelivered('the permit and its endorsement to CH', async () => (await db.get('SELECT 1 FROM incoming_permit WHERE credential_id = ? AND endorsement_json IS NOT NULL', [permit.credentialId])) !== undefined);
  } finally {
    await db.close();
  }
});

afterAll(async () => {
  await Promise.all([lk?.stop(), ch?.stop()]);
});

const request = (blocks: { block: string; quantity: number }[], extra: Record<string, unknown> = {}) => ({ issuer: lk.did, permitNumber: permit.permitNumber, blocks, portOfImport: 'CHZRH', date: today, ...extra });
const codesOf = (body: any) => body.error.errors.map((e: { code: string; path: string }) => [e.code, e.path]);

describe('CH customs confirm the import', () => {
  let confirmation: string;

  it('refuses, writing nothing: an unknown permit (404), more than exported, a port outside CH (422); an officer token (403)', async () => {
    const customs = await createToken(ch.config, 'customs', 'Martina Keller');
    const unknown = await ch.api('/api/imports/confirmations', { token: customs, body: request([{ block: 'A', quantity: 1 }], { permitNumber: 'LK26-E999999' }) });
    expect([unknown.status, codesOf(unknown.body)]).toEqual([404, [['IMPORT_PERMIT_UNKNOWN', '']]]);
    const over = await ch.api('/api/imports/confirmations', { token: customs, body: request([{ block: 'A', quantity: 1151 }], { portOfImport: 'DEFRA' }) });
    expect([over.status, over.body.error.code, codesOf(over.body)]).toEqual([422, 'LIFECYCLE_INVALID', [['IMPORT_PORT_NOT_DOMESTIC', '/portOfImport'], ['IMPORT_QUANTITY_ABOVE_EXPORTED', '/blocks/0/quantity']]]);
    expect((await ch.api('/api/imports/confirmations', { token: ch.officerToken, body: request([{ block: 'A', quantity: 1150 }]) })).status).toBe(403);
  });

  it('saiga import confirm signs a CITESImportConfirmation with the customs DID', async () => {
    const run = await runCli(['import', 'confirm', permit.permitNumber, '--config', ch.config, '--issuer', lk.did, '--block', 'A=1148', '--port', 'CHZRH', '--date', today, '--officer', 'Martina Keller', '--json']);
    expect(run.code, run.stderr + run.stdout).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.confirmation).toEqual({
      permit: { id: permit.credentialId, permitNumber: permit.permitNumber, issuer: lk.did },
      blocks: [{ block: 'A', quantity: 1148, unit: 'NAR' }],
      portOfImport: 'CHZRH',
      date: today,
      officer: 'Martina Keller',
      country: 'CH',
    });
    expect(out.warnings).toEqual([]);
    const payload = JSON.parse(Buffer.from(out.jwt.split('.')[1], 'base64url').toString('utf8'));
    expect([payload.iss, payload.vc.type]).toEqual([chCustomsDid, ['VerifiableCredential', 'CITESImportConfirmation']]);
    expect(payload.vc['@context']).toEqual(['https://www.w3.org/2018/credentials/v1', `${ch.url}/contexts/cites/v1`, `${ch.url}/contexts/cites-import/v1`]);
    confirmation = out.jwt;
  });

  it('refuses a second confirmation of the same permit (Art. VI(5)), 409', async () => {
    const customs = await createToken(ch.config, 'customs', 'Martina Keller');
    const again = await ch.api('/api/imports/confirmations', { token: customs, body: request([{ block: 'A', quantity: 1148 }]) });
    expect([again.status, again.body.error.code, codesOf(again.body)]).toEqual([409, 'LIFECYCLE_REFUSED', [['IMPORT_ALREADY_CONFIRMED', '']]]);
  });

  it("the confirmation reaches LK; its handler refuses a sender that is not a Management Authority of CH, and a second confirmation", async () => {
    const agent = await openAgent({ configPath: lk.config, kind: 'sign' });
    try {
      const handler = importConfirmedHandler({
        authority: { did: agent.identity.did, country: 'LK' },
        reads: agent.store.reads,
        trustedIssuers: () => agent.verifier.trustedIssuers,
        checkConfirmation: (input) => agent.verifier.checkImportConfirmation(input),
      });
      const message = (from: string) => ({ id: randomUUID(), kind: 'importConfirmed' as const, from, body: { confirmation }, receivedAt: new Date() });
      expect(handler.validate({ confirmation })).toBeUndefined();
      expect(handler.validate({ confirmation: 'x' })).toMatchObject({ ok: false, code: 'EXCHANGE_BODY_INVALID', path: '/confirmation' });
      expect(await handler.check(message(chCustomsDid))).toMatchObject({ ok: false, code: 'IMPORT_CONFIRMATION_WRONG_SENDER' });
      expect(await handler.check(message(lk.did))).toMatchObject({ ok: false, code: 'IMPORT_CONFIRMATION_WRONG_SENDER' });
      // The exchange delivered it to LK (import-confirmed): the handler keeps one only.
      await untilDelivered('the confirmation to LK', async () => (await agent.store.reads.importConfirmations.byPermit(permit.credentialId))?.direction === 'received');
      expect(await handler.check(message(ch.did))).toMatchObject({ ok: false, code: 'IMPORT_ALREADY_CONFIRMED' });
      // A race past the check: the primary key answers it.
      const subject = JSON.parse(Buffer.from(confirmation.split('.')[1]!, 'base64url').toString('utf8')).vc.credentialSubject;
      const checked = { permitCredentialId: permit.credentialId, permitNumber: permit.permitNumber, credentialId: 'urn:uuid:00000000-0000-4000-8000-000000000001', jwt: confirmation, subject };
      expect(await agent.store.transaction((work) => handler.apply(work, checked, message(ch.did)))).toMatchObject({ ok: false, code: 'IMPORT_ALREADY_CONFIRMED' });
    } finally {
      await agent.close();
    }
  });

  it("LK's public record carries it; LK's and CH's verifiers say imported, with permitted, exported and imported per block", async () => {
    const record = await (await fetch(`${lk.url}/records/${permit.credentialId.replace('urn:uuid:', '')}`)).json();
    expect(record.importConfirmations).toEqual([confirmation]);
    // Each verifier names the signer as its own trust knows it: LK's peer entry, CH's own customs.
    for (const [authority, signer] of [[lk, 'Swiss customs'], [ch, 'Federal Food Safety and Veterinary Office (customs)']] as const) {
      const verdict = (await authority.api('/api/verify', { body: { credential: permit.jwt } })).body;
      expect(verdict.checks.filter((c: { ok: boolean }) => !c.ok)).toEqual([]);
      expect([verdict.verified, verdict.state]).toEqual([true, 'imported']);
      expect(verdict.blocks).toEqual([
        { block: 'A', scientificName: expect.any(String), permitted: { quantity: 1200, unit: 'NAR' }, exported: { quantity: 1150, unit: 'NAR' }, imported: { quantity: 1148, unit: 'NAR' } },
      ]);
      expect(verdict.checks.at(-1)).toEqual({ check: 'import', ok: true, code: 'OK', message: `Used up: imported on ${today} at CHZRH (A: 1148 NAR), confirmed by ${signer}.` });
    }
    const status = await runCli(['permit', 'status', permit.permitNumber, '--config', lk.config]);
    expect(status.stdout).toContain(`imported    ${today} at CHZRH: A 1148 NAR (confirmed by Martina Keller, CH) — used up`);
  });
});
