/**
 * Issue 11 §3 "Import side" and "working at 360 px wide": two authorities as separate
 * processes. LK issues an export of orchids to CH and LK customs endorse 1150 plants; the
 * exchange brings the permit and its endorsement to CH. A CH customs officer, on the CH console
 * on a 360×740 phone, pastes the permit, sees the public page's verdict, and confirms the
 * import: more than was exported is refused with its message, the confirmation is signed
 * once, a second one is refused, and once the exchange has brought it to LK the same screen
 * reads "used up — imported". The page never scrolls sideways and its targets stay large.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXCHANGE_CODES } from '../../src/codes.js';
import { SqliteDatabase } from '../../src/store/sqlite.js';
import { formatDate } from '../../verifier-web/src/i18n.js';
import { type AuthorityProcess, createToken, initAuthority, readExample, serveAuthority, setPeers, untilDelivered } from '../helpers/agent-process.js';
import { consolePage, initConsoleAuthority, launchChromium, screenshot, seriousViolations, signIn } from './helpers.js';

/** The narrowest phone issue 11 §3 names. */
const NARROW = { width: 360, height: 740 };
const today = new Date().toISOString().slice(0, 10);

let lk: AuthorityProcess;
let ch: AuthorityProcess;
let browser: Browser;
let permit: { permitNumber: string; jwt: string; credentialId: string };
const problems: string[] = [];

async function rowExists(authority: AuthorityProcess, sql: string, params: unknown[]): Promise<boolean> {
  const db = await SqliteDatabase.openReadOnly(join(authority.dir, 'data', 'agent.sqlite'));
  try {
    return (await db.get(sql, params)) !== undefined;
  } finally {
    await db.close();
  }
}

beforeAll(async () => {
  const [lkInit, chInit] = await Promise.all([
    initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' }),
    initConsoleAuthority({ country: 'CH', name: 'Federal Food Safety and Veterinary Office', place: 'Bern' }),
  ]);
  setPeers(lkInit.config, [{ did: chInit.did, country: 'CH', name: 'Federal Food Safety and Veterinary Office' }, { did: chInit.customsDid, country: 'CH', name: 'Swiss customs', role: 'customs' }]);
  setPeers(chInit.config, [{ did: lkInit.did, country: 'LK', name: 'Department of Wildlife Conservation' }, { did: lkInit.customsDid, country: 'LK', name: 'Sri Lanka Customs', role: 'customs' }]);
  [lk, ch] = await Promise.all([serveAuthority(lkInit), serveAuthority(chInit)]);

  const issued = await lk.api('/api/permits', { token: lk.officerToken, body: readExample('export-lk-orchids.json') });
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  const lkCustoms = await createToken(lk.config, 'customs', 'Kamal Perera');
  const endorsed = await lk.api(`/api/permits/${issued.body.permitNumber}/endorsements`, { token: lkCustoms, body: { blocks: [{ block: 'A', quantity: 1150 }], portOfExport: 'LKCMB', date: today, transportDocument: '176-12345675' } });
  expect(endorsed.status, JSON.stringify(endorsed.body)).toBe(201);
  const stored = (await lk.api(`/api/permits/${issued.body.permitNumber}`, { token: lk.officerToken })).body;
  permit = { permitNumber: issued.body.permitNumber, jwt: issued.body.jwt, credentialId: stored.id };
  await untilDelivered('the permit and its endorsement to CH', () => rowExists(ch, 'SELECT 1 FROM incoming_permit WHERE credential_id = ? AND endorsement_json IS NOT NULL', [permit.credentialId]));
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([lk?.stop(), ch?.stop()]);
});

const QUANTITY = 'Block A — Phalaenopsis amabilis: quantity (permitted 1,200 NAR)';
const refusalCodes = (page: Page) => page.locator('#customs-answer li[data-code]').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.code));

/**
 * What a narrow phone must not do: scroll sideways, offer a target smaller than 44 px
 * (WCAG 2.5.5), or show a control whose text has its background's colour. `targets` counts
 * the controls measured, so that the check cannot pass on an empty screen.
 */
async function fitsNarrowPhone(page: Page): Promise<{ sideways: number; targets: number; small: string[]; unreadable: string[] }> {
  return page.evaluate(() => {
    const controls = Array.from(document.querySelectorAll('button, input, select, textarea')).filter((el) => (el as HTMLElement).offsetParent !== null);
    const name = (el: Element) => `${el.tagName.toLowerCase()}#${el.id}`;
    return {
      sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      targets: controls.length,
      small: controls.filter((el) => el.getBoundingClientRect().height < 44).map(name),
      unreadable: controls.filter((el) => getComputedStyle(el).color === getComputedStyle(el).backgroundColor).map(name),
    };
  });
}

async function verifyPasted(page: Page, verdict: string): Promise<void> {
  await page.getByLabel('Or paste the permit code or link').fill(permit.jwt);
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.locator(`#verdict[data-verdict="${verdict}"]`).waitFor({ timeout: 30_000 });
}

describe('customs of the importing country (CH console, 360 px)', () => {
  it('confirms the import of an LK permit: over the exported quantity refused, one confirmation signed, a second refused; LK then reads it as imported', async () => {
    const { page } = await consolePage(browser, problems, { viewport: NARROW });
    await signIn(page, ch.url, 'customs');
    await page.goto(`${ch.url}/console/customs`);
    await page.locator('#screen-title').waitFor();
    await verifyPasted(page, 'used');
    expect(await page.locator('#verdict-title').innerText()).toBe(`Valid — exported on ${formatDate(today, 'en')} at LKCMB; expected at import`);
    await page.locator('#customs-form-title').waitFor();
    expect(await page.locator('#customs-form-title').innerText()).toBe('Confirm the import');
    // The port starts with this authority's country; an import has no transport document field.
    expect(await page.getByLabel('Port of import (UN/LOCODE)').inputValue()).toBe('CH');
    expect(await page.getByLabel('Transport document number').count()).toBe(0);
    expect(await page.getByLabel('Date').inputValue()).toBe(today);
    // Language, sign-out, scan, paste, verify; quantity, port, date, sign.
    expect(await fitsNarrowPhone(page)).toEqual({ sideways: 0, targets: 9, small: [], unreadable: [] });
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'customs-import-360');

    // More than LK customs endorsed as exported: refused with the code's message, nothing signed.
    await page.getByLabel(QUANTITY).fill('1151');
    await page.getByLabel('Port of import (UN/LOCODE)').fill('CHZRH');
    await page.getByRole('button', { name: 'Sign the import confirmation' }).click();
    await page.locator('#customs-answer li[data-code]').first().waitFor();
    expect(await refusalCodes(page)).toEqual(['IMPORT_QUANTITY_ABOVE_EXPORTED']);
    expect(await page.locator('#customs-answer li[data-code] .refusal-text').innerText()).toBe(EXCHANGE_CODES.IMPORT_QUANTITY_ABOVE_EXPORTED);
    expect(await fitsNarrowPhone(page)).toEqual({ sideways: 0, targets: 9, small: [], unreadable: [] });
    expect(await rowExists(ch, 'SELECT 1 FROM import_confirmation WHERE permit_credential_id = ?', [permit.credentialId])).toBe(false);

    await page.getByLabel(QUANTITY).fill('1148');
    await page.getByRole('button', { name: 'Sign the import confirmation' }).click();
    await page.locator('#customs-answer .customs-ok').waitFor();
    expect(await page.locator('#customs-answer .customs-ok').innerText()).toBe(`Import confirmed for permit ${permit.permitNumber}.`);
    await screenshot(page, 'customs-import-confirmed-360');

    // A second confirmation of the same permit: one consignment per permit (Art. VI(5)).
    await page.getByRole('button', { name: 'Sign the import confirmation' }).click();
    await page.locator('#customs-answer li[data-code="IMPORT_ALREADY_CONFIRMED"]').waitFor();
    expect(await refusalCodes(page)).toEqual(['IMPORT_ALREADY_CONFIRMED']);
    expect(await page.locator('#customs-answer li[data-code] .refusal-text').innerText()).toBe(EXCHANGE_CODES.IMPORT_ALREADY_CONFIRMED);

    // The confirmation CH signed, with the signed-in officer's name, reaches LK through the exchange.
    await untilDelivered('the confirmation to LK', () => rowExists(lk, "SELECT 1 FROM import_confirmation WHERE permit_credential_id = ? AND direction = 'received'", [permit.credentialId]));
    const record = await (await fetch(`${lk.url}/records/${permit.credentialId.replace('urn:uuid:', '')}`)).json();
    expect(record.importConfirmations).toHaveLength(1);
    const subject = JSON.parse(Buffer.from(record.importConfirmations[0].split('.')[1], 'base64url').toString('utf8')).vc.credentialSubject;
    expect(subject).toEqual({
      permit: { id: permit.credentialId, permitNumber: permit.permitNumber, issuer: lk.did },
      blocks: [{ block: 'A', quantity: 1148, unit: 'NAR' }],
      portOfImport: 'CHZRH',
      date: today,
      officer: 'Kamal Fernando',
      country: 'CH',
    });
    // The same screen, verifying again, now reads the permit as used up.
    await verifyPasted(page, 'imported');
    expect(await page.locator('#verdict-title').innerText()).toBe(`Used up — imported on ${formatDate(today, 'en')} at CHZRH; do not accept again`);
    // The form stays, as on the export side: the server is what refuses a second confirmation.
    await page.locator('#customs-submit').waitFor();
    expect(await fitsNarrowPhone(page)).toEqual({ sideways: 0, targets: 9, small: [], unreadable: [] });
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'customs-imported-360');
    expect(problems).toEqual([]);
  });
});
