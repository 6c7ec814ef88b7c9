/**
 * Issue 12, "How it is checked": the trader receives the permit. A real `saiga serve` process
 * with an SMTP sink (smtp-server on loopback). In Chromium the officer signs in to the console
 * and issues a permit with the trader's e-mail; the sink receives the link; the holder page
 * opens on a phone (390×844) and shows the permit; its full-screen QR, screenshotted and shown
 * to a fake camera, is scanned by the public verifier page (/verify) to a valid verdict; the
 * downloads (PDF in EN, FR, ES and the signed credential) are fetched from the page's own links:
 * the credential verifies with the agent's core (/api/verify) and with did-jwt-vc, and each PDF
 * names the permit and carries the same credential's QR.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyCredential } from 'did-jwt-vc';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from '../../bench/camera-frame.js';
import type { PermitRequest, Specimen } from '../../src/permit/model.js';
import { FORM_LABELS } from '../../src/print/labels.js';
import { permitQr } from '../../src/print/permit-qr.js';
import { loopbackResolver } from '../conformance/helpers.js';
import { type AuthorityProcess, editConfig, readExample, serveAuthority, tempDir } from '../helpers/agent-process.js';
import { parseMail, startSink, type Sink } from '../mail/smtp-sink.js';
import { decodeQrPng, pdfText, renderPng } from '../print/helpers.js';
import { y4mFromPng } from '../web/helpers.js';
import { consolePage, initConsoleAuthority, launchChromium, screenshot, signIn } from '../console/helpers.js';

const PHONE = { width: 390, height: 844 };
const TRADER = 'trade@kandy-orchids.example.lk';
const orchids = readExample('export-lk-orchids.json') as unknown as PermitRequest;
const work = tempDir('saiga-holder-flow-');
const problems: string[] = [];

let sink: Sink;
let lk: AuthorityProcess;
let browser: Browser;

const id = (pointer: string) => `#f${pointer.replace(/\//g, '-')}`;

/** The orchids permit typed into the issue form box by box (as test/console/issue-form.e2e.test.ts does). */
async function fillForm(page: Page, r: PermitRequest): Promise<void> {
  const t = (pointer: string, value: string | number | undefined) => (value === undefined ? undefined : page.locator(id(pointer)).fill(String(value)));
  const p = (pointer: string, value: string | undefined) => (value === undefined ? undefined : page.locator(id(pointer)).selectOption(value));
  await p('/documentType', r.documentType);
  for (const who of ['importer', 'exporter'] as const) {
    await t(`/${who}/name`, r[who].name);
    await t(`/${who}/address`, r[who].address);
    await p(`/${who}/country`, r[who].country);
  }
  await p('/purpose', r.purpose);
  const s = r.specimens[0] as Specimen;
  await t('/specimens/0/scientificName', s.scientificName);
  await t('/specimens/0/commonName', s.commonName);
  await t('/specimens/0/description', s.description);
  await p('/specimens/0/term', s.term);
  await p('/specimens/0/appendix', s.appendix);
  await p('/specimens/0/source', s.source);
  await t('/specimens/0/quantity', s.quantity);
  await p('/specimens/0/unit', s.unit);
}

beforeAll(async () => {
  sink = await startSink({ authOptional: false, allowInsecureAuth: true, onAuth: (auth, _s, cb) => (auth.password === 'mail-2026' ? cb(null, { user: auth.username }) : cb(new Error('no'))) });
  const init = await initConsoleAuthority();
  editConfig(init.config, (saiga) => (saiga.smtp = { host: '127.0.0.1', port: sink.port, from: { address: 'permits@dwc.gov.lk', name: 'Department of Wildlife Conservation' }, username: 'saiga' }));
  lk = await serveAuthority(init, { SAIGA_SMTP_PASSWORD: 'mail-2026' });
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await lk?.stop();
  await sink?.close();
});

describe('the trader receives the permit (issue 12)', () => {
  let permitNumber: string;
  let link: string;
  let jwt: string;

  it('the officer issues with the trader\'s e-mail in the console; the mail with the link arrives', async () => {
    const { context, page } = await consolePage(browser, problems);
    await signIn(page, lk.url, 'officer');
    await page.goto(`${lk.url}/console/issue`);
    await page.locator('#screen-title').waitFor();
    await fillForm(page, orchids);
    // A bad address is refused at its field before anything is issued: no number is used.
    const before = (await lk.api('/api/permits?limit=1', { token: lk.officerToken })).body.total as number;
    await page.getByLabel('Holder’s e-mail (send the permit link)').fill('trade@kandy');
    await page.locator('#issue').click();
    await page.locator('#f-shareEmail[aria-invalid="true"]').waitFor();
    expect(await page.locator('#finding-summary li').evaluateAll((items) => items.map((i) => i.getAttribute('data-code')))).toEqual(['HOLDER_EMAIL_INVALID']);
    expect((await lk.api('/api/permits?limit=1', { token: lk.officerToken })).body.total).toBe(before);
    expect(sink.received).toEqual([]);
    await page.getByLabel('Holder’s e-mail (send the permit link)').fill(TRADER);
    await page.getByLabel('Language of the e-mail').selectOption('fr');
    await page.locator('#issue').click();
    await page.waitForURL(/\/console\/permits\/LK\d\d-E\d+$/, { timeout: 30_000 });
    permitNumber = decodeURIComponent(page.url().split('/').pop()!);
    // The agent's first permit: the refused attempt above used no number (the agent's clock is the real one, hence the year).
    expect(permitNumber).toBe(`LK${String(new Date().getUTCFullYear()).slice(2)}-E000001`);
    await page.locator('#share-url').waitFor();
    // The permit page says the mail went (Share.tsx's own words) and shows the link this once.
    expect(await page.locator('.share-made').innerText()).toContain('It was sent to the address.');
    expect(await page.locator('#share-mail-error').count()).toBe(0);
    const shown = await page.locator('#share-url').inputValue();
    await screenshot(page, 'holder-flow-issued');
    await context.close();

    expect(sink.received.map((r) => [r.user, r.mailFrom, r.rcptTo])).toEqual([['saiga', 'permits@dwc.gov.lk', [TRADER]]]);
    const mail = parseMail(sink.received[0]!.raw);
    // In the language the officer chose on the form (src/mail/message.ts).
    expect(mail.headers.get('subject')).toBe(`Permis CITES ${permitNumber} : votre lien pour le consulter`);
    link = mail.text.match(/https?:\/\/\S+\/holder\/[A-Za-z0-9_-]{43}/)![0];
    expect(link).toBe(shown);
    const stored = await lk.api(`/api/permits/${permitNumber}`, { token: lk.officerToken });
    jwt = stored.body.jwt as string;
    const shares = await lk.api(`/api/permits/${permitNumber}/shares`, { token: lk.officerToken });
    expect(shares.body.items.map((l: { email?: string; state: string; createdBy: string }) => [l.email, l.state, l.createdBy])).toEqual([[TRADER, 'active', 'Anoma Perera']]);
  }, 90_000);

  it('the holder page shows the permit on a phone; its full-screen QR scans to a valid verdict on /verify', async () => {
    const { context, page } = await consolePage(browser, problems, { viewport: PHONE });
    await page.goto(`${link}/`);
    expect(await page.locator('h1').innerText()).toBe(`CITES permit ${permitNumber}`);
    const boxes = await page.locator('dl.boxes > .box, section.block dl > .box').evaluateAll((nodes) =>
      Object.fromEntries(nodes.map((n) => [n.querySelector('.no')!.textContent, Array.from(n.querySelectorAll('dd .line'), (l) => l.textContent)])),
    );
    expect(boxes['1']).toEqual([permitNumber, 'EXPORT']);
    expect(boxes['2']).toHaveLength(1);
    expect(boxes['3']).toEqual(['Gartenbau Meier AG', 'Seestrasse 201, 8800 Thalwil']);
    expect(boxes['4']).toEqual(['Kandy Orchid Nurseries (Pvt) Ltd', '45 Peradeniya Road, Kandy', 'Sri Lanka (LK)']);
    expect(boxes['7/8']).toEqual(['Phalaenopsis amabilis', 'Moth orchid']);
    expect(boxes['11']).toEqual(['1200 NAR (number of specimens)']);

    await page.locator('a[href="#qr-full"]').click();
    await page.waitForURL(/#qr-full$/);
    const full = page.locator('#qr-full .qr-big');
    await full.waitFor({ state: 'visible' });
    const png = join(work, 'holder-qr.png');
    await full.screenshot({ path: png });
    await screenshot(page, 'holder-flow-qr-full');
    await context.close();
    // The page's QR is the agent's printed QR of the same credential.
    const seen = decodeQrPng(png);
    expect(seen?.text).toBe((await permitQr({ saiga: { url: lk.url } }, jwt)).text);

    const camera = join(work, 'camera.y4m');
    y4mFromPng(readFileSync(png), camera);
    const cameraBrowser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${camera}`],
    });
    try {
      const scanner = await consolePage(cameraBrowser, problems, { viewport: PHONE });
      await scanner.context.grantPermissions(['camera'], { origin: lk.url });
      await scanner.page.goto(`${lk.url}/verify`);
      await scanner.page.getByRole('button', { name: 'Scan with camera' }).click();
      const verdict = scanner.page.locator('#verdict[data-verdict]');
      await verdict.waitFor({ timeout: 30_000 });
      expect(await verdict.getAttribute('data-verdict')).toBe('valid');
      expect(await scanner.page.locator('#verdict-title').innerText()).toBe('Valid — not yet used');
      expect(await verdict.innerText()).toContain(permitNumber);
      await screenshot(scanner.page, 'holder-flow-verified');
    } finally {
      await cameraBrowser.close();
    }
  }, 120_000);

  it('the downloads from the page\'s links: the credential verifies with the core and did-jwt-vc; each PDF names the permit and carries its QR', async () => {
    const page = await (await fetch(`${link}/`)).text();
    const hrefs = [...page.matchAll(/<a class="button" href="((?:permit\.pdf\?lang=[a-z]{2})|credential\.jwt)"/g)].map((m) => m[1]!);
    expect(hrefs).toEqual(['permit.pdf?lang=en', 'permit.pdf?lang=fr', 'permit.pdf?lang=es', 'credential.jwt']);

    const credential = await fetch(new URL('credential.jwt', `${link}/`));
    expect(credential.status).toBe(200);
    const downloaded = (await credential.text()).trim();
    expect(downloaded).toBe(jwt);
    const core = await lk.api('/api/verify', { body: { credential: downloaded } });
    expect(core.status).toBe(200);
    expect([core.body.verified, (core.body.checks as { ok: boolean; code: string }[]).filter((c) => !c.ok).map((c) => c.code)]).toEqual([true, []]);
    const independent = await verifyCredential(downloaded, loopbackResolver(), { proofPurpose: 'assertionMethod' });
    expect([independent.verified, independent.issuer]).toEqual([true, lk.did]);

    const qrText = (await permitQr({ saiga: { url: lk.url } }, jwt)).text;
    const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
    for (const lang of ['en', 'fr', 'es'] as const) {
      const answer = await fetch(new URL(`permit.pdf?lang=${lang}`, `${link}/`));
      expect([answer.status, answer.headers.get('content-type')]).toEqual([200, 'application/pdf']);
      const bytes = Buffer.from(await answer.arrayBuffer());
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const file = join(work, `${permitNumber}-${lang}.pdf`);
      writeFileSync(file, bytes);
      const text = flat(pdfText(file));
      expect(text).toContain(permitNumber);
      expect(text).toContain(flat(FORM_LABELS[lang].convention));
      expect(decodeQrPng(renderPng(file, 1, 200))?.text).toBe(qrText);
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
