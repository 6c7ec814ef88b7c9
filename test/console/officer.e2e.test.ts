/**
 * The officer's screens in Chromium against a real agent process (issue 11 §2): the permit
 * page (boxes, PDF, revoke through the confirmation), search and CSV, the dashboard's
 * counts, and administration. Permits are issued through the API with the officer's bearer
 * token; everything else is done through the console as a person would. Every screen is
 * checked with axe-core and photographed (test-output/console/officer-*.png).
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, readExample } from '../helpers/agent-process.js';
import { type ConsoleAuthority, consolePage, launchChromium, screenshot, seriousViolations, signIn, startConsoleAuthority } from './helpers.js';

/** A Chromium flow with several screens takes longer than the default 60 s on a loaded 2-core machine. */
const SLOW = 150_000;

let lk: ConsoleAuthority;
let browser: Browser;
const problems: string[] = [];
/** The permits issued for the test, by example. */
const issued: Record<string, { permitNumber: string; issuedAt: string; validUntil: string }> = {};

/** Issues an example permit (optionally changed) through the API with the officer's bearer token. */
async function issue(name: string, example: string, change: (request: any) => void = () => {}): Promise<void> {
  const request = readExample(`${example}.json`);
  change(request);
  const answer = await lk.api('/api/permits', { token: lk.officerToken, body: request });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  const stored = await lk.api(`/api/permits/${answer.body.permitNumber}`, { token: lk.officerToken });
  issued[name] = { permitNumber: answer.body.permitNumber, issuedAt: stored.body.issuedAt, validUntil: stored.body.validUntil };
}

const text = (page: Page, selector: string) => page.locator(selector).innerText();
/** expect.poll with room for a loaded machine (a password hash or a signature can take seconds). */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 });

beforeAll(async () => {
  lk = await startConsoleAuthority();
  browser = await launchChromium();
  await issue('orchids', 'export-lk-orchids');
  // Two more of the orchid example with another species, one of them suspended, for search and counts.
  for (const name of ['dendrobium', 'suspended']) {
    await issue(name, 'export-lk-orchids', (r) => Object.assign(r.specimens[0], { scientificName: 'Dendrobium nobile', commonName: 'Noble dendrobium', quantity: 300 }));
  }
  const suspended = await lk.api(`/api/permits/${issued.suspended!.permitNumber}/suspend`, { token: lk.officerToken, body: { reason: 'Inquiry into the nursery' } });
  expect(suspended.status).toBe(200);
  // Customs endorses the export of the Dendrobium permit (block A, all 300 plants).
  const customsToken = await createToken(lk.config, 'customs', 'Kamal Fernando');
  const endorsed = await lk.api(`/api/permits/${issued.dendrobium!.permitNumber}/endorsements`, {
    token: customsToken,
    body: { blocks: [{ block: 'A', quantity: 300 }], portOfExport: 'LKCMB', date: issued.dendrobium!.issuedAt.slice(0, 10), transportDocument: '176-12345675' },
  });
  expect(endorsed.status, JSON.stringify(endorsed.body)).toBe(201);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await lk?.stop();
});

describe('the permit page', { timeout: SLOW }, () => {
  it('shows the permit box by box, its history and QR code; the PDF downloads; revoking asks for a reason and a confirmation', async () => {
    const { context, page } = await consolePage(browser, problems);
    await signIn(page, lk.url, 'officer');
    const orchids = issued.orchids!;
    await page.goto(`${lk.url}/console/permits/${orchids.permitNumber}`);
    await page.locator('#box-1').waitFor();
    expect(await text(page, '#screen-title')).toBe(`Permit ${orchids.permitNumber}`);
    expect(await text(page, '#permit-state')).toBe('Valid');
    expect(await text(page, '#box-1')).toBe(orchids.permitNumber);
    expect(await text(page, '#box-2')).toBe(orchids.validUntil);
    expect(await text(page, '#box-3')).toBe('Gartenbau Meier AG\nSeestrasse 201, 8800 Thalwil');
    expect(await text(page, '#box-3a')).toBe('Switzerland');
    expect(await text(page, '#box-4')).toBe('Kandy Orchid Nurseries (Pvt) Ltd\n45 Peradeniya Road, Kandy\nSri Lanka');
    expect(await text(page, '#box-5a')).toBe('T – Commercial');
    expect(await text(page, '#box-A-7')).toBe('Phalaenopsis amabilis (Moth orchid)');
    expect(await text(page, '#box-A-9')).toBe('Artificially propagated flowering plants in pots\nTerm: LIV – Live');
    expect(await text(page, '#box-A-10')).toBe('Appendix: II\nSource: A – Plants artificially propagated in accordance with Res. Conf. 11.11, including parts and derivatives, exported under Article VII(5)');
    expect(await text(page, '#box-A-11')).toBe('1200 NAR – number of specimens');
    expect(await text(page, '#box-13')).toContain('Signatory: Test Officer');
    expect(await page.locator('#history tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).innerText.split('\t').slice(1)))).toEqual([['Issued', 'Test Officer', '']]);
    expect(await text(page, '#endorsement')).toBe('Not endorsed by customs yet.');
    await page.locator('#permit-qr').waitFor();
    expect(await page.locator('#permit-qr').getAttribute('alt')).toBe(`QR code of permit ${orchids.permitNumber}`);
    expect(await page.locator('.qr').getAttribute('data-kind')).toBe('qr');
    expect(await page.locator('#permit-qr-text').textContent()).toMatch(new RegExp(`^HTTP://LOCALHOST:\\d+/VERIFY#CP3:`));
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'officer-permit');

    // The PDF: the answer is application/pdf and the file a PDF.
    const [download, response] = await Promise.all([
      page.waitForEvent('download'),
      page.waitForResponse((r) => r.url().endsWith(`/api/permits/${orchids.permitNumber}/pdf?lang=fr`)),
      page.getByRole('button', { name: 'PDF in French' }).click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect(download.suggestedFilename()).toBe(`${orchids.permitNumber}-fr.pdf`);
    expect(readFileSync((await download.path())!).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // Revoke: the dialog asks for a reason, Escape cancels, then the revocation goes through.
    await page.getByRole('button', { name: 'Revoke…' }).click();
    const dialog = page.getByRole('dialog', { name: `Revoke permit ${orchids.permitNumber}?` });
    await dialog.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'officer-permit-revoke-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await text(page, '#permit-state')).toBe('Valid');

    await page.getByRole('button', { name: 'Revoke…' }).click();
    await dialog.getByRole('button', { name: 'Revoke the permit' }).click();
    expect(await text(page, '#reason-error')).toBe('Give a reason.');
    const reason = dialog.getByLabel('Reason for the revocation');
    await reason.selectOption('fraud');
    await reason.focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await poll(() => text(page, '#permit-outcome')).toBe('The permit was revoked.');
    await poll(() => text(page, '#permit-state')).toBe('Revoked');
    expect(await text(page, '#revocation')).toMatch(/^ · Revoked on \d{4}-\d{2}-\d{2}T[\d:.]+Z: Fraud$/);
    expect(await page.locator('#history tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).innerText.split('\t').slice(1)))).toEqual([
      ['Issued', 'Test Officer', ''],
      ['Revoked', 'Anoma Perera', 'Fraud'],
    ]);
    expect(await page.locator('button[data-action=revoke]').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'officer-permit-revoked');

    // The server refuses a second revocation (the button is gone; a direct call shows the code).
    const again = await lk.api(`/api/permits/${orchids.permitNumber}/revoke`, { token: lk.officerToken, body: { reason: 'again' } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('LIFECYCLE_REFUSED');
    await context.close();
  });
});

const rowsOf = (page: Page) => page.locator('#results tbody tr').evaluateAll((rows) => rows.map((r) => Array.from((r as HTMLTableRowElement).cells, (c) => c.innerText.trim())));

describe('search and list', { timeout: SLOW }, () => {
  it('finds the revoked permit by species, links to it, pages, and exports the exact CSV', async () => {
    const { context, page } = await consolePage(browser, problems);
    await signIn(page, lk.url, 'officer');
    const { orchids, dendrobium, suspended } = issued as Required<typeof issued>;
    await page.goto(`${lk.url}/console/permits`);
    await page.locator('#results').waitFor();
    expect(await text(page, '#results-count')).toBe('Permits 1–3 of 3');
    expect((await rowsOf(page)).map((r) => r[0])).toEqual([suspended.permitNumber, dendrobium.permitNumber, orchids.permitNumber]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'officer-permits');

    await page.getByLabel('Species (scientific name)').fill('phalaenopsis AMABILIS');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await poll(() => text(page, '#results-count')).toBe('Permits 1–1 of 1');
    expect(page.url()).toBe(`${lk.url}/console/permits?species=phalaenopsis+AMABILIS`);
    expect(await rowsOf(page)).toEqual([
      [orchids.permitNumber, 'Export', 'Revoked', orchids.issuedAt, orchids.validUntil, 'Kandy Orchid Nurseries (Pvt) Ltd', 'Gartenbau Meier AG', 'Phalaenopsis amabilis'],
    ]);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('#csv').click()]);
    expect(csv.suggestedFilename()).toBe('permits.csv');
    expect(readFileSync((await csv.path())!, 'utf8')).toBe(
      'permitNumber,documentType,state,exporter,exporterCountry,importer,importerCountry,species,issuedAt,validUntil\r\n' +
        `${orchids.permitNumber},export,revoked,Kandy Orchid Nurseries (Pvt) Ltd,LK,Gartenbau Meier AG,CH,Phalaenopsis amabilis,${orchids.issuedAt},${orchids.validUntil}\r\n`,
    );
    await page.getByRole('link', { name: orchids.permitNumber }).click();
    await poll(() => text(page, '#screen-title')).toBe(`Permit ${orchids.permitNumber}`);

    // Paged: two a page.
    await page.goto(`${lk.url}/console/permits?size=2`);
    await poll(() => text(page, '#results-count')).toBe('Permits 1–2 of 3');
    expect(await page.getByRole('button', { name: 'Previous page' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Next page' }).click();
    await poll(() => text(page, '#results-count')).toBe('Permits 3–3 of 3');
    expect(page.url()).toBe(`${lk.url}/console/permits?size=2&page=1`);
    expect((await rowsOf(page)).map((r) => r[0])).toEqual([orchids.permitNumber]);
    expect(await page.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);

    // State and date range; a date range that ends before today finds nothing.
    await page.goto(`${lk.url}/console/permits?state=suspended`);
    await poll(() => text(page, '#results-count')).toBe('Permits 1–1 of 1');
    expect((await rowsOf(page))[0]!.slice(0, 3)).toEqual([suspended.permitNumber, 'Export', 'Suspended']);
    const today = orchids.issuedAt.slice(0, 10);
    await page.goto(`${lk.url}/console/permits?from=${today}&to=${today}`);
    await poll(() => text(page, '#results-count')).toBe('Permits 1–3 of 3');
    await page.goto(`${lk.url}/console/permits?to=2020-01-01`);
    await poll(() => text(page, '#results-count')).toBe('No permit matches.');

    // By trader: part of the importer's or exporter's name (box 3 or 4), capitals ignored.
    await page.goto(`${lk.url}/console/permits`);
    await page.getByLabel('Trader (importer or exporter)').fill('MEIER');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await poll(() => text(page, '#results-count')).toBe('Permits 1–3 of 3');
    expect(page.url()).toBe(`${lk.url}/console/permits?trader=MEIER`);
    await page.goto(`${lk.url}/console/permits?trader=Nobody+Ltd`);
    await poll(() => text(page, '#results-count')).toBe('No permit matches.');

    // By number: an unknown one is said so; a known one opens.
    await page.getByLabel('Permit number').fill('LK26-E999999');
    await page.getByRole('button', { name: 'Open' }).click();
    expect(await text(page, '#f-number-error')).toBe('No permit numbered LK26-E999999 was issued here.');
    await page.getByLabel('Permit number').fill(dendrobium.permitNumber);
    await page.getByRole('button', { name: 'Open' }).click();
    await poll(() => text(page, '#screen-title')).toBe(`Permit ${dendrobium.permitNumber}`);
    await context.close();
  });

  it('the list in French and Spanish', async () => {
    // Signed in in English (the helper fills the English form), then switched with the shell's language menu.
    for (const [lang, title, count, state, button] of [
      ['fr', 'Permis', 'Permis 1 à 1 sur 1', 'Suspendu', 'Exporter tous les résultats en CSV'],
      ['es', 'Permisos', 'Permisos 1–1 de 1', 'Suspendido', 'Exportar todos los resultados en CSV'],
    ] as const) {
      const { context, page } = await consolePage(browser, problems);
      await signIn(page, lk.url, 'officer');
      await page.goto(`${lk.url}/console/permits?state=suspended`);
      await page.locator('#lang').selectOption(lang);
      await poll(() => text(page, '#results-count')).toBe(count);
      expect(await text(page, '#screen-title')).toBe(title);
      expect((await rowsOf(page))[0]![2]).toBe(state);
      expect(await text(page, '#csv')).toBe(button);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `officer-permits-${lang}`);
      await context.close();
    }
  });
});

const countsOf = (page: Page, list: string) =>
  page.locator(`${list} [data-count]`).evaluateAll((items) => items.map((i) => [(i as HTMLElement).dataset.count, (i as HTMLElement).querySelector('.count')!.textContent]));

describe('the dashboard', { timeout: SLOW }, () => {
  it('counts the permits by state, each linking to its list; no incoming permit; the exchange is for admins', async () => {
    // GET /api/dashboard's figures; imported and expiring soon are figures, the others link to their list.
    const expected = [
      ['all', '3'],
      ['valid', '0'],
      ['used', '1'],
      ['expired', '0'],
      ['revoked', '1'],
      ['suspended', '1'],
      ['imported', '0'],
      ['expiringSoon', '0'],
    ];
    const { context, page } = await consolePage(browser, problems);
    await signIn(page, lk.url, 'officer');
    for (const part of ['#permit-counts', '#incoming-total', '#undeliverable']) await page.locator(part).waitFor();
    expect(await text(page, '#screen-title')).toBe('Dashboard');
    expect(await countsOf(page, '#permit-counts')).toEqual(expected);
    expect(await text(page, '#incoming-total')).toBe('No permit was sent to us for import.');
    expect(await text(page, '#undeliverable')).toBe('0 messages could not be delivered');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'officer-dashboard');
    await page.locator('[data-count=revoked]').click();
    await poll(() => text(page, '#results-count')).toBe('Permits 1–1 of 1');
    expect(page.url()).toBe(`${lk.url}/console/permits?state=revoked`);
    expect((await rowsOf(page))[0]![0]).toBe(issued.orchids!.permitNumber);

    await page.goto(`${lk.url}/console/`);
    await page.locator('#lang').selectOption('es');
    await poll(() => text(page, '#screen-title')).toBe('Panel');
    await page.locator('#permit-counts').waitFor();
    await page.locator('#incoming-total').waitFor();
    expect(await page.locator('#permit-counts .count-label').allTextContents()).toEqual([
      'Expedidos',
      'Válidos',
      'Utilizados (exportados)',
      'Vencidos',
      'Revocados',
      'Suspendidos',
      'Importados (confirmados)',
      'Vencen en 30 días',
    ]);
    expect(await text(page, '#incoming-total')).toBe('No se nos envió ningún permiso para importación.');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'officer-dashboard-es');
    await context.close();

    const admin = await consolePage(browser, problems);
    await signIn(admin.page, lk.url, 'admin');
    for (const part of ['#permit-counts', '#undeliverable']) await admin.page.locator(part).waitFor();
    expect(await text(admin.page, '#undeliverable')).toBe('0 messages could not be delivered');
    expect(await countsOf(admin.page, '#permit-counts')).toEqual(expected);
    await admin.context.close();
  });
});

const cellsOf = (page: Page, table: string) => page.locator(`${table} tbody tr`).evaluateAll((rows) => rows.map((r) => Array.from((r as HTMLTableRowElement).cells, (c) => c.innerText.trim())));

/** The row of `table` whose first cell is `first`, once the list has reloaded. */
async function rowOf(page: Page, table: string, first: string, done: (row: string[]) => boolean = () => true): Promise<string[]> {
  await poll(async () => (await cellsOf(page, table)).some((r) => r[0] === first && done(r))).toBe(true);
  return (await cellsOf(page, table)).find((r) => r[0] === first)!;
}

describe('administration', { timeout: SLOW }, () => {
  it('an admin creates and disables a user, creates a token shown once that works, revokes it, and reads trust and keys', async () => {
    const { context, page } = await consolePage(browser, problems);
    await signIn(page, lk.url, 'admin');
    await page.goto(`${lk.url}/console/admin`);
    await page.locator('#users').waitFor();
    expect(await text(page, '#screen-title')).toBe('Administration');
    expect((await cellsOf(page, '#users')).map((r) => r.slice(0, 4))).toEqual([
      ['aperera', 'Anoma Perera', 'Permit officer', '—'],
      ['kfernando', 'Kamal Fernando', 'Customs officer', '—'],
      ['nsilva', 'Nirmala Silva', 'Administrator', '—'],
    ]);

    // A weak password is refused with the API's message; then the user is created.
    await page.getByLabel('Username').fill('jdesilva');
    await page.getByLabel('Full name (shown in the audit trail)').fill('Janaka de Silva');
    await page.getByLabel('Role', { exact: true }).first().selectOption('customs');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create' }).first().click();
    await poll(() => text(page, '#users-outcome')).toBe('Refused: The password must be at least 12 characters (it has 5).');
    await page.getByLabel('Password').fill('harbour-gate-2026');
    await page.getByRole('button', { name: 'Create' }).first().click();
    await poll(() => text(page, '#users-outcome')).toBe('The user jdesilva was created.');
    const created = await rowOf(page, '#users', 'jdesilva');
    expect(created.slice(0, 4)).toEqual(['jdesilva', 'Janaka de Silva', 'Customs officer', '—']);
    expect(created[5]).toBe('Active');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Disable jdesilva' }).click();
    expect(await text(page, '[id^="disable-"][id$="-q"]')).toBe('Disable jdesilva? Their sessions end at once.');
    await page.keyboard.press('Enter'); // focus is on Yes
    await poll(() => text(page, '#users-outcome')).toBe('jdesilva was disabled.');
    expect((await rowOf(page, '#users', 'jdesilva', (r) => r[5] !== 'Active'))[5]).toMatch(/^Disabled \d{4}-\d{2}-\d{2}T/);

    // A token: shown once, it works, then revoked it is refused.
    await page.getByLabel('Holder (person or system)').fill('Orchid registry sync');
    await page.locator('#k-role').selectOption('officer');
    await page.getByLabel('Expires (optional)').fill('90d');
    await page.getByRole('button', { name: 'Create' }).nth(1).click();
    await poll(() => text(page, '#tokens-outcome')).toBe('The token of Orchid registry sync was created.');
    const secret = await page.locator('#new-token').inputValue();
    expect(secret).toMatch(/^saiga_/);
    expect(await text(page, 'label[for=new-token]')).toBe('Copy the token now: it is shown only this once.');
    expect((await lk.api('/api/permits?limit=1', { token: secret })).status).toBe(200);
    const row = await rowOf(page, '#tokens', 'Orchid registry sync');
    expect(row[1]).toBe('Permit officer');
    expect(row[4]).toBe('Valid');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'officer-admin');

    await page.getByRole('button', { name: 'Revoke Orchid registry sync' }).click();
    await page.keyboard.press('Enter');
    await poll(() => text(page, '#tokens-outcome')).toBe('The token of Orchid registry sync was revoked.');
    expect((await rowOf(page, '#tokens', 'Orchid registry sync', (r) => r[4] !== 'Valid'))[4]).toMatch(/^Revoked \d{4}-/);
    expect((await lk.api('/api/permits?limit=1', { token: secret })).status).toBe(401);
    // The page reloaded shows no secret again.
    await page.reload();
    await page.locator('#tokens').waitFor();
    expect(await page.locator('#new-token').count()).toBe(0);

    // Trust (read-only) and the signing keys (test/console/keys.e2e.test.ts rotates them).
    await page.locator('#trust-list').waitFor();
    expect(await text(page, '#peers')).toBe('No peer is configured.');
    const authorities = await cellsOf(page, '#trust-list');
    expect(authorities.map((r) => r.slice(0, 3))).toContainEqual(['Department of Wildlife Conservation', 'LK', 'Management Authority']);
    await page.locator('#keys').waitFor();
    const keys = await cellsOf(page, '#keys');
    expect(keys.length).toBeGreaterThan(0);
    expect(keys[0]![0]).toMatch(new RegExp(`^${lk.did.replace(/[.%]/g, (c) => `\\${c}`)}#`));
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'officer-admin-trust');

    // French: exact words.
    await page.locator('#lang').selectOption('fr');
    await poll(() => text(page, '#users-title')).toBe('Utilisateurs de la console');
    expect(await text(page, '#tokens-title')).toBe('Jetons d’API');
    expect(await text(page, '#keys-title')).toBe('Clés de signature');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'officer-admin-fr');
    await context.close();

    // The officer has no administration: the server refuses the API too.
    const officer = await consolePage(browser, problems);
    await signIn(officer.page, lk.url, 'officer');
    await officer.page.goto(`${lk.url}/console/admin`);
    await officer.page.locator('main[data-refused="role"]').waitFor();
    expect((await lk.api('/api/users', { token: lk.officerToken })).status).toBe(403);
    await officer.context.close();
  });
});

describe('the permit page of an endorsed permit, and a refusal', { timeout: SLOW }, () => {
  it('shows the export endorsement (box 14) and the endorsement in the history, in French too', async () => {
    const { context, page } = await consolePage(browser, problems);
    await signIn(page, lk.url, 'officer');
    const { dendrobium } = issued as Required<typeof issued>;
    await page.goto(`${lk.url}/console/permits/${dendrobium.permitNumber}`);
    await page.locator('#endorsement').waitFor();
    expect(await text(page, '#permit-state')).toBe('Used (exported)');
    expect(await page.locator('#endorsement').evaluate((dl) => Array.from(dl.querySelectorAll('dt'), (dt) => [dt.textContent, dt.nextElementSibling!.textContent]))).toEqual([
      ['Block A', '300 NAR – number of specimens'],
      ['Port of export', 'LKCMB'],
      ['When (UTC)', dendrobium.issuedAt.slice(0, 10)],
      ['Customs officer', 'Kamal Fernando'],
      ['Bill of Lading / Air waybill number', '176-12345675'],
    ]);
    expect(await page.locator('#history tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.action))).toEqual(['issue', 'endorse']);
    await screenshot(page, 'officer-permit-endorsed');

    await page.locator('#lang').selectOption('fr');
    await poll(() => text(page, '#screen-title')).toBe(`Permis ${dendrobium.permitNumber}`);
    expect(await text(page, '#permit-state')).toBe('Utilisé (exporté)');
    expect(await text(page, '#box-5a')).toBe('T – Transaction commerciale');
    expect(await text(page, '#box-3a')).toBe('Suisse');
    expect(await text(page, '#box-A-9')).toBe('Artificially propagated flowering plants in pots\nTerme\u00a0: LIV – Vivant' /* French sets a no-break space before the colon */);
    expect(await text(page, '#box-A-11')).toBe('300 NAR – nombre de spécimens');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'officer-permit-fr');
    await context.close();
  });

  it('an action the state no longer allows is refused with the plain message', async () => {
    const { context, page } = await consolePage(browser, problems);
    await signIn(page, lk.url, 'officer');
    const { suspended } = issued as Required<typeof issued>;
    await page.goto(`${lk.url}/console/permits/${suspended.permitNumber}`);
    await page.locator('button[data-action=reinstate]').waitFor();
    expect(await text(page, '#permit-state')).toBe('Suspended');
    // Someone else reinstates it meanwhile.
    expect((await lk.api(`/api/permits/${suspended.permitNumber}/reinstate`, { token: lk.officerToken, body: {} })).status).toBe(200);
    await page.locator('button[data-action=reinstate]').click();
    await page.getByRole('button', { name: 'Reinstate the permit' }).click();
    await poll(() => text(page, '#permit-outcome')).toMatch(/^Refused: /);
    expect(await text(page, '#permit-outcome')).toBe(REINSTATE_REFUSAL);
    expect(await page.getByRole('dialog').count()).toBe(0);
    // Suspended again through the page, with a reason, for the dashboard's counts.
    await page.reload();
    await page.locator('button[data-action=suspend]').click();
    await page.getByLabel('Reason (recorded in the history and the audit trail)').fill('Inquiry into the nursery, continued');
    await page.getByRole('button', { name: 'Suspend the permit' }).click();
    await poll(() => text(page, '#permit-state')).toBe('Suspended');
    expect(await page.locator('#history tbody tr').evaluateAll((rows) => rows.map((r) => Array.from((r as HTMLTableRowElement).cells, (c) => c.innerText).slice(1)))).toEqual([
      ['Issued', 'Test Officer', ''],
      ['Suspended', 'Test Officer', 'Inquiry into the nursery'],
      ['Reinstated', 'Test Officer', ''],
      ['Suspended', 'Anoma Perera', 'Inquiry into the nursery, continued'],
    ]);
    await context.close();
  });
});

/** The API's own message (src/codes.ts), shown as it comes. */
const REINSTATE_REFUSAL = 'Refused: The permit is not suspended, so it cannot be reinstated.';

describe('the audit trail', { timeout: SLOW }, () => {
  it('names the person who acted in the console', async () => {
    const auditor = await createToken(lk.config, 'admin', 'Audit Reader');
    const trail = await lk.api(`/api/audit?permit=${issued.orchids!.permitNumber}`, { token: auditor });
    expect(trail.status).toBe(200);
    const actions = (trail.body.items as { action: string; actorName: string }[]).map((e) => [e.action, e.actorName]);
    expect(actions).toContainEqual(['permit.revoke', 'Anoma Perera']);
    const all = await lk.api('/api/audit?limit=1000', { token: auditor });
    const byAdmin = (all.body.items as { action: string; actorName: string }[]).filter((e) => e.actorName === 'Nirmala Silva').map((e) => e.action);
    expect(byAdmin).toEqual(expect.arrayContaining(['user.create', 'user.disable', 'token.create', 'token.revoke']));
  });
});

describe('console problems', { timeout: SLOW }, () => {
  it('nothing was refused by the CSP and no page error happened', () => {
    expect(problems).toEqual([]);
  });
});
