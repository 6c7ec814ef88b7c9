/**
 * Issue 12 §1 in Chromium against a real agent process: the officer shares a permit from the
 * console's permit page (the link shown once), the holder opens it in English and in French
 * (axe-core: no serious violation; the CSP header, and no CSP violation or script error), the
 * full-screen QR code, and the officer withdraws the link through the confirmation dialog.
 * Screenshots: test-output/console/holder-*.png.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOLDER_PAGE_CSP } from '../../src/http/routes/holder-page.js';
import { readExample } from '../helpers/agent-process.js';
import { type ConsoleAuthority, consolePage, launchChromium, screenshot, seriousViolations, signIn, startConsoleAuthority } from '../console/helpers.js';

const SLOW = 150_000;
let lk: ConsoleAuthority;
let browser: Browser;
let permitNumber: string;
const problems: string[] = [];

beforeAll(async () => {
  lk = await startConsoleAuthority();
  browser = await launchChromium();
  const issued = await lk.api('/api/permits', { token: lk.officerToken, body: readExample('export-lk-orchids.json') });
  expect(issued.status).toBe(201);
  permitNumber = issued.body.permitNumber;
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await lk?.stop();
});

describe('the holder link, from the console to the holder', () => {
  it('is made on the permit page, opened in EN, FR and ES with no serious axe violation, and withdrawn through the dialog', async () => {
    const { context, page } = await consolePage(browser, problems);
    await signIn(page, lk.url, 'officer');
    await page.goto(`${lk.url}/console/permits/${permitNumber}`);
    await page.locator('#share-title').waitFor();
    await page.locator('#share-none').waitFor();
    await page.getByLabel('E-mail address (optional)').fill('not an address');
    await page.locator('#share-button').click();
    await expect.poll(() => page.locator('#share-email-error').isVisible(), { timeout: 20_000 }).toBe(true);
    await page.getByLabel('E-mail address (optional)').fill('trade@kandy-orchids.example.lk');
    await page.locator('#share-button').click();
    await page.locator('#share-url').waitFor({ timeout: 20_000 });
    const link = await page.locator('#share-url').inputValue();
    expect(link).toMatch(new RegExp(`^${lk.url.replace(/[.]/g, '\\.')}/holder/[A-Za-z0-9_-]{43}$`));
    await expect.poll(() => page.locator('#share-links tbody tr').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.locator('#share-links tbody tr').first().getAttribute('data-state')).toBe('active');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'holder-console-share');

    // The holder, in another browser context (no session), on a phone.
    const holder = await consolePage(browser, problems, { locale: 'en-GB', viewport: { width: 390, height: 844 } });
    const answer = await holder.page.goto(link);
    expect(answer?.status()).toBe(200);
    expect(answer?.headers()['content-security-policy']).toBe(HOLDER_PAGE_CSP);
    expect(answer?.headers()['cache-control']).toBe('no-store');
    expect(answer?.headers()['referrer-policy']).toBe('no-referrer');
    expect(await holder.page.locator('h1').innerText()).toBe(`CITES permit ${permitNumber}`);
    expect(await holder.page.locator('html').getAttribute('lang')).toBe('en');
    expect(await seriousViolations(holder.page)).toEqual([]);
    // Nothing scrolls sideways on a 390 px phone.
    expect(await holder.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(holder.page, 'holder-page-en');
    await holder.page.getByRole('link', { name: 'Show full screen, bright' }).click();
    await expect.poll(() => holder.page.locator('#qr-full').isVisible()).toBe(true);
    await screenshot(holder.page, 'holder-page-qr-full');
    await holder.page.getByRole('link', { name: 'Close' }).click();
    await expect.poll(() => holder.page.locator('#qr-full').isVisible()).toBe(false);

    await holder.page.getByRole('link', { name: 'Français' }).click();
    await holder.page.waitForURL(/lang=fr/);
    expect(await holder.page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await holder.page.locator('h1').innerText()).toBe(`Permis CITES ${permitNumber}`);
    expect(await seriousViolations(holder.page)).toEqual([]);
    await screenshot(holder.page, 'holder-page-fr');

    await holder.page.getByRole('link', { name: 'Español' }).click();
    await holder.page.waitForURL(/lang=es/);
    expect(await holder.page.locator('html').getAttribute('lang')).toBe('es');
    expect(await holder.page.locator('h1').innerText()).toBe(`Permiso CITES ${permitNumber}`);
    expect(await seriousViolations(holder.page)).toEqual([]);
    await screenshot(holder.page, 'holder-page-es');

    // Withdrawn from the console, through the confirmation dialog.
    await page.locator('[data-revoke-link]').click();
    await page.locator('#confirm-revoke-link').click();
    await expect.poll(() => page.locator('#share-links tbody tr').first().getAttribute('data-state'), { timeout: 20_000 }).toBe('revoked');
    const gone = await holder.page.goto(link);
    expect(gone?.status()).toBe(410);
    expect(await holder.page.locator('h1').innerText()).toBe('Link withdrawn');
    expect(await seriousViolations(holder.page)).toEqual([]);
    await screenshot(holder.page, 'holder-page-withdrawn');
    // The same refusal in Spanish (the language the holder last chose is in the address).
    const goneEs = await holder.page.goto(`${link}/?lang=es`);
    expect(goneEs?.status()).toBe(410);
    expect(await holder.page.locator('h1').innerText()).toBe('Enlace retirado');
    expect(await seriousViolations(holder.page)).toEqual([]);

    expect(problems).toEqual([]);
    await holder.context.close();
    await context.close();
  }, SLOW);
});
