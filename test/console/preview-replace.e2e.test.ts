/**
 * The issue form's "Preview PDF" and replacing a permit from the console, in Chromium against
 * a real agent process (issue 11 §2). A preview's refusal shows at its field as issuing's
 * does, and a preview downloads a PDF marked as a preview while the agent issues nothing.
 * "Replace" on a permit page opens the form filled from that permit with the notice that it
 * will be revoked; issuing lands on the new permit, and the old one shows revoked, replaced
 * by it. Refusals about the replaced permit are plain sentences, in EN/FR/ES.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExample } from '../helpers/agent-process.js';
import { pdfText } from '../print/helpers.js';
import { type ConsoleAuthority, consolePage, launchChromium, screenshot, seriousViolations, signIn, startConsoleAuthority } from './helpers.js';

const SLOW = 150_000;
let lk: ConsoleAuthority;
let browser: Browser;
const problems: string[] = [];
const orchids = readExample('export-lk-orchids.json');

beforeAll(async () => {
  lk = await startConsoleAuthority();
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await lk?.stop();
});

const id = (pointer: string) => `#f${pointer.replace(/\//g, '-')}`;
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 });
const text = (page: Page, selector: string) => page.locator(selector).innerText();

async function issueByApi(): Promise<string> {
  const answer = await lk.api('/api/permits', { token: lk.officerToken, body: orchids });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.permitNumber as string;
}
const permitCount = async () => (await lk.api('/api/permits', { token: lk.officerToken })).body.total as number;

describe('the issue form: preview and replace', { timeout: SLOW }, () => {
  it('Preview PDF: a refusal shows at its field as for issuing; then the preview downloads, in French, and nothing is issued', async () => {
    const source = await issueByApi();
    const { context, page } = await consolePage(browser, problems);
    await signIn(page, lk.url, 'officer');
    await page.goto(`${lk.url}/console/issue`);
    await page.locator('#copy-number').fill(source);
    await page.locator('#copy-permit').click();
    await poll(() => page.locator(id('/specimens/0/quantity')).inputValue()).toBe('1200');
    const before = await permitCount();

    await page.locator(id('/specimens/0/quantity')).fill('0');
    const [refused] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/permits/preview?lang=en')), page.locator('#preview-pdf').click()]);
    expect(refused.status()).toBe(422);
    const input = page.locator(id('/specimens/0/quantity'));
    await poll(() => input.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`${id('/specimens/0/quantity')}-errors`).textContent()).toBe('Error: The quantity must be greater than zero. Block A quantity is 0.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(id('/specimens/0/quantity').slice(1));
    expect(await page.locator('#finding-summary a').getAttribute('href')).toBe(id('/specimens/0/quantity'));

    await input.fill('800');
    await page.locator('#preview-lang').selectOption('fr');
    const [download, response] = await Promise.all([
      page.waitForEvent('download'),
      page.waitForResponse((r) => r.url().endsWith('/api/permits/preview?lang=fr')),
      page.getByRole('button', { name: 'Preview PDF' }).click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect(download.suggestedFilename()).toBe('preview-fr.pdf');
    const file = (await download.path())!;
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const printed = pdfText(file, true).replace(/\s+/g, ' ');
    expect(printed).toContain('APERÇU — NON VALABLE');
    expect(printed).toContain('800');
    // The findings are gone, the page says what was downloaded, and the agent issued nothing.
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(0);
    expect(await page.locator('#finding-summary').isHidden()).toBe(true);
    await poll(() => text(page, '#preview-ready')).toBe('The preview PDF was downloaded. It is not a permit: it has no number, no QR code, and nothing was issued. Download the preview again');
    expect(await page.locator('#preview-again').getAttribute('href')).toMatch(/^blob:/);
    expect(await permitCount()).toBe(before);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'issue-preview');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('Replace: the form is filled from the permit with the notice; issued, the new permit shows and the old one is revoked, replaced by it', async () => {
    const old = await issueByApi();
    const { context, page } = await consolePage(browser, problems);
    await signIn(page, lk.url, 'officer');
    await page.goto(`${lk.url}/console/permits/${old}`);
    await page.locator('#replace').click();
    await page.waitForURL(`${lk.url}/console/issue?replaces=${old}`);
    await poll(() => page.locator('#replace-notice').textContent()).toBe(`This permit will replace ${old}; ${old} will be revoked when the new one is issued.`);
    await poll(() => page.locator(id('/specimens/0/quantity')).inputValue()).toBe('1200');
    expect(await page.locator(id('/importer/name')).inputValue()).toBe('Gartenbau Meier AG');
    expect(await page.locator(id('/validUntil')).inputValue()).toBe('');
    expect(await page.locator('#replace-refusal').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'issue-replace');

    // The reason is required (the schema's), shown at its field like any finding.
    await page.locator(id('/specimens/0/quantity')).fill('900');
    await page.locator('#issue').click();
    await poll(() => page.locator(id('/replaces/reason')).getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`${id('/replaces/reason')}-errors`).textContent()).toBe('Error: A required field is missing. Missing: replaces.reason.');
    expect(await seriousViolations(page)).toEqual([]);

    await page.locator(id('/replaces/reason')).selectOption('damaged');
    await page.locator('#issue').click();
    await page.waitForURL(/\/console\/permits\/[^/]+$/, { timeout: 15_000 });
    const replacement = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    expect(replacement).not.toBe(old);
    await poll(() => text(page, '#permit-state')).toBe('Valid');
    const stored = await lk.api(`/api/permits/${replacement}`, { token: lk.officerToken });
    expect(stored.body.permit.replaces).toEqual({ permitNumber: old, reason: 'damaged' });
    expect(stored.body.permit.specimens[0].quantity).toBe(900);
    expect(stored.body.permit.importer).toEqual(orchids.importer);

    await page.goto(`${lk.url}/console/permits/${old}`);
    await poll(() => text(page, '#permit-state')).toBe('Revoked');
    expect(await text(page, '#revocation')).toMatch(/: Replaced$/);
    expect(await page.locator('.state-line a').getAttribute('href')).toBe(`/console/permits/${replacement}`);
    expect(await text(page, '.state-line a')).toBe(replacement);
    expect(problems).toEqual([]);
    await context.close();

    // Replacing it again is refused: said plainly, in each language, before and after issuing.
    const refusals = {
      en: `Permit ${old} is already revoked, so it cannot be replaced.`,
      fr: `Le permis ${old} est déjà révoqué\u00a0: il ne peut pas être remplacé.`,
      es: `El permiso ${old} ya está revocado: no se puede reemplazar.`,
    };
    const { context: again, page: p } = await consolePage(browser, problems);
    await signIn(p, lk.url, 'officer');
    await p.goto(`${lk.url}/console/issue?replaces=${old}`);
    await poll(() => p.locator('#replace-refusal').textContent()).toBe(refusals.en);
    await p.locator(id('/replaces/reason')).selectOption('lost');
    await p.locator('#issue').click();
    await poll(() => p.locator('#finding-summary li[data-code="REPLACED_PERMIT_REVOKED"]').count()).toBe(1);
    expect(await p.locator('#finding-summary li[data-code="REPLACED_PERMIT_REVOKED"] a').count()).toBe(0);
    expect(await p.locator('#replace-refusal').textContent()).toBe(refusals.en);
    expect(await p.locator('[aria-invalid="true"]').count()).toBe(0);
    // The console's language is kept in localStorage (src/i18n.ts): French and Spanish after a reload.
    for (const lang of ['fr', 'es'] as const) {
      await p.evaluate((l) => localStorage.setItem('saiga.console.lang', l), lang);
      await p.reload();
      await poll(() => p.locator('#replace-refusal').textContent()).toBe(refusals[lang]);
    }
    expect(await p.locator('#replace-notice').textContent()).toBe(`Este permiso reemplazará a ${old}; ${old} se revocará cuando se expida el nuevo.`);
    expect(problems).toEqual([]);
    await again.close();
  });

  it('a permit unknown here cannot be replaced, and says so', async () => {
    const { context, page } = await consolePage(browser, problems);
    await signIn(page, lk.url, 'officer');
    await page.goto(`${lk.url}/console/issue?replaces=LK26-E999999`);
    await poll(() => page.locator('#replace-refusal').textContent()).toBe('No permit numbered LK26-E999999 was issued by this authority, so it cannot be replaced.');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
