/**
 * The verifier page in Chromium across a key rotation (issue 9 §6): with the issuer's DID
 * document already in its cache (it verified a permit signed with the first key), the same
 * page verifies a permit signed with the new key, because the unknown kid makes it fetch the
 * document again, and the old permit still verifies.
 */
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from '../../bench/camera-frame.js';
import { type AuthorityProcess, initAuthority, readExample, runCli, serveAuthority } from '../helpers/agent-process.js';
import { buildPage, hostPage, watchPage, type PageHost } from '../web/helpers.js';

type Init = Awaited<ReturnType<typeof initAuthority>>;
let init: Init;
let lk: AuthorityProcess;
let host: PageHost;
let browser: Browser;
const problems: string[] = [];
const kidOf = (jwt: string) => (JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString('utf8')) as { kid: string }).kid;

async function issue(officerToken: string): Promise<string> {
  const response = await lk.api('/api/permits', { token: officerToken, body: readExample('export-lk-orchids.json') });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return (response.body as { jwt: string }).jwt;
}

beforeAll(async () => {
  buildPage();
  init = await initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' });
  lk = await serveAuthority(init);
  host = await hostPage(lk);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await lk?.stop();
});

describe('the verifier page after a key rotation', () => {
  it('verifies a permit signed with the new key although its cached document lacks it, and the old one still', { timeout: 180_000 }, async () => {
    const officerToken = lk.officerToken;
    const oldJwt = await issue(officerToken);
    const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    watchPage(page, problems);
    const verdictAfterPasting = async (jwt: string) => {
      await page.locator('#verdict[data-verdict]').evaluate((el) => el.removeAttribute('data-verdict')).catch(() => undefined);
      await page.getByLabel(/Or paste/).fill(jwt);
      await page.getByRole('button', { name: 'Verify' }).click();
      const verdict = page.locator('#verdict[data-verdict]');
      await verdict.waitFor({ timeout: 30_000 });
      return verdict.getAttribute('data-verdict');
    };
    await page.goto(`${host.url}/VERIFY`);
    expect(await verdictAfterPasting(oldJwt)).toBe('valid');

    await lk.stop();
    const rotated = await runCli(['key', 'rotate', '--config', init.config, '--json']);
    expect(rotated.code, rotated.stderr).toBe(0);
    const newKid = (JSON.parse(rotated.stdout) as { kid: string }).kid;
    lk = await serveAuthority(init);
    const newJwt = await issue(officerToken);
    expect(kidOf(newJwt)).toBe(newKid);
    expect(kidOf(oldJwt)).not.toBe(newKid);

    expect(await verdictAfterPasting(newJwt)).toBe('valid');
    expect(await page.locator('#checks li.check.fail').count()).toBe(0);
    expect(await verdictAfterPasting(oldJwt)).toBe('valid');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
