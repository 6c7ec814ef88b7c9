/**
 * What the verifier page does ahead of a scan, in Debian's Chromium with a fake camera
 * showing a real permit's QR code (a real agent process issues it): the idle preload of the
 * wasm decoder, which reads a real warm-up code; the idle warm-up of the verification code;
 * reading camera frames from their luma plane, or from a canvas where the browser has no
 * VideoFrame; and that none of it is needed: a failed preload still lets the camera and a
 * photo be read, and the paste path is unchanged.
 */
import { CHROMIUM_ARGS } from '../../bench/camera-frame.js';
import { encodePermitQr } from '../../src/qr/payload.js';
import { permitQrLink } from '../../src/qr/link.js';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initAuthority, readExample, serveAuthority, tempDir, type AuthorityProcess } from '../helpers/agent-process.js';
import { buildPage, hostPage, qrPng, watchPage, y4mFromPng, type PageHost } from './helpers.js';

let lk: AuthorityProcess;
let host: PageHost;
let browser: Browser;
let jwt: string;
let qrFile: string;
const work = tempDir('saiga-web-warm-');
const problems: string[] = [];

const WARM_UP_TEXT = 'SAIGA WARM-UP 0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ SAIGA WARM-UP 0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ';

beforeAll(async () => {
  buildPage();
  lk = await serveAuthority(await initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' }));
  host = await hostPage(lk);
  const response = await lk.api('/api/permits', { token: lk.officerToken, body: readExample('export-lk-orchids.json') });
  expect(response.status).toBe(201);
  jwt = (response.body as { jwt: string }).jwt;
  qrFile = join(work, 'permit-qr.png');
  const png = await qrPng(permitQrLink('https://verifier.example.org', encodePermitQr(jwt)), qrFile, 700, 'M');
  const camera = join(work, 'camera.y4m');
  y4mFromPng(png, camera);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${camera}`],
  });
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await lk?.stop();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  watchPage(page, problems);
  return page;
}

const marks = (page: Page) =>
  page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('saiga:')).map((m) => [m.name.slice(6), (m as PerformanceMark).detail ?? null])));

const waitForMark = (page: Page, name: string) => page.waitForFunction((n) => performance.getEntriesByName(`saiga:${n}`).length > 0, name, { timeout: 20_000 });

async function scan(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Scan with camera' }).click();
  const verdict = page.locator('#verdict[data-verdict]');
  await verdict.waitFor({ timeout: 30_000 });
  return (await verdict.getAttribute('data-verdict'))!;
}

describe('verifier page: ahead of a scan', () => {
  it('while idle, the wasm decoder loads and reads its warm-up code, and the verification code runs once; then the camera gives a valid verdict', async () => {
    const page = await newPage();
    await page.goto(`${host.url}/VERIFY`);
    await waitForMark(page, 'decoder-ready');
    await waitForMark(page, 'page-warm');
    // Debian's Chromium has no BarcodeDetector for QR codes: the wasm fallback, warmed on a real code.
    expect((await marks(page))['decoder-ready']).toEqual({ kind: 'wasm', warmUp: WARM_UP_TEXT });
    // The warm-up verified, showed and fetched nothing.
    expect(await page.locator('#verdict[data-verdict]').count()).toBe(0);
    expect(await scan(page)).toBe('valid');
    expect(await page.evaluate(() => performance.getEntriesByName('saiga:detect', 'measure').length)).toBeGreaterThanOrEqual(1);
    expect(await page.locator('#video').evaluate((v: HTMLVideoElement) => v.srcObject)).toBeNull();
    await page.context().close();
  });

  it('a page opened from a permit link verifies it at once and does not run the warm-up or load the decoder', async () => {
    const page = await newPage();
    await page.goto(`${host.url}/VERIFY#${encodeURIComponent(encodePermitQr(jwt))}`);
    await page.locator('#verdict[data-verdict="valid"]').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(2500);
    const seen = await marks(page);
    expect(seen['page-warm']).toBeUndefined();
    expect(seen['decoder-ready']).toBeUndefined();
    await page.context().close();
  });

  it('when the decoder could not be preloaded (its wasm request failed), the camera and a photo still give valid verdicts', async () => {
    for (const path of ['camera', 'photo'] as const) {
      const page = await newPage();
      // Every request for the wasm fails until the preload has given up (the decoder also
      // retries a failed streaming compile with a plain fetch); then the server answers again.
      let answer = false;
      let refused = 0;
      await page.route('**/*.wasm', async (route) => {
        if (answer) return route.continue();
        refused += 1;
        return route.abort('connectionreset');
      });
      await page.goto(`${host.url}/VERIFY`);
      await waitForMark(page, 'page-warm');
      await page.waitForFunction(() => performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.wasm')).length >= 2, undefined, { timeout: 20_000 });
      await page.waitForTimeout(500);
      expect((await marks(page))['decoder-ready']).toBeUndefined();
      expect(refused).toBeGreaterThanOrEqual(1);
      answer = true;
      if (path === 'camera') {
        expect(await scan(page)).toBe('valid');
      } else {
        await page.locator('#file').setInputFiles(qrFile);
        await page.locator('#verdict[data-verdict]').waitFor({ timeout: 30_000 });
        expect(await page.locator('#verdict').getAttribute('data-verdict')).toBe('valid');
      }
      expect((await marks(page))['decoder-ready']).toMatchObject({ kind: 'wasm' });
      await page.context().close();
    }
  });

  it('where the browser has no VideoFrame, camera frames are drawn on a canvas instead: still valid', async () => {
    const page = await newPage();
    await page.addInitScript(() => {
      delete (globalThis as { VideoFrame?: unknown }).VideoFrame;
    });
    await page.goto(`${host.url}/VERIFY`);
    await waitForMark(page, 'decoder-ready');
    expect(await page.evaluate(() => typeof (globalThis as { VideoFrame?: unknown }).VideoFrame)).toBe('undefined');
    expect(await scan(page)).toBe('valid');
    await page.context().close();
  });

  it('after the warm-up, pasted text is verified as before', async () => {
    const page = await newPage();
    await page.goto(`${host.url}/VERIFY`);
    await waitForMark(page, 'page-warm');
    await page.locator('#paste').fill(jwt);
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await page.locator('#verdict[data-verdict]').waitFor({ timeout: 30_000 });
    expect(await page.locator('#verdict').getAttribute('data-verdict')).toBe('valid');
    await page.context().close();
  });

  it('the page logged no error, broke no CSP rule and asked nothing of anyone but its host and the agent', () => {
    // The aborted wasm request is the test's own doing; Chromium logs it as a failed load.
    const refusedWasm = /wasm streaming compile failed|falling back to ArrayBuffer|both async and sync fetching of the wasm failed|Aborted\(|Failed to load resource: net::ERR_CONNECTION_RESET/;
    expect(problems.filter((p) => !refusedWasm.test(p))).toEqual([]);
  });
});
