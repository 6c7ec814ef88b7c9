/**
 * "Ask a wallet" end to end (issue 12 §3): the built page in Debian's Chromium, with
 * `navigator.credentials.get` stubbed (addInitScript + exposeFunction) so that the page's Digital
 * Credentials API request goes to a Node-side wallet, the OpenID4VP library's Openid4vpClient
 * (test/web/wallet.ts), holding a permit issued by a real agent process.
 */
import { CHROMIUM_ARGS } from '../../bench/camera-frame.js';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthorityProcess, initAuthority, readExample, serveAuthority } from '../helpers/agent-process.js';
import { buildPage, hostPage, watchPage, type PageHost } from './helpers.js';
import { answer, type WalletOptions } from './wallet.js';

const OUT = resolve('test-output/web');
let lk: AuthorityProcess;
let host: PageHost;
let browser: Browser;
let permitJwt: string;
const problems: string[] = [];

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  buildPage();
  lk = await serveAuthority(await initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' }));
  host = await hostPage(lk);
  const issued = await lk.api('/api/permits', { token: lk.officerToken, body: readExample('export-lk-orchids.json') });
  expect(issued.status).toBe(201);
  permitJwt = (issued.body as { jwt: string }).jwt;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await lk?.stop();
});

/** How the stubbed browser ends the request instead of the wallet answering: the person cancels, or the answer is unreadable. */
type Ending = 'cancel' | 'unreadable';

/** A page whose browser "has" the Digital Credentials API, answered by the Node wallet with `tamper` (or ended by `ending`). */
async function pageWithWallet(tamper?: WalletOptions['tamper'], ending?: Ending): Promise<{ page: Page; requests: unknown[] }> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  watchPage(page, problems);
  const requests: unknown[] = [];
  await page.exposeFunction('saigaTestWallet', async (request: { protocol: string; data: unknown }) => {
    requests.push(request);
    if (ending !== undefined) return ending;
    return JSON.stringify(await answer(request, host.url, { permitJwt, ...(tamper !== undefined && { tamper }) }));
  });
  await page.addInitScript(() => {
    class DigitalCredential {
      constructor(readonly protocol: string, readonly data: unknown) {}
    }
    Object.assign(window, { DigitalCredential });
    const wallet = (window as unknown as { saigaTestWallet: (r: unknown) => Promise<string> }).saigaTestWallet;
    Object.defineProperty(navigator.credentials, 'get', {
      value: async (options: { digital: { requests: { protocol: string; data: unknown }[] } }) => {
        const [request] = options.digital.requests;
        const reply = await wallet(request);
        // What Chromium does when the person closes the wallet chooser (DC API: a NotAllowedError).
        if (reply === 'cancel') throw new DOMException('The user cancelled the request.', 'NotAllowedError');
        if (reply === 'unreadable') return new DigitalCredential(request!.protocol, '{"vp_token": ');
        return new DigitalCredential(request!.protocol, JSON.parse(reply));
      },
    });
  });
  await page.goto(`${host.url}/verify`);
  return { page, requests };
}

describe('Ask a wallet', () => {
  it('a wallet presenting a genuine permit → valid, the presentation checks passed and the holder check says to check identity papers', async () => {
    const { page, requests } = await pageWithWallet();
    await page.getByRole('button', { name: 'Ask a wallet', exact: true }).click();
    await page.locator('#verdict[data-verdict]').waitFor({ timeout: 30_000 });
    expect(await page.locator('#verdict').getAttribute('data-verdict')).toBe('valid');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ protocol: 'openid4vp-v1-unsigned', data: { response_mode: 'dc_api', dcql_query: { credentials: [{ id: 'permit' }] } } });
    expect(await page.locator('#checks li.check.fail').count()).toBe(0);
    const checks = await page.locator('#checks').innerText();
    expect(checks).toContain('Wallet presentation');
    expect(checks).toContain('Check the identity papers of the person against box 3 or 4.');
    await page.screenshot({ path: join(OUT, 'wallet-valid.png'), fullPage: true });
    await page.context().close();
  });

  it.each([
    ['another nonce (a replayed answer)', { nonce: 'stale-session' }, 'PRESENTATION_NONCE_MISMATCH'],
    ['another origin', { audience: 'origin:https://evil.example' }, 'PRESENTATION_AUDIENCE_MISMATCH'],
  ])('a wallet answering with %s → refused with its code', async (_what, tamper, code) => {
    const { page } = await pageWithWallet(tamper);
    await page.getByRole('button', { name: 'Ask a wallet', exact: true }).click();
    await page.locator('#verdict[data-verdict]').waitFor({ timeout: 30_000 });
    expect(await page.locator('#verdict').getAttribute('data-verdict')).not.toBe('valid');
    expect(await page.locator('#verdict').getAttribute('data-code')).toBe(code);
    await page.context().close();
  });

  it.each([
    ['the person cancels in the wallet chooser', 'cancel'],
    ['the answer cannot be read', 'unreadable'],
  ] as const)('%s → PRESENTATION_NOT_RECEIVED, and the button is there to ask again', async (_what, ending) => {
    const { page } = await pageWithWallet(undefined, ending);
    await page.getByRole('button', { name: 'Ask a wallet', exact: true }).click();
    await page.locator('#verdict[data-verdict]').waitFor({ timeout: 30_000 });
    expect(await page.locator('#verdict').getAttribute('data-code')).toBe('PRESENTATION_NOT_RECEIVED');
    expect(await page.locator('#verdict').innerText()).toContain('Ask again, or scan the QR code of the permit.');
    expect(await page.getByRole('button', { name: 'Ask a wallet', exact: true }).isEnabled()).toBe(true);
    await page.context().close();
  });

  it('no browser problems (CSP, console errors) on the way', () => {
    expect(problems).toEqual([]);
  });
});
