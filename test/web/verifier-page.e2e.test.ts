/**
 * The verifier page end to end: a real agent process issues, revokes and endorses permits;
 * the built page, hosted on another loopback origin, verifies them in Debian's Chromium
 * (driven by playwright-core), from a fake camera, a photo, pasted text and the URL
 * fragment. Each case asserts the verdict's data-verdict and saves a screenshot to
 * test-output/web/<case>.png.
 */
import { CHROMIUM_ARGS } from '../../bench/camera-frame.js';
import { permitQrLink } from '../../src/qr/link.js';
import { encodePermitQr, encodePermitReference } from '../../src/qr/payload.js';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthorityProcess, createToken, initAuthority, readExample, runCli, serveAuthority, tempDir } from '../helpers/agent-process.js';
import { changePayloadByte, decodePayload, signAsDidKey, signWithUnknownDidKey } from '../helpers/forge.js';
import { TEST_KEYS } from '../verify/helpers.js';
import { buildPage, hostPage, hostStaticPage, qrPng, watchPage, y4mFromPng, type PageHost } from './helpers.js';

const OUT = resolve('test-output/web');
const LAUNCH_ARGS = CHROMIUM_ARGS;
const orchids = readExample('export-lk-orchids.json');
const twoBlocks = {
  ...orchids,
  specimens: [
    ...(orchids.specimens as object[]),
    { scientificName: 'Dendrobium nobile', commonName: 'Noble dendrobium', description: 'Artificially propagated seedlings in flasks', term: 'LIV', appendix: 'II', source: 'A', quantity: 50, unit: 'NAR' },
  ],
};

let lk: AuthorityProcess;
let customsToken: string;
let host: PageHost;
let browser: Browser;
let validJwt: string;
let qrFile: string;
const work = tempDir('saiga-web-');
const problems: string[] = [];

/** What a printed permit's QR holds: a verifier link (any host) with the CP2 payload in the fragment. */
const link = (jwt: string) => permitQrLink('https://verifier.example.org', encodePermitQr(jwt));

async function issue(body: unknown = orchids): Promise<{ permitNumber: string; jwt: string }> {
  const response = await lk.api('/api/permits', { token: lk.officerToken, body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { permitNumber: string; jwt: string };
}

async function newPage(context?: BrowserContext, options: { locale?: string; viewport?: { width: number; height: number } } = {}): Promise<Page> {
  const ctx = context ?? (await browser.newContext({ locale: options.locale ?? 'en-GB', viewport: options.viewport ?? { width: 1000, height: 900 } }));
  const page = await ctx.newPage();
  watchPage(page, problems);
  return page;
}

/** Waits for the verdict and returns its data-verdict. */
async function verdictOf(page: Page): Promise<string> {
  const verdict = page.locator('#verdict[data-verdict]');
  await verdict.waitFor({ timeout: 30_000 });
  return (await verdict.getAttribute('data-verdict'))!;
}

/** One verdict for a damaged or altered code: one headline, one tone, one icon, and no "not a permit" anywhere (defect 11). */
async function expectOneDamagedVerdict(page: Page): Promise<void> {
  expect(await page.locator('#verdict-title').innerText()).toBe('Damaged or altered — do not accept');
  expect(await page.locator('#verdict').getAttribute('class')).toBe('verdict tone-bad');
  expect(await page.locator('#verdict-icon').innerText()).toBe('✖');
  expect(await page.locator('body').innerText()).not.toContain('Not a CITES permit');
  expect(await page.locator('#verdict-facts li').count()).toBe(0);
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
const verdictText = (page: Page) => page.locator('#verdict').innerText();

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  buildPage();
  const init = await initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' });
  lk = await serveAuthority(init);
  customsToken = await createToken(lk.config, 'customs', 'Kamal Perera');
  host = await hostPage(lk);
  validJwt = (await issue()).jwt;
  qrFile = join(work, 'permit-qr.png');
  const png = await qrPng(link(validJwt), qrFile, 700, 'M');
  const camera = join(work, 'camera.y4m');
  y4mFromPng(png, camera);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [...LAUNCH_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${camera}`],
  });
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await lk?.stop();
});

describe('verifier page in Chromium', () => {
  it('(a) camera: "Scan with camera" reads the QR code from the (fake) rear camera → valid, and the camera stops', async () => {
    const page = await newPage();
    await page.goto(`${host.url}/VERIFY`);
    await page.getByRole('button', { name: 'Scan with camera' }).click();
    expect(await verdictOf(page)).toBe('valid');
    expect(await verdictText(page)).toContain('Valid — not yet used');
    // What the officer compares with the goods: species, permitted and exported quantity per block (defect 12).
    expect(await page.locator('#verdict-facts').innerText()).toContain('Block A — Phalaenopsis amabilis: permitted 1,200 NAR; not yet exported');
    expect(await page.locator('#camera').isHidden()).toBe(true);
    expect(await page.locator('#video').evaluate((v: HTMLVideoElement) => v.srcObject)).toBeNull();
    // Every check passed, and the permit is shown by box with its codes written out.
    expect(await page.locator('#checks li.check.fail').count()).toBe(0);
    const permit = await page.locator('#permit-section').innerText();
    expect(permit).toContain('Switzerland');
    expect(permit).toContain('Commercial');
    expect(permit).toContain('Plants artificially propagated');
    expect(permit).toContain('not endorsed');
    await shot(page, 'a-camera-valid');
    await page.context().close();
  });

  it('(b) a revoked permit → revoked, with the reason', async () => {
    const permit = await issue();
    const revoked = await lk.api(`/api/permits/${permit.permitNumber}/revoke`, { token: lk.officerToken, body: { reason: 'stolen' } });
    expect(revoked.status).toBe(200);
    const page = await newPage();
    await page.goto(`${host.url}/VERIFY#${permit.jwt}`);
    expect(await verdictOf(page)).toBe('revoked');
    const text = await verdictText(page);
    expect(text).toContain('Cancelled (revoked) — do not accept');
    expect(text).toContain('Reason: reported stolen.');
    expect(text).toContain(permit.permitNumber);
    await shot(page, 'b-revoked');

    // The same in French and Spanish: headline, lang attribute and reason translated.
    await page.context().close();
    const fr = await newPage(undefined, { locale: 'fr-FR' });
    await fr.goto(`${host.url}/verify#${permit.jwt}`);
    expect(await verdictOf(fr)).toBe('revoked');
    expect(await fr.locator('html').getAttribute('lang')).toBe('fr');
    expect(await verdictText(fr)).toContain('Annulé (révoqué) — ne pas accepter');
    expect(await verdictText(fr)).toContain('Motif\u00a0: déclaré volé.');
    await shot(fr, 'b-revoked-fr');
    await fr.getByLabel('Langue').selectOption('es');
    expect(await fr.locator('html').getAttribute('lang')).toBe('es');
    expect(await verdictText(fr)).toContain('Anulado (revocado) — no aceptar');
    expect(await fr.locator('#permit-section').innerText()).toContain('Suiza');
    await shot(fr, 'b-revoked-es');
    await fr.context().close();
  });

  it('(b2) a suspended permit → suspended; reinstated → valid again at once (no stale status)', async () => {
    const permit = await issue();
    expect((await lk.api(`/api/permits/${permit.permitNumber}/suspend`, { token: lk.officerToken, body: { reason: 'under investigation' } })).status).toBe(200);
    const page = await newPage();
    await page.goto(`${host.url}/VERIFY#${permit.jwt}`);
    expect(await verdictOf(page)).toBe('suspended');
    expect(await verdictText(page)).toContain('Suspended — do not accept');
    await shot(page, 'b2-suspended');
    expect((await lk.api(`/api/permits/${permit.permitNumber}/reinstate`, { token: lk.officerToken, body: {} })).status).toBe(200);
    await page.getByLabel(/Or paste/).fill(permit.jwt);
    await page.getByRole('button', { name: 'Verify' }).click();
    expect(await verdictOf(page)).toBe('valid');
    await page.context().close();
  });

  it('(c) an endorsed permit → used, with the date, port and per-block quantities', async () => {
    const permit = await issue(twoBlocks);
    const today = new Date().toISOString().slice(0, 10);
    const endorsed = await lk.api(`/api/permits/${permit.permitNumber}/endorsements`, {
      token: customsToken,
      body: { blocks: [{ block: 'A', quantity: 800 }, { block: 'B', quantity: 0 }], portOfExport: 'LKCMB', date: today, transportDocument: '176-12345675' },
    });
    expect(endorsed.status, JSON.stringify(endorsed.body)).toBe(201);
    const page = await newPage();
    await page.goto(`${host.url}/VERIFY#${permit.jwt}`);
    expect(await verdictOf(page)).toBe('used');
    const text = await verdictText(page);
    // At import this is the expected state: worded as valid for that shipment, with its own tone and icon (defect 13).
    const date = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${today}T00:00:00Z`));
    expect(await page.locator('#verdict-title').innerText()).toBe(`Valid — exported on ${date} at LKCMB; expected at import`);
    expect(await page.locator('#verdict').getAttribute('class')).toBe('verdict tone-info');
    expect(await page.locator('#verdict-icon').innerText()).toBe('➜');
    expect(text).not.toContain('do not accept');
    expect(text).toContain('Block A — Phalaenopsis amabilis: permitted 1,200 NAR, exported 800 NAR');
    expect(text).toContain('Block B — Dendrobium nobile: permitted 50 NAR, exported 0 NAR');
    const blocks = page.locator('#permit-section .block');
    expect(await blocks.count()).toBe(2);
    expect(await blocks.nth(0).locator('.quantities').innerText()).toMatch(/1,200 NAR \(number of specimens\)[\s\S]*800 NAR/);
    expect(await blocks.nth(1).locator('.quantities').innerText()).toMatch(/50 NAR \(number of specimens\)[\s\S]*0 NAR/);
    expect(await page.locator('#permit-section').innerText()).toContain('176-12345675');
    await shot(page, 'c-used');
    await page.getByLabel('Language').selectOption('fr');
    expect(await page.locator('#verdict-title').innerText()).toContain('Valable — exporté le ');
    expect(await page.locator('#verdict-title').innerText()).toContain('attendu à l’importation');
    await page.getByLabel('Langue').selectOption('es');
    expect(await page.locator('#verdict-title').innerText()).toContain('esperado en la importación');
    await shot(page, 'c-used-es');
    await page.context().close();
  });

  it('(d) a payload changed after signing (one digit of a quantity) → damaged or altered, one verdict', async () => {
    const tampered = changePayloadByte(validJwt, '"quantity":1200', '"quantity":1900');
    const page = await newPage();
    await page.goto(`${host.url}/VERIFY`);
    await page.getByLabel(/Or paste/).fill(tampered);
    await page.getByRole('button', { name: 'Verify' }).click();
    expect(await verdictOf(page)).toBe('damaged-or-altered');
    expect(await page.locator('#verdict').getAttribute('data-code')).toBe('SIGNATURE_INVALID');
    await expectOneDamagedVerdict(page);
    // Nothing of an unverified permit is shown.
    expect(await page.locator('#permit-section').isHidden()).toBe(true);
    await shot(page, 'd-altered');
    await page.context().close();
  });

  it('(d2) a damaged permit code (QR_MALFORMED) and a reference whose hash does not match → the same one verdict, damaged or altered', async () => {
    const page = await newPage();
    await page.goto(`${host.url}/VERIFY`);
    const damaged = link(validJwt).slice(0, -5);
    await page.getByLabel(/Or paste/).fill(damaged);
    await page.getByRole('button', { name: 'Verify' }).click();
    expect(await verdictOf(page)).toBe('damaged-or-altered');
    expect(await page.locator('#verdict').getAttribute('data-code')).toBe('QR_MALFORMED');
    await expectOneDamagedVerdict(page);
    await shot(page, 'd2-damaged-code');

    const forged = await encodePermitReference(validJwt, async () => new Uint8Array(32));
    await page.getByLabel(/Or paste/).fill(forged);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.locator('#verdict[data-code="QR_REFERENCE_MISMATCH"]').waitFor();
    expect(await verdictOf(page)).toBe('damaged-or-altered');
    await expectOneDamagedVerdict(page);

    // In French and Spanish too: one headline.
    await page.getByLabel('Language').selectOption('fr');
    expect(await page.locator('#verdict-title').innerText()).toBe('Endommagé ou modifié — ne pas accepter');
    await page.getByLabel('Langue').selectOption('es');
    expect(await page.locator('#verdict-title').innerText()).toBe('Dañado o alterado — no aceptar');
    expect(await verdictText(page)).not.toContain('No es un permiso CITES');
    await page.context().close();
  });

  it('(e) a credential signed by an unknown authority → untrusted', async () => {
    const { jwt } = await signWithUnknownDidKey(decodePayload(validJwt));
    const page = await newPage();
    await page.goto(`${host.url}/VERIFY#${jwt}`);
    expect(await verdictOf(page)).toBe('untrusted');
    expect(await verdictText(page)).toContain('Issuer not trusted');
    await shot(page, 'e-untrusted');
    await page.context().close();
  });

  it('(e2) a reference QR (CPR1) is resolved from the trusted issuing agent and its hash checked → valid; a wrong hash is refused', async () => {
    const page = await newPage();
    await page.goto(`${host.url}/VERIFY#${await encodePermitReference(validJwt)}`);
    expect(await verdictOf(page)).toBe('valid');
    await shot(page, 'e2-reference-valid');
    const forged = await encodePermitReference(validJwt, async () => new Uint8Array(32));
    await page.goto('about:blank');
    await page.goto(`${host.url}/VERIFY#${forged}`);
    expect(await verdictOf(page)).toBe('damaged-or-altered');
    expect(await page.locator('#verdict').getAttribute('data-code')).toBe('QR_REFERENCE_MISMATCH');
    await page.context().close();
  });

  it('(f) a photo of the QR code, and a pasted link, on a page hosted as plain static files elsewhere → valid; other text → not a permit', async () => {
    const page = await newPage(undefined, { viewport: { width: 390, height: 844 } });
    await page.goto(`${host.url}/elsewhere/`);
    await page.locator('#file').setInputFiles(qrFile);
    expect(await verdictOf(page)).toBe('valid');
    await shot(page, 'f-photo-valid-mobile');

    await page.getByLabel(/Or paste/).fill(link(validJwt));
    await page.getByRole('button', { name: 'Verify' }).click();
    expect(await verdictOf(page)).toBe('valid');

    await page.getByLabel(/Or paste/).fill('https://example.org/not-a-permit');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('#verdict[data-verdict="not-a-permit"]').waitFor();
    expect(await verdictText(page)).toContain('Not a CITES permit');
    await shot(page, 'f-not-a-permit');
    await page.context().close();
  });

  it('(h) after a valid check, clearing the box and pressing Verify leaves no old verdict, checks or permit (defect 10)', async () => {
    const page = await newPage();
    await page.goto(`${host.url}/VERIFY`);
    await page.getByLabel(/Or paste/).fill(validJwt);
    await page.getByRole('button', { name: 'Verify' }).click();
    expect(await verdictOf(page)).toBe('valid');
    await page.getByLabel(/Or paste/).fill('');
    await page.getByRole('button', { name: 'Verify' }).click();
    expect(await page.locator('#input-message').innerText()).toBe('Paste a link, a code or a permit first.');
    expect(await page.locator('#verdict').getAttribute('data-verdict')).toBeNull();
    expect(await page.locator('#result').isHidden()).toBe(true);
    expect(await page.locator('#checks-section').isHidden()).toBe(true);
    expect(await page.locator('#permit-section').isHidden()).toBe(true);
    expect(await page.locator('body').innerText()).not.toContain('Valid');
    await shot(page, 'h-cleared');
    await page.context().close();
  });

  it('(i) check details in French and Spanish, from the result: no English left for a valid permit (defect 14)', async () => {
    const page = await newPage(undefined, { locale: 'fr-FR' });
    await page.goto(`${host.url}/verify#${validJwt}`);
    expect(await verdictOf(page)).toBe('valid');
    const details = await page.locator('#checks .check-detail').allInnerTexts();
    expect(details).toHaveLength(9);
    expect(details.slice(0, 5)).toEqual([
      'C’est un permis CITES signé (justificatif VC-JWT).',
      'La méthode de signature figure sur la liste des méthodes acceptées.',
      expect.stringMatching(/^Department of Wildlife Conservation \(Sri Lanka\) est un organe de gestion de confiance \(did:web:localhost%3A\d+\)\.$/),
      expect.stringMatching(/^Les clés publiques de did:web:localhost%3A\d+ ont été obtenues\.$/),
      'Signé par Department of Wildlife Conservation (Sri Lanka).',
    ]);
    expect(details[6]).toBe('Le permis respecte les règles des permis CITES.');
    expect(details[7]).toBe('Ni annulé ni suspendu (listes de statut lues il y a moins d’une minute).');
    expect(details[8]).toBe('Pas encore visé à l’exportation par la douane.');
    expect(await page.locator('#checks [lang="en"]').count()).toBe(0);
    await shot(page, 'i-checks-fr');
    await page.getByLabel('Langue').selectOption('es');
    expect(await page.locator('#checks .check-detail').last().innerText()).toBe('Aún no refrendado por la aduana para la exportación.');
    expect(await page.locator('#checks [lang="en"]').count()).toBe(0);
    await page.context().close();
  });

  it('(j) a permit value holding an unterminated U+202E (right-to-left override) is isolated: the text after it is not reversed', async () => {
    // The issuing agent refuses bidi controls (defect 7), but a page must not trust that of every issuer:
    // the same permit, with the override in the importer's name, re-signed by a test key that a test trust list trusts.
    const payload = decodePayload(validJwt);
    payload.vc.credentialSubject.importer.name = 'Gartenbau \u202eMeier AG';
    const { jwt, did } = await signAsDidKey(payload, TEST_KEYS.issuer);
    const list = decodePayload(await (await fetch(`${lk.url}/trust-list`)).text());
    const subject = list.vc.credentialSubject;
    list.vc.credentialSubject = { ...subject, authorities: [{ ...subject.authorities[0], dids: [did] }] };
    const { jwt: listJwt, did: anchorDid } = await signAsDidKey(list, TEST_KEYS.other);
    const own = await hostStaticPage({ anchorDid, fallbackTrustList: listJwt });
    try {
      const page = await newPage();
      await page.goto(`${own.url}/#${jwt}`);
      // The verifier's permit rules refuse the override (TEXT_BIDI_CONTROL, as issuance does), and the
      // status lists are not this key's: not valid, but the permit is shown, every value isolated.
      expect(await verdictOf(page)).toBe('invalid');
      expect(await page.locator('#verdict').getAttribute('data-code')).toBe('PERMIT_INVALID');
      expect(await page.locator('#checks [data-code="TEXT_BIDI_CONTROL"]').count()).toBe(1);
      expect(await page.locator('#permit-section').isVisible()).toBe(true);
      const layout = await page.evaluate(() => {
        const row = Array.from(document.querySelectorAll('#permit-section .box-row')).find((r) => r.querySelector('.box-no')?.textContent === '3')!;
        const [name, address] = Array.from(row.querySelectorAll('dd .value bdi'));
        const text = address!.firstChild as Text;
        const range = document.createRange();
        const box = (start: number, end: number) => {
          range.setStart(text, start);
          range.setEnd(text, end);
          return range.getBoundingClientRect();
        };
        const label = row.querySelector('dt')!.getBoundingClientRect();
        return {
          name: name!.textContent,
          address: text.data,
          // The address after the name reads left to right, and stands to the right of the name, after the label.
          addressLeftToRight: box(0, 1).left < box(text.length - 1, text.length).left,
          addressAfterName: address!.getBoundingClientRect().left >= name!.getBoundingClientRect().right - 0.5,
          labelFirst: label.right <= name!.getBoundingClientRect().left,
        };
      });
      expect(layout).toEqual({ name: 'Gartenbau \u202eMeier AG', address: 'Seestrasse 201, 8800 Thalwil', addressLeftToRight: true, addressAfterName: true, labelFirst: true });
      // Every text holding the override is inside a <bdi>, wherever the page shows it.
      const loose = await page.evaluate(() => {
        const out: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent!.includes('\u202e') && !n.parentElement!.closest('bdi')) out.push(n.textContent!);
        return out;
      });
      expect(loose).toEqual([]);
      // And every value of the permit boxes is isolated: a box's text outside its <bdi>s is only the ", " between them.
      const outside = await page.evaluate(() =>
        Array.from(document.querySelectorAll('#permit-section .value')).flatMap((v) => Array.from(v.childNodes).filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent !== ', ').map((n) => n.textContent)),
      );
      expect(outside).toEqual([]);
      await shot(page, 'j-bidi-isolated');
      await page.context().close();
    } finally {
      await own.close();
    }
  });

  it('(g) with the agent stopped, after an earlier visit cached the trust list and keys → status could not be checked, never valid', async () => {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1000, height: 900 } });
    const first = await newPage(context);
    await first.goto(`${host.url}/VERIFY#${validJwt}`);
    expect(await verdictOf(first)).toBe('valid');
    await first.close();

    await lk.stop();
    const before = problems.length;
    const page = await newPage(context);
    await page.goto(`${host.url}/VERIFY#${validJwt}`);
    const verdict = await verdictOf(page);
    expect(verdict).toBe('status-unchecked');
    expect(await verdictText(page)).toContain('Status could not be checked — do not treat as valid');
    const notices = await page.locator('#notices').innerText();
    expect(notices).toMatch(/Trust list from cache, (less than a minute|\d+ min) old/);
    expect(notices).toMatch(/Public keys of did:web:localhost%3A\d+ from cache/);
    expect(notices).toContain('Offline');
    // The signature still verified from the cached keys; only the status and the record could not be read.
    const failed = await page.locator('#checks li.check.fail').allInnerTexts();
    expect(failed.map((t) => t.split('\n')[0])).toEqual(['✖ Cancellation and suspension — failed', '✖ Use for export (customs endorsement) — failed']);
    // Whether customs endorsed it is unknown: never shown as "not endorsed".
    expect(await page.locator('#permit-section .quantities').innerText()).toContain('unknown: the public record could not be read');
    expect(await page.locator('#permit-section').innerText()).not.toContain('not endorsed');
    await shot(page, 'g-offline-status-unchecked');
    // Only the expected network failures were logged while offline.
    expect(problems.slice(before).every((p) => /ERR_CONNECTION_REFUSED|Failed to fetch|Failed to load resource/.test(p)), problems.slice(before).join('\n')).toBe(true);
    await context.close();
  });

  it('no page errors, no Content-Security-Policy violations and no request off loopback in any case', () => {
    const unexpected = problems.filter((p) => !/ERR_CONNECTION_REFUSED|Failed to load resource/.test(p));
    expect(unexpected).toEqual([]);
  });
});
