/**
 * Issue 12 §2, the holder page's "Add to a wallet" in Chromium (in-process agent, real SQLite and
 * HTTP on loopback, pinned clock): the plain form works without script under the page's CSP
 * (form-action 'self'), the 303 brings back the page with the offer, whose QR code (a data: PNG,
 * img-src data:) loads; no CSP violation, no script error, no serious axe violation, in EN and ES.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { consolePage, launchChromium, seriousViolations } from '../console/helpers.js';
import { example } from '../store/helpers.js';
import { oid4vciAgent, type Oid4vciAgent } from '../oid4vci/helpers.js';

let agent: Oid4vciAgent;
let browser: Browser;
const codes: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  agent = await oid4vciAgent(new Date('2026-12-01T12:00:00Z'), { holderLinkMailer: { sendHolderLink: async () => undefined, sendWalletCode: async ({ txCode }) => void codes.push(txCode) } });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await agent?.close();
});

describe('"Add to a wallet" in a browser', () => {
  it('the form asks for an offer without script; the page then shows its QR code and link', async () => {
    const issued = await agent.saiga.capabilities.issuance.issue(example('export-lk-orchids.json'), { signatory: 'Anoma Perera' });
    if (!issued.ok) throw new Error(JSON.stringify(issued.errors));
    const shared = await agent.saiga.capabilities.holderLinks.share(issued.record.permitNumber, { email: 'trade@kandy-orchids.example.lk', language: 'en' }, { name: 'Kamal Perera' });
    if (!shared.ok) throw new Error(shared.code);
    const { page } = await consolePage(browser, problems, { locale: 'es-ES', viewport: { width: 390, height: 844 } });
    await page.goto(shared.url);
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    expect(await page.locator('#wallet-heading').innerText()).toBe('Añadir a una billetera');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Obtener una oferta para la billetera' }).click();
    await page.locator('img.wallet-qr').waitFor();
    expect(page.url()).toBe(`${shared.url}/?lang=es`);
    expect(codes).toHaveLength(1);
    expect(await page.locator('img.wallet-qr').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await page.locator('img.wallet-qr').getAttribute('alt')).toBe('Código QR de la oferta del permiso para una billetera');
    const href = await page.getByRole('link', { name: 'Abrir en una aplicación de billetera' }).getAttribute('href');
    expect(href).toMatch(/^openid-credential-offer:\/\/\?credential_offer_uri=/);
    expect(await page.content()).not.toContain(codes[0]!);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(problems).toEqual([]);
  }, 60_000);
});
