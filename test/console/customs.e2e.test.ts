/**
 * The customs screen in Chromium against a real agent process (issue 11 §3): a customs
 * officer on a 390×844 phone viewport signs in, scans the printed QR code of a permit through
 * a fake rear camera, sees the public page's verdict, endorses block A, and a second
 * endorsement is refused with its message from src/codes.ts; a double click signs one
 * endorsement only; the screen speaks French and Spanish; axe-core finds nothing serious.
 */
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from '../../bench/camera-frame.js';
import { LIFECYCLE_CODES } from '../../src/codes.js';
import { permitQr } from '../../src/print/permit-qr.js';
import { formatDate } from '../../verifier-web/src/i18n.js';
import { readExample, tempDir } from '../helpers/agent-process.js';
import { qrPng, y4mFromPng } from '../web/helpers.js';
import { type ConsoleAuthority, consolePage, screenshot, seriousViolations, signIn, startConsoleAuthority } from './helpers.js';

const PHONE = { width: 390, height: 844 };
const orchids = readExample('export-lk-orchids.json');
const today = new Date().toISOString().slice(0, 10);

let lk: ConsoleAuthority;
let browser: Browser;
let scanned: { permitNumber: string; jwt: string };
const problems: string[] = [];
const work = tempDir('saiga-customs-');

async function issue(): Promise<{ permitNumber: string; jwt: string }> {
  const response = await lk.api('/api/permits', { token: lk.officerToken, body: orchids });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { permitNumber: string; jwt: string };
}

beforeAll(async () => {
  lk = await startConsoleAuthority();
  scanned = await issue();
  // The QR code as the agent prints it on the PDF (src/print/permit-qr.ts), shown to a fake rear camera.
  const qr = await permitQr({ saiga: { url: lk.url } }, scanned.jwt);
  const camera = join(work, 'camera.y4m');
  y4mFromPng(await qrPng(qr.text, join(work, 'permit-qr.png'), 700, 'M'), camera);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${camera}`],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await lk?.stop();
});

/** Signed in (through the English form), on the customs screen, in `lang` (the shell's language switch). */
async function customsScreen(lang: 'en' | 'fr' | 'es' = 'en'): Promise<Page> {
  const { context, page } = await consolePage(browser, problems, { viewport: PHONE });
  await context.grantPermissions(['camera'], { origin: lk.url });
  await signIn(page, lk.url, 'customs');
  await page.goto(`${lk.url}/console/customs`);
  await page.locator('#screen-title').waitFor();
  if (lang !== 'en') await page.locator('#lang').selectOption(lang);
  return page;
}

const verdict = (page: Page) => page.locator('#verdict[data-verdict]');

async function fillEndorsement(page: Page, quantity: string): Promise<void> {
  await page.getByLabel('Block A — Phalaenopsis amabilis: quantity (permitted 1,200 NAR)').fill(quantity);
  await page.getByLabel('Port of export (UN/LOCODE)').fill('LKCMB');
  await page.getByLabel('Transport document number').fill('176-12345675');
}

describe('customs screen (phone)', () => {
  it('scans the printed QR through the camera, shows the verdict, endorses block A; a second endorsement is refused with its message', async () => {
    const page = await customsScreen();
    expect(await page.locator('#screen-title').innerText()).toBe('Customs: scan and endorse');
    await page.getByRole('button', { name: 'Scan with camera' }).click();
    await verdict(page).waitFor({ timeout: 30_000 });
    expect(await verdict(page).getAttribute('data-verdict')).toBe('valid');
    expect(await verdict(page).getAttribute('data-code')).toBeNull();
    expect(await page.locator('#verdict-title').innerText()).toBe('Valid — not yet used');
    expect(await page.locator('#verdict .verdict-facts').innerText()).toContain('Block A — Phalaenopsis amabilis: permitted 1,200 NAR; not yet exported');
    await page.locator('#customs-form-title').waitFor();
    expect(await page.locator('#customs-form-title').innerText()).toBe('Endorse the export (boxes 14 and 15)');
    // Today by default; the port starts with the authority's country.
    expect(await page.getByLabel('Date').inputValue()).toBe(today);
    expect(await page.getByLabel('Port of export (UN/LOCODE)').inputValue()).toBe('LK');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'customs-valid');

    // Over the permitted quantity: refused with the code's message, nothing signed.
    await fillEndorsement(page, '1500');
    await page.getByRole('button', { name: 'Sign the endorsement' }).click();
    const refusal = page.locator('#customs-answer li[data-code]');
    await refusal.first().waitFor();
    expect(await refusal.evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.code))).toEqual(['QUANTITY_EXCEEDED']);
    expect(await refusal.locator('.refusal-text').innerText()).toBe(LIFECYCLE_CODES.QUANTITY_EXCEEDED);
    expect(await refusal.locator('.refusal-detail').innerText()).toBe('Block A: 1500 NAR exported, the permit allows 1200 NAR.');

    await page.getByLabel('Block A — Phalaenopsis amabilis: quantity (permitted 1,200 NAR)').fill('800');
    await page.getByRole('button', { name: 'Sign the endorsement' }).click();
    await page.locator('#customs-answer .customs-ok').waitFor();
    expect(await page.locator('#customs-answer .customs-ok').innerText()).toBe(`Endorsed: permit ${scanned.permitNumber} is endorsed for this shipment.`);
    // The screen verifies the permit again: now used, as the public page says.
    await page.locator('#verdict[data-verdict="used"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('#verdict-title').innerText()).toBe(`Valid — exported on ${formatDate(today, 'en')} at LKCMB; expected at import`);
    expect(await page.locator('#verdict .verdict-facts').innerText()).toContain('Block A — Phalaenopsis amabilis: permitted 1,200 NAR, exported 800 NAR');
    await screenshot(page, 'customs-endorsed');

    // A second endorsement of block A: the server refuses it, and the screen says why.
    await fillEndorsement(page, '100');
    await page.getByRole('button', { name: 'Sign the endorsement' }).click();
    await page.locator('#customs-answer li[data-code="ALREADY_ENDORSED"]').waitFor();
    expect(await page.locator('#customs-answer li[data-code]').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.code))).toEqual(['ALREADY_ENDORSED']);
    expect(await page.locator('#customs-answer li[data-code="ALREADY_ENDORSED"] .refusal-text').innerText()).toBe(
      'The permit has already been endorsed for a shipment; a permit covers one consignment only (Art. VI(5)).',
    );
    const status = await lk.api(`/api/permits/${scanned.permitNumber}/status`, { token: lk.officerToken });
    expect(status.body.endorsement.endorsement.blocks).toEqual([{ block: 'A', quantity: 800, unit: 'NAR' }]);
    expect((status.body.history as { action: string }[]).map((h) => h.action)).toEqual(['issue', 'endorse']);
    expect(status.body.endorsement.officer).toBe('Kamal Fernando');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'customs-already-endorsed');
    expect(problems).toEqual([]);
  });

  it('a double click on "Sign the endorsement" (pasted code) signs exactly one endorsement', async () => {
    const permit = await issue();
    const page = await customsScreen();
    await page.getByLabel('Or paste the permit code or link').fill(permit.jwt);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.locator('#verdict[data-verdict="valid"]').waitFor({ timeout: 30_000 });
    await page.locator('#customs-form-title').waitFor();
    await fillEndorsement(page, '1200');
    await page.getByRole('button', { name: 'Sign the endorsement' }).dblclick();
    await page.locator('#customs-answer .customs-ok').waitFor();
    await page.locator('#verdict[data-verdict="used"]').waitFor({ timeout: 30_000 });
    const status = await lk.api(`/api/permits/${permit.permitNumber}/status`, { token: lk.officerToken });
    expect(status.status).toBe(200);
    expect(status.body.endorsement.endorsement.blocks).toEqual([{ block: 'A', quantity: 1200, unit: 'NAR' }]);
    // One endorsement, one 'endorse' event: the second click signed nothing.
    expect((status.body.history as { action: string }[]).map((h) => h.action)).toEqual(['issue', 'endorse']);
    expect(problems).toEqual([]);
  });

  it('the screen in French and in Spanish', async () => {
    const fr = await customsScreen('fr');
    expect(await fr.locator('#screen-title').innerText()).toBe('Douane\u00a0: scanner et viser');
    expect(await fr.getByRole('button', { name: 'Scanner avec la caméra' }).count()).toBe(1);
    expect(await fr.getByLabel('Ou collez le code ou le lien du permis').count()).toBe(1);
    const permit = await issue();
    await fr.getByLabel('Ou collez le code ou le lien du permis').fill(permit.jwt);
    await fr.getByRole('button', { name: 'Vérifier' }).click();
    await fr.locator('#verdict[data-verdict="valid"]').waitFor({ timeout: 30_000 });
    expect(await fr.locator('#verdict-title').innerText()).toBe('Valable — pas encore utilisé');
    expect(await fr.locator('#customs-form-title').innerText()).toBe('Viser l’exportation (cases 14 et 15)');
    expect(await fr.getByLabel('Port d’exportation (UN/LOCODE)').count()).toBe(1);
    expect(await fr.getByLabel('Numéro du document de transport').count()).toBe(1);
    expect(await seriousViolations(fr)).toEqual([]);
    await screenshot(fr, 'customs-fr');

    const es = await customsScreen('es');
    expect(await es.locator('#screen-title').innerText()).toBe('Aduana: escanear y refrendar');
    await es.getByLabel('O pegue el código o el enlace del permiso').fill(scanned.jwt);
    await es.getByRole('button', { name: 'Verificar' }).click();
    await es.locator('#verdict[data-verdict="used"]').waitFor({ timeout: 30_000 });
    expect(await es.locator('#customs-form-title').innerText()).toBe('Refrendar la exportación (casillas 14 y 15)');
    await es.getByLabel('Bloque A — Phalaenopsis amabilis: cantidad (autorizado 1200 NAR)').fill('10');
    await es.getByLabel('Puerto de exportación (UN/LOCODE)').fill('LKCMB');
    await es.getByLabel('Número del documento de transporte').fill('176-12345675');
    await es.getByRole('button', { name: 'Firmar el refrendo' }).click();
    await es.locator('#customs-answer li[data-code="ALREADY_ENDORSED"]').waitFor();
    expect(await es.locator('#customs-answer li[data-code="ALREADY_ENDORSED"] .refusal-text').innerText()).toBe(
      'El permiso ya fue refrendado para un envío; un permiso cubre un solo envío (Art. VI(5)).',
    );
    expect(await seriousViolations(es)).toEqual([]);
    await screenshot(es, 'customs-es');
    expect(problems).toEqual([]);
  });
});
