/**
 * Helpers for the console's Chromium tests (issue 11): one real agent process with a console
 * account per role, Debian's Chromium, sign-in through the real form, axe-core's report,
 * and screenshots kept under test-output/console/.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../bench/camera-frame.js';
import { type AuthorityProcess, type AuthoritySpec, initAuthority, runCli, serveAuthority } from '../helpers/agent-process.js';

export const SCREENSHOTS = resolve('test-output/console');

/** One account per role; the password is the test's own, passed as the CLI reads it (SAIGA_USER_PASSWORD). */
export const ACCOUNTS = {
  officer: { username: 'aperera', name: 'Anoma Perera', password: 'orchid-export-2026' },
  customs: { username: 'kfernando', name: 'Kamal Fernando', password: 'colombo-port-2026' },
  admin: { username: 'nsilva', name: 'Nirmala Silva', password: 'authority-admin-2026' },
} as const;
export type AccountRole = keyof typeof ACCOUNTS;

export interface ConsoleAuthority extends AuthorityProcess {
  /** The agent's config file, for the CLI. */
  config: string;
}

const SRI_LANKA: AuthoritySpec = { country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' };

/** `saiga init` and one console account per role; not started (peers may be added first, then serveAuthority). */
export async function initConsoleAuthority(spec: AuthoritySpec = SRI_LANKA): Promise<Awaited<ReturnType<typeof initAuthority>>> {
  const init = await initAuthority(spec);
  for (const [role, account] of Object.entries(ACCOUNTS)) {
    const created = await runCli(['user', 'create', account.username, '--name', account.name, '--role', role, '--config', init.config, '--json'], { SAIGA_USER_PASSWORD: account.password });
    if (created.code !== 0) throw new Error(`user create failed: ${created.stderr}${created.stdout}`);
  }
  return init;
}

/** `saiga init`, one console account per role, then `saiga serve`. */
export async function startConsoleAuthority(spec: AuthoritySpec = SRI_LANKA): Promise<ConsoleAuthority> {
  return serveAuthority(await initConsoleAuthority(spec));
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A page that records CSP violations, console errors and page errors into `problems`. */
export async function consolePage(browser: Browser, problems: string[], options: { locale?: string; viewport?: { width: number; height: number } } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: options.locale ?? 'en-GB', viewport: options.viewport ?? { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`));
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    // A refused API call (401, 403, 422…) is the browser's own log line, not the page's error.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { context, page };
}

/** Signs in through the form, as a person would, and waits for the signed-in shell. */
export async function signIn(page: Page, base: string, role: AccountRole): Promise<void> {
  const account = ACCOUNTS[role];
  await page.goto(`${base}/console/`);
  await page.getByLabel('Username').fill(account.username);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator(`#who[data-role="${role}"]`).waitFor({ timeout: 15_000 });
}

/** axe-core's violations of impact serious or critical (issue 11 §4: none on any screen). */
export async function seriousViolations(page: Page): Promise<{ id: string; impact: string | null | undefined; nodes: string[] }[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
