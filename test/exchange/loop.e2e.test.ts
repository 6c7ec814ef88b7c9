/**
 * The loop the exchange closes (issue 9), with three Management Authorities as separate
 * processes on loopback ports, each with its own SQLite file, resolving each other's did:web:
 *
 *  1. CH issues an Appendix I import permit; the exchange brings it to LK (import-permit).
 *  2. LK issues the export that relies on it, after verifying it; the export reaches CH (permit-issued).
 *  3. LK customs endorse the export; CH sees it (export-endorsed).
 *  4. CH customs confirm the import per block; LK keeps it (import-confirmed), and LK's public
 *     record and every verifier (LK's, CH's, NO's and the page in Chromium) show permitted,
 *     exported and imported quantities.
 *  5. A revocation at LK reaches CH at once (status-changed): CH's imports list and verifier say so.
 *
 * NO trusts LK and CH but is party to none of it: it receives nothing.
 */
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from '../../bench/camera-frame.js';
import { SqliteDatabase } from '../../src/store/sqlite.js';
import { type AuthorityProcess, createToken, initAuthority, readExample, serveAuthority, setPeers, untilDelivered } from '../helpers/agent-process.js';
import { buildPage, hostPage, watchPage, type PageHost } from '../web/helpers.js';

/** The loop's deliveries may take up to a minute. */
const until = (what: string, done: () => Promise<boolean>) => untilDelivered(what, done, 60);

let lk: AuthorityProcess;
let ch: AuthorityProcess;
let no: AuthorityProcess;
let host: PageHost;
let browser: Browser;
const problems: string[] = [];
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  buildPage();
  const [lkInit, chInit, noInit] = await Promise.all([
    initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' }),
    initAuthority({ country: 'CH', name: 'Federal Food Safety and Veterinary Office', place: 'Bern' }),
    initAuthority({ country: 'NO', name: 'Norwegian Environment Agency', place: 'Trondheim' }),
  ]);
  const ma = (init: { did: string }, country: string, name: string) => ({ did: init.did, country, name });
  const customs = (init: { customsDid: string }, country: string) => ({ did: init.customsDid, country, name: `Customs ${country}`, role: 'customs' as const });
  setPeers(lkInit.config, [ma(chInit, 'CH', 'Federal Food Safety and Veterinary Office'), customs(chInit, 'CH'), ma(noInit, 'NO', 'Norwegian Environment Agency')]);
  setPeers(chInit.config, [ma(lkInit, 'LK', 'Department of Wildlife Conservation'), customs(lkInit, 'LK'), ma(noInit, 'NO', 'Norwegian Environment Agency')]);
  setPeers(noInit.config, [ma(lkInit, 'LK', 'Department of Wildlife Conservation'), customs(lkInit, 'LK'), ma(chInit, 'CH', 'Federal Food Safety and Veterinary Office'), customs(chInit, 'CH')]);
  [lk, ch, no] = await Promise.all([serveAuthority(lkInit), serveAuthority(chInit), serveAuthority(noInit)]);
  host = await hostPage(lk);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await Promise.all([lk?.stop(), ch?.stop(), no?.stop()]);
});

async function rowsOf(authority: AuthorityProcess, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const db = await SqliteDatabase.openReadOnly(join(authority.dir, 'data', 'agent.sqlite'));
  try {
    return await db.all(sql, params as never);
  } finally {
    await db.close();
  }
}

async function issueAt(authority: AuthorityProcess, request: unknown): Promise<{ permitNumber: string; jwt: string }> {
  const issued = await authority.api('/api/permits', { token: authority.officerToken, body: request });
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  return issued.body;
}

describe('three authorities close the loop', () => {
  it('import permit → export → endorsement → import confirmation → every verifier shows the quantities; a revocation reaches CH', async () => {
    // 1. CH's Appendix I import permit reaches LK.
    const importPermit = await issueAt(ch, readExample('import-ch-elephant-samples.json'));
    await until('the import permit to LK', async () => (await rowsOf(lk, "SELECT 1 FROM incoming_permit WHERE permit_number = ? AND relation = 'import-permit'", [importPermit.permitNumber])).length === 1);

    // 2. LK issues the export that relies on it (checked against the one it holds); it reaches CH.
    const exportRequest = readExample('export-lk-elephant-samples.json');
    exportRequest.importPermit = { permitNumber: importPermit.permitNumber, issuer: ch.did, country: 'CH' };
    const exported = await issueAt(lk, exportRequest);
    await until('the export to CH', async () => (await ch.api('/api/imports', { token: ch.officerToken })).body.items?.some((i: { permitNumber: string }) => i.permitNumber === exported.permitNumber));

    // 3. LK customs endorse it; CH keeps the endorsement.
    const lkCustoms = await createToken(lk.config, 'customs', 'Kamal Perera');
    const permitted = (JSON.parse(Buffer.from(exported.jwt.split('.')[1]!, 'base64url').toString()).vc.credentialSubject.specimens as { block: string; quantity: number; unit: string }[]);
    const endorsement = await lk.api(`/api/permits/${exported.permitNumber}/endorsements`, {
      token: lkCustoms,
      body: { blocks: permitted.map((s) => ({ block: s.block, quantity: s.quantity })), portOfExport: 'LKCMB', date: today, transportDocument: '176-55550001' },
    });
    expect(endorsement.status, JSON.stringify(endorsement.body)).toBe(201);
    await until('the endorsement to CH', async () => (await rowsOf(ch, 'SELECT 1 FROM incoming_permit WHERE permit_number = ? AND endorsement_jwt IS NOT NULL', [exported.permitNumber])).length === 1);

    // 4. CH customs confirm what arrived, per block; LK keeps the confirmation.
    const chCustoms = await createToken(ch.config, 'customs', 'Anna Keller');
    const confirmed = await ch.api('/api/imports/confirmations', {
      token: chCustoms,
      body: { issuer: lk.did, permitNumber: exported.permitNumber, blocks: permitted.map((s) => ({ block: s.block, quantity: s.quantity })), portOfImport: 'CHZRH', date: today },
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(201);
    await until('the confirmation to LK', async () => (await rowsOf(lk, "SELECT 1 FROM import_confirmation WHERE permit_number = ? AND direction = 'received'", [exported.permitNumber])).length === 1);

    const blocks = permitted.map((s) => ({ block: s.block, permitted: { quantity: s.quantity, unit: s.unit }, exported: { quantity: s.quantity, unit: s.unit }, imported: { quantity: s.quantity, unit: s.unit } }));
    for (const authority of [lk, ch, no]) {
      const verdict = (await authority.api('/api/verify', { body: { credential: exported.jwt } })).body;
      expect([verdict.verified, verdict.state], authority.url).toEqual([true, 'imported']);
      expect(verdict.blocks.map((b: Record<string, unknown>) => ({ block: b.block, permitted: b.permitted, exported: b.exported, imported: b.imported }))).toEqual(blocks);
    }
    const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    watchPage(page, problems);
    await page.goto(`${host.url}/elsewhere/#${exported.jwt}`);
    await page.locator('#verdict[data-verdict]').waitFor({ timeout: 30_000 });
    expect(await page.locator('#verdict').getAttribute('data-verdict')).toBe('imported');
    // The page writes the date in words in its language (e.g. "2 December 2026").
    const [year, , day] = today.split('-').map(Number);
    expect(await page.locator('#verdict-title').innerText()).toMatch(new RegExp(`^Used up — imported on \\D*${day}\\D+${year} at CHZRH; do not accept again$`));
    const shown = await page.locator('#permit-section .block .quantities dd.imported').allInnerTexts();
    expect(shown).toEqual(permitted.map((s) => `${s.quantity.toLocaleString('en-GB')} ${s.unit}`));
    // The page checked the import permit the export relied on: CH's, valid.
    expect(await page.locator('#checks li[data-check="linkedPermits"]').getAttribute('data-code')).toBe('OK');
    await page.context().close();

    // 5. A revocation at LK reaches CH at once.
    const orchids = await issueAt(lk, readExample('export-lk-orchids.json'));
    await until('the orchids to CH', async () => (await ch.api('/api/imports', { token: ch.officerToken })).body.items?.some((i: { permitNumber: string }) => i.permitNumber === orchids.permitNumber));
    expect((await lk.api(`/api/permits/${orchids.permitNumber}/revoke`, { token: lk.officerToken, body: { reason: 'stolen' } })).status).toBe(200);
    await until('the revocation to CH', async () => (await ch.api('/api/imports?state=revoked', { token: ch.officerToken })).body.items?.some((i: { permitNumber: string }) => i.permitNumber === orchids.permitNumber));
    const inCh = (await ch.api('/api/verify', { body: { credential: orchids.jwt } })).body;
    expect([inCh.verified, inCh.state]).toEqual([false, 'revoked']);

    // NO was party to none of it.
    expect(await rowsOf(no, 'SELECT permit_number FROM incoming_permit')).toEqual([]);
    expect(problems).toEqual([]);
  }, 300_000);
});
