/**
 * The console's shell in Chromium against a real agent process (issue 11 §1, §4): GET /
 * leads to it, it is served under its strict CSP, an officer signs in and out through the
 * form, each role sees its own navigation, a wrong password shows the one refusal message,
 * the screens speak French and Spanish, and axe-core finds nothing serious.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_CSP } from '../../src/http/routes/console-page.js';
import { ACCOUNTS, type ConsoleAuthority, consolePage, launchChromium, screenshot, seriousViolations, signIn, startConsoleAuthority } from './helpers.js';

let lk: ConsoleAuthority;
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  lk = await startConsoleAuthority();
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await lk?.stop();
});

const navOf = (page: import('playwright-core').Page) => page.locator('header nav a').evaluateAll((links) => links.map((a) => (a as HTMLElement).dataset.screen));

describe('console shell', () => {
  it('GET / redirects to /console/, and the app comes with its CSP and hashed, immutable assets', async () => {
    const root = await fetch(`${lk.url}/`, { redirect: 'manual', headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/console/');
    const script = await fetch(`${lk.url}/`, { headers: { accept: 'application/json' } });
    expect(script.status).toBe(200);
    expect(await script.json()).toEqual({ console: '/console/', verify: '/verify', openapi: '/api/openapi.json' });
    const bare = await fetch(`${lk.url}/console`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/console/');
    for (const path of ['/console/', '/console/permits/LK-2026-000001']) {
      const page = await fetch(`${lk.url}${path}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      const html = await page.text();
      expect(html).toContain('<div id="app"></div>');
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    }
    expect(CONSOLE_CSP).not.toContain('unsafe-inline');
    expect(CONSOLE_CSP).not.toContain("'unsafe-eval'");
    const html = await (await fetch(`${lk.url}/console/`)).text();
    const entry = /src="(\/console\/assets\/index-[^"]+\.js)"/.exec(html)![1]!;
    const asset = await fetch(`${lk.url}${entry}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${lk.url}/console/assets/index-AAAAAAAA.js`)).status).toBe(404);
    expect((await fetch(`${lk.url}/console/assets/..%2Fagent.yml`)).status).toBe(404);
  });

  it('an officer is refused with a wrong password, signs in, sees the officer navigation, and signs out on the server', async () => {
    const { context, page } = await consolePage(browser, problems);
    await page.goto(`${lk.url}/console/`);
    await page.getByLabel('Username').fill(ACCOUNTS.officer.username);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('#sign-in-error').textContent()).toBe(
      'The username, password or code is not right, or the account is locked for a while after too many failures.',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in-refused');

    await signIn(page, lk.url, 'officer');
    expect(await page.locator('#who').textContent()).toBe('Signed in as Anoma Perera (Permit officer)');
    expect(await navOf(page)).toEqual(['dashboard', 'issue', 'permits']);
    await screenshot(page, 'officer-signed-in');

    // A reload keeps the session (GET /api/session gives the CSRF token again).
    await page.reload();
    await page.locator('#who[data-role="officer"]').waitFor();

    const cookies = await context.cookies();
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    const sessionCookie = `${cookies[0]!.name}=${cookies[0]!.value}`;
    expect((await fetch(`${lk.url}/api/session`, { headers: { cookie: sessionCookie } })).status).toBe(200);

    await page.locator('#sign-out').click();
    await page.getByLabel('Username').waitFor();
    // The server ended the session: the old cookie no longer works.
    const after = await fetch(`${lk.url}/api/session`, { headers: { cookie: sessionCookie } });
    expect(after.status).toBe(401);
    expect(((await after.json()) as { error: { code: string } }).error.code).toBe('SESSION_EXPIRED');
    await context.close();
  });

  it('customs lands on the customs screen and an officer screen is refused; the admin sees administration', async () => {
    const customs = await consolePage(browser, problems, { viewport: { width: 390, height: 844 } });
    await signIn(customs.page, lk.url, 'customs');
    await customs.page.waitForURL(`${lk.url}/console/customs`);
    expect(await navOf(customs.page)).toEqual(['customs']);
    await customs.page.goto(`${lk.url}/console/issue`);
    await customs.page.locator('main[data-refused="role"]').waitFor();
    expect(await customs.page.locator('#screen-title').textContent()).toBe('Not for your role');
    expect(await seriousViolations(customs.page)).toEqual([]);
    await screenshot(customs.page, 'customs-refused-officer-screen');
    await customs.context.close();

    const admin = await consolePage(browser, problems);
    await signIn(admin.page, lk.url, 'admin');
    expect(await navOf(admin.page)).toEqual(['dashboard', 'permits', 'admin']);
    await admin.context.close();
  });

  it('the sign-in screen in French and Spanish follows the browser, and the choice is kept', async () => {
    for (const [locale, title, button] of [
      ['fr-FR', 'Connexion', 'Se connecter'],
      ['es-ES', 'Iniciar sesión', 'Iniciar sesión'],
    ] as const) {
      const { context, page } = await consolePage(browser, problems, { locale });
      await page.goto(`${lk.url}/console/`);
      await expect.poll(() => page.locator('#screen-title').textContent()).toBe(title);
      expect(await page.locator('html').getAttribute('lang')).toBe(locale.slice(0, 2));
      expect(await page.locator('form button[type=submit]').textContent()).toBe(button);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `sign-in-${locale}`);
      await page.locator('#lang').selectOption('en');
      await expect.poll(() => page.locator('#screen-title').textContent()).toBe('Sign in');
      await page.reload();
      await expect.poll(() => page.locator('#screen-title').textContent()).toBe('Sign in');
      await context.close();
    }
  });

  it('nothing was refused by the CSP and no page error happened', () => {
    expect(problems).toEqual([]);
  });
});
