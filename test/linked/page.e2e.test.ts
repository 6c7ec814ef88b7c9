/**
 * The verifier page shows the import permit an Appendix I export relies on: its number and
 * state in the `linkedPermits` check's details, in Chromium (playwright-core), with real
 * CH and LK agent processes. CH issues the import permit, LK holds it (as the exchange will
 * deliver it) and issues the export; the page, trusting LK's list (which names CH), verifies
 * it; after CH revokes the import permit the same check fails and says so.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from '../../bench/camera-frame.js';
import { VERIFY_CODES } from '../../src/codes.js';
import { type AuthorityProcess, initAuthority, readExample, serveAuthority, setPeers } from '../helpers/agent-process.js';
import { buildPage, hostPage, watchPage, type PageHost } from '../web/helpers.js';
import { holdPermit } from './hold.js';

let lk: AuthorityProcess;
let ch: AuthorityProcess;
let host: PageHost;
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  buildPage();
  const [lkInit, chInit] = await Promise.all([
    initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' }),
    initAuthority({ country: 'CH', name: 'Federal Food Safety and Veterinary Office', place: 'Bern' }),
  ]);
  setPeers(lkInit.config, [{ did: chInit.did, country: 'CH', name: 'Federal Food Safety and Veterinary Office' }]);
  setPeers(chInit.config, [{ did: lkInit.did, country: 'LK', name: 'Department of Wildlife Conservation' }]);
  [lk, ch] = await Promise.all([serveAuthority(lkInit), serveAuthority(chInit)]);
  host = await hostPage(lk);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await Promise.all([lk?.stop(), ch?.stop()]);
});

async function issueAt(authority: AuthorityProcess, request: unknown): Promise<{ permitNumber: string; jwt: string }> {
  const issued = await authority.api('/api/permits', { token: authority.officerToken, body: request });
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  return issued.body;
}

async function linkedCheckOn(jwt: string, locale = 'en-GB'): Promise<{ page: Page; code: string | null; text: string }> {
  const page = await (await browser.newContext({ locale })).newPage();
  watchPage(page, problems);
  await page.goto(`${host.url}/elsewhere/#${jwt}`);
  await page.locator('#verdict[data-verdict]').waitFor({ timeout: 30_000 });
  const check = page.locator('#checks li[data-check="linkedPermits"]');
  return { page, code: await check.getAttribute('data-code'), text: await check.innerText() };
}

describe('the page and the linkedPermits check', () => {
  it('shows the import permit\'s number and state, in the page\'s language; and a revocation at CH', async () => {
    const importPermit = await issueAt(ch, readExample('import-ch-elephant-samples.json'));
    await holdPermit(lk.dir, importPermit.jwt, 'import-permit');
    const request = readExample('export-lk-elephant-samples.json');
    request.importPermit = { permitNumber: importPermit.permitNumber, issuer: ch.did, country: 'CH' };
    const exported = await issueAt(lk, request);

    const valid = await linkedCheckOn(exported.jwt);
    expect(await valid.page.locator('#verdict').getAttribute('data-verdict')).toBe('valid');
    expect(valid.code).toBe('OK');
    expect(valid.text).toContain('Import permit (Appendix I)');
    expect(valid.text).toContain(`Import permit ${importPermit.permitNumber}: valid.`);
    await valid.page.context().close();

    const french = await linkedCheckOn(exported.jwt, 'fr-FR');
    expect(french.text).toContain(`Permis d’importation ${importPermit.permitNumber}\u00a0: valable.`);
    await french.page.context().close();

    expect((await ch.api(`/api/permits/${importPermit.permitNumber}/revoke`, { token: ch.officerToken, body: { reason: 'cancelled' } })).status).toBe(200);
    const revoked = await linkedCheckOn(exported.jwt);
    expect(revoked.code).toBe('LINKED_PERMIT_REVOKED');
    expect(revoked.text).toContain(`${VERIFY_CODES.LINKED_PERMIT_REVOKED} Import permit ${importPermit.permitNumber}: cancelled.`);
    expect(await revoked.page.locator('#verdict').getAttribute('data-verdict')).not.toBe('valid');
    await revoked.page.context().close();
    expect(problems).toEqual([]);
  });

  it('an export naming an import permit that is not linked: a warning, not a failure', async () => {
    const request = readExample('export-lk-elephant-samples.json');
    const notHeld = await issueAt(ch, readExample('import-ch-elephant-samples.json'));
    // Held, then the export issued, then the row gone again: the record links nothing (as for an export issued before the exchange).
    await holdPermit(lk.dir, notHeld.jwt, 'import-permit');
    request.importPermit = { permitNumber: notHeld.permitNumber, issuer: ch.did, country: 'CH' };
    const exported = await issueAt(lk, request);
    const { SqliteDatabase } = await import('../../src/store/sqlite.js');
    const db = await SqliteDatabase.open(`${lk.dir}/data/agent.sqlite`);
    await db.exec('PRAGMA busy_timeout = 5000');
    await db.run('DELETE FROM incoming_permit WHERE permit_number = ?', [notHeld.permitNumber]);
    await db.close();
    const shown = await linkedCheckOn(exported.jwt);
    expect(shown.code).toBe('LINKED_PERMIT_MISSING');
    expect(await shown.page.locator('#checks li[data-check="linkedPermits"]').getAttribute('class')).toBe('check ok warn');
    expect(shown.text).toContain(VERIFY_CODES.LINKED_PERMIT_MISSING);
    expect(await shown.page.locator('#verdict').getAttribute('data-verdict')).toBe('valid');
    await shown.page.context().close();
  });
});
