/**
 * The verifier page in Chromium (issue 9): a permit whose public record carries a genuine
 * import confirmation reads "Used up — imported on DATE at PORT", with permitted, exported
 * and imported per block, in the verdict and in the permit's quantities. A real LK agent
 * issues and endorses; the confirmation is signed by Swiss customs (a did:key test key that
 * LK trusts for CH) and kept in LK's import_confirmation as the importConfirmed handler keeps it.
 */
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from '../../bench/camera-frame.js';
import { SqliteDatabase } from '../../src/store/sqlite.js';
import { citesContextUrl, citesImportContextUrl, IMPORT_CONFIRMATION_CREDENTIAL_SCHEMA_PATH, VC_V1_CONTEXT } from '../../src/vocab/contexts.js';
import { encodeDidKey } from '../../src/verify/did-key.js';
import { type AuthorityProcess, createToken, initAuthority, readExample, serveAuthority } from '../helpers/agent-process.js';
import { signAsDidKey } from '../helpers/forge.js';
import { TEST_KEYS } from '../verify/helpers.js';
import { buildPage, hostPage, watchPage, type PageHost } from '../web/helpers.js';

const SWISS_CUSTOMS = encodeDidKey(Buffer.from(TEST_KEYS.other.x!, 'base64url'));
let lk: AuthorityProcess;
let host: PageHost;
let browser: Browser;
let permitJwt: string;
const problems: string[] = [];
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  buildPage();
  const init = await initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla', peers: [{ did: SWISS_CUSTOMS, country: 'CH', name: 'Swiss customs', role: 'customs' }] });
  lk = await serveAuthority(init);
  host = await hostPage(lk);
  const issued = await lk.api('/api/permits', { token: lk.officerToken, body: readExample('export-lk-orchids.json') });
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  permitJwt = issued.body.jwt;
  const customs = await createToken(lk.config, 'customs', 'Kamal Perera');
  const endorsed = await lk.api(`/api/permits/${issued.body.permitNumber}/endorsements`, { token: customs, body: { blocks: [{ block: 'A', quantity: 1150 }], portOfExport: 'LKCMB', date: today, transportDocument: '176-12345675' } });
  expect(endorsed.status, JSON.stringify(endorsed.body)).toBe(201);
  const credentialId = (await lk.api(`/api/permits/${issued.body.permitNumber}`, { token: lk.officerToken })).body.id as string;
  const subject = {
    permit: { id: credentialId, permitNumber: issued.body.permitNumber, issuer: lk.did },
    blocks: [{ block: 'A', quantity: 1148, unit: 'NAR' }],
    portOfImport: 'CHZRH',
    date: today,
    officer: 'Martina Keller',
    country: 'CH',
  };
  const base = 'http://localhost:9';
  const { jwt } = await signAsDidKey(
    {
      vc: {
        '@context': [VC_V1_CONTEXT, citesContextUrl(base), citesImportContextUrl(base)],
        type: ['VerifiableCredential', 'CITESImportConfirmation'],
        credentialSchema: { id: `${base}${IMPORT_CONFIRMATION_CREDENTIAL_SCHEMA_PATH}`, type: 'JsonSchema' },
        credentialSubject: subject,
      },
      nbf: Math.floor(Date.now() / 1000),
      jti: `urn:uuid:${randomUUID()}`,
    },
    TEST_KEYS.other,
  );
  const db = await SqliteDatabase.open(join(lk.dir, 'data', 'agent.sqlite'));
  try {
    await db.run(
      `INSERT INTO import_confirmation (permit_credential_id, credential_id, permit_issuer_did, permit_number, direction, jwt, subject_json, officer, created_at)
       VALUES (?, ?, ?, ?, 'received', ?, ?, 'Martina Keller', ?)`,
      [credentialId, `urn:uuid:${randomUUID()}`, lk.did, issued.body.permitNumber, jwt, JSON.stringify(subject), new Date().toISOString()],
    );
  } finally {
    await db.close();
  }
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await lk?.stop();
});

describe('verifier page, an imported permit', () => {
  it('→ used up, imported on DATE at PORT, with permitted, exported and imported per block', async () => {
    const page = await (await browser.newContext({ locale: 'en-GB', viewport: { width: 1000, height: 900 } })).newPage();
    watchPage(page, problems);
    await page.goto(`${host.url}/VERIFY#${permitJwt}`);
    const verdict = page.locator('#verdict[data-verdict]');
    await verdict.waitFor({ timeout: 30_000 });
    expect(await verdict.getAttribute('data-verdict')).toBe('imported');
    const date = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${today}T00:00:00Z`));
    expect(await page.locator('#verdict-title').innerText()).toBe(`Used up — imported on ${date} at CHZRH; do not accept again`);
    expect(await page.locator('#verdict').innerText()).toContain('Block A — Phalaenopsis amabilis: permitted 1,200 NAR, exported 1,150 NAR, imported 1,148 NAR');
    const quantities = page.locator('#permit-section .block .quantities');
    expect(await quantities.innerText()).toMatch(/1,200 NAR \(number of specimens\)[\s\S]*1,150 NAR[\s\S]*Imported \(confirmed by customs of the importing country\)\s*1,148 NAR/);
    expect(await quantities.locator('dd.imported').innerText()).toBe('1,148 NAR');
    await page.context().close();
    expect(problems).toEqual([]);
  });
});
