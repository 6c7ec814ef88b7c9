/**
 * Key rotation from the console's administration screen (issue 9 §6, issue 11 §2) in Chromium
 * against a real agent process: an admin rotates the authority's key through the confirmation
 * dialog, with the keyboard, and sees the new key as current at once (the agent publishes it in
 * its DID document without a restart); then revokes the old key, a future compromise date being
 * refused in the dialog first. The audit trail names the admin; axe-core finds nothing serious.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const text = async (page: Page, selector: string) => ((await page.locator(selector).textContent()) ?? '').trim();
const rows = (page: Page, table: string) => page.locator(`${table} tbody tr`).evaluateAll((trs) => trs.map((r) => Array.from((r as HTMLTableRowElement).cells, (c) => c.innerText.trim())));
const poll = (fn: () => Promise<unknown>) => expect.poll(fn, { timeout: 15_000 });

describe('signing keys on the administration screen', () => {
  it('an admin rotates the authority key through the dialog and sees the new key as current, then revokes the old one', { timeout: 120_000 }, async () => {
    const { context, page } = await consolePage(browser, problems);
    await signIn(page, lk.url, 'admin');
    await page.goto(`${lk.url}/console/admin`);
    await page.locator('#keys tbody tr').first().waitFor();
    const [first] = await rows(page, '#keys');
    const oldKid = first![0]!;
    expect(oldKid).toMatch(new RegExp(`^${lk.did.replace(/[.%]/g, (c) => `\\${c}`)}#key-[A-Za-z0-9_-]{8}$`));
    // The last active key has no Revoke: it cannot be revoked (LAST_ACTIVE_KEY).
    expect(first).toEqual([oldKid, 'Current (signs)', 'Initial key', '—', '—', '']);
    expect(await rows(page, '#keys-customs')).toHaveLength(1);
    expect(await seriousViolations(page)).toEqual([]);

    // Rotate with the keyboard: the button, then the dialog's confirm button (focused first).
    await page.locator('#rotate-authority').focus();
    await page.keyboard.press('Enter');
    await page.locator('dialog.confirm[open]').waitFor();
    expect(await text(page, '#confirm-title')).toBe('Rotate the key of Management Authority (permits and status lists)?');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('confirm-action');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'keys-rotate-dialog');
    await page.keyboard.press('Enter');
    await poll(() => text(page, '#keys-outcome')).toMatch(/^The new key did:web:.+#key-[A-Za-z0-9_-]{8} signs from now on\.$/);
    const newKid = /^The new key (\S+) signs/.exec(await text(page, '#keys-outcome'))![1]!;
    expect(await page.locator('dialog.confirm').count()).toBe(0);
    await poll(async () => (await rows(page, '#keys')).length).toBe(2);
    const afterRotation = await rows(page, '#keys');
    expect(afterRotation.map((r) => [r[0], r[1]])).toEqual([
      [oldKid, 'Active'],
      [newKid, 'Current (signs)'],
    ]);
    expect(afterRotation[1]![2]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    // Published at once, without a restart.
    const published = (await (await fetch(`${lk.url}/.well-known/did.json`)).json()) as { assertionMethod: string[] };
    expect(published.assertionMethod).toEqual([oldKid, newKid]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'keys-rotated');

    // Revoke the old key: a compromise date in the future is refused in the dialog, then the revocation without one.
    await page.getByRole('button', { name: `Revoke ${oldKid}` }).click();
    await page.locator('dialog.confirm[open]').waitFor();
    expect(await text(page, '#confirm-title')).toBe(`Revoke the key ${oldKid}?`);
    await page.getByLabel('Compromised since (optional)').fill('2999-01-01');
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('#confirm-action').click();
    await poll(() => text(page, 'dialog.confirm [role=alert]')).toBe('Refused: The compromise date must be a date (2026-11-30) or a UTC date-time (2026-11-30T08:00Z), not in the future.');
    await page.getByLabel('Compromised since (optional)').fill('');
    await page.locator('#confirm-action').click();
    await poll(() => text(page, '#keys-outcome')).toBe(`The key ${oldKid} was revoked. ${newKid} signs from now on.`);
    await poll(async () => (await rows(page, '#keys'))[0]![1]).toBe('Revoked');
    const afterRevocation = await rows(page, '#keys');
    expect(afterRevocation[0]![3]).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // The new key is the last active one now: no Revoke for it.
    expect(afterRevocation[1]).toEqual([newKid, 'Current (signs)', afterRotation[1]![2], '—', '—', '']);

    // The audit trail names the admin (the session's user).
    const audit = (await page.evaluate(() => fetch('/api/audit?limit=1000').then((r) => r.json()))) as { items: { action: string; actorName: string; actorToken: string; subject: string }[] };
    expect(audit.items.filter((e) => e.action.startsWith('key.')).map((e) => [e.action, e.actorName, e.subject, e.actorToken.startsWith('user:')])).toEqual([
      ['key.rotate', ACCOUNTS.admin.name, newKid, true],
      ['key.revoke', ACCOUNTS.admin.name, oldKid, true],
    ]);

    // French: the section's words.
    await page.locator('#lang').selectOption('fr');
    await poll(() => text(page, '#keys-title')).toBe('Clés de signature');
    expect(await text(page, '#rotate-authority')).toBe('Changer de clé');
    expect((await rows(page, '#keys')).map((r) => r[1])).toEqual(['Révoquée', 'Actuelle (signe)']);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
    expect(problems).toEqual([]);
  });
});
