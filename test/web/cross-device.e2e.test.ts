/**
 * "Ask a wallet on a phone" end to end: the page served by a real agent process at /verify, in
 * Debian's Chromium; the QR code it shows is read back from a screenshot with jsQR, and the Node
 * wallet (the library's Openid4vpClient, test/web/wallet.ts) answers it to the agent's relay.
 */
import { CHROMIUM_ARGS } from '../../bench/camera-frame.js';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { setGlobalConfig } from '@openid4vc/oauth2';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthorityProcess, initAuthority, readExample, serveAuthority } from '../helpers/agent-process.js';
import { buildPage, watchPage } from './helpers.js';
import { answerCrossDevice } from './wallet.js';

// jsqr is CommonJS: its function is the default export under Node ESM, the module itself elsewhere.
type JsQR = typeof jsQRModule.default;
const jsQR: JsQR = (jsQRModule as unknown as { default?: JsQR }).default ?? (jsQRModule as unknown as JsQR);

// Tests only: the agent is http on localhost (the agent allows it itself for a loopback saiga.url).
setGlobalConfig({ allowInsecureUrls: true });

const OUT = resolve('test-output/web');
let lk: AuthorityProcess;
let browser: Browser;
let permitJwt: string;
const problems: string[] = [];

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  buildPage();
  lk = await serveAuthority(await initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' }));
  const issued = await lk.api('/api/permits', { token: lk.officerToken, body: readExample('export-lk-orchids.json') });
  expect(issued.status).toBe(201);
  permitJwt = (issued.body as { jwt: string }).jwt;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await lk?.stop();
});

async function openPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1000, height: 1100 } });
  const page = await context.newPage();
  watchPage(page, problems);
  await page.goto(`${lk.url}/verify`);
  return page;
}

/** The request the page shows, read from its QR code as a phone's camera would. */
async function scanShownCode(page: Page): Promise<string> {
  const qr = page.locator('#cross-device-qr');
  await qr.waitFor({ state: 'visible', timeout: 30_000 });
  await page.waitForFunction(() => (document.getElementById('cross-device-qr') as HTMLImageElement).naturalWidth > 0);
  const png = PNG.sync.read(await qr.screenshot({ path: join(OUT, 'cross-device-qr.png') }));
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!code) throw new Error('no QR code in the screenshot');
  return code.data;
}

describe('Ask a wallet on a phone', () => {
  it('the QR code is the request; the wallet answers to the agent; the page shows valid with the presentation and holder checks', async () => {
    const page = await openPage();
    await page.getByRole('button', { name: 'Ask a wallet on a phone' }).click();
    const uri = await scanShownCode(page);
    expect(uri.startsWith('openid4vp://?')).toBe(true);
    expect(await page.locator('#cross-device-link').getAttribute('href')).toBe(uri);
    expect(await page.locator('#cross-device-status').innerText()).toBe('Waiting for the wallet…');
    expect(await page.locator('#cross-device-qr').getAttribute('alt')).toBe('QR code of the request for a permit, for a wallet app to scan');
    expect(await answerCrossDevice(uri, { permitJwt })).toEqual({ status: 200, body: {} });
    await page.locator('#verdict[data-verdict]').waitFor({ timeout: 30_000 });
    expect(await page.locator('#verdict').getAttribute('data-verdict')).toBe('valid');
    expect(await page.locator('#checks li.check.fail').count()).toBe(0);
    const checks = await page.locator('#checks').innerText();
    expect(checks).toContain('Wallet presentation');
    expect(checks).toContain('redirect_uri:');
    expect(checks).toContain('Check the identity papers of the person against box 3 or 4.');
    expect(await page.locator('#cross-device').isHidden()).toBe(true);
    await page.screenshot({ path: join(OUT, 'cross-device-valid.png'), fullPage: true });
    await page.context().close();
  });

  it('Cancel hides the request, says so, and the wallet that answers later changes nothing on the page', async () => {
    const page = await openPage();
    await page.getByRole('button', { name: 'Ask a wallet on a phone' }).click();
    const uri = await scanShownCode(page);
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.locator('#cross-device').isHidden()).toBe(true);
    expect(await page.locator('#input-message').innerText()).toBe('The request to the wallet was cancelled.');
    expect(await answerCrossDevice(uri, { permitJwt })).toEqual({ status: 200, body: {} });
    await page.waitForTimeout(2500);
    expect(await page.locator('#verdict').getAttribute('data-verdict')).toBeNull();
    await page.context().close();
  });

  it('no browser problems (CSP, console errors) on the way', () => {
    expect(problems).toEqual([]);
  });
});
