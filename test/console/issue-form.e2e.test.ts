/**
 * The issue form in Chromium against real agent processes (issue 11 §2, "How it is checked"):
 * an officer fills the form for each example permit through the UI, first with one
 * deliberate mistake, sees the agent's finding at its field (aria-invalid, the message next
 * to the input, the summary linking to it, focus on it), fixes it, issues, and lands on the
 * permit's page; the issued permit then equals the example box by box. Each example is
 * issued by an authority of its own country (LK, CH, NO: an authority issues only for its
 * own exporters, or importers for an import permit, rules.ts partiesAreDomestic).
 * Drafts, "start from an existing permit", axe-core, French and Spanish labels.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PermitRequest, Specimen } from '../../src/permit/model.js';
import { readExample } from '../helpers/agent-process.js';
import { holdPermit } from '../linked/hold.js';
import { type ConsoleAuthority, consolePage, launchChromium, screenshot, seriousViolations, signIn, startConsoleAuthority } from './helpers.js';

let lk: ConsoleAuthority;
let ch: ConsoleAuthority;
let no: ConsoleAuthority;
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  [ch, no] = await Promise.all([
    startConsoleAuthority({ country: 'CH', name: 'Federal Food Safety and Veterinary Office', place: 'Bern' }),
    startConsoleAuthority({ country: 'NO', name: 'Norwegian Environment Agency', place: 'Trondheim' }),
  ]);
  // LK trusts CH, whose import permit the Appendix I elephant export relies on (Art. III(2)(d)).
  lk = await startConsoleAuthority({
    country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla',
    peers: [{ did: ch.did, country: 'CH', name: 'Federal Food Safety and Veterinary Office' }],
  });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([lk?.stop(), ch?.stop(), no?.stop()]);
});

const id = (pointer: string) => `#f${pointer.replace(/\//g, '-')}`;

async function text(page: Page, pointer: string, value: string | number | undefined): Promise<void> {
  if (value === undefined) return;
  await page.locator(id(pointer)).fill(String(value));
}
async function pick(page: Page, pointer: string, value: string | undefined): Promise<void> {
  if (value === undefined) return;
  await page.locator(id(pointer)).selectOption(value);
}

/** Fills the form from a request as an officer would, box by box; `skip` leaves those pointers empty. */
async function fillForm(page: Page, r: PermitRequest, skip: readonly string[] = []): Promise<void> {
  const t = (pointer: string, value: string | number | undefined) => (skip.includes(pointer) ? undefined : text(page, pointer, value));
  const p = (pointer: string, value: string | undefined) => (skip.includes(pointer) ? undefined : pick(page, pointer, value));
  await p('/documentType', r.documentType);
  await t('/otherDocumentType', r.otherDocumentType);
  for (const who of ['importer', 'exporter'] as const) {
    await t(`/${who}/name`, r[who].name);
    await t(`/${who}/address`, r[who].address);
    await p(`/${who}/country`, r[who].country);
  }
  await t('/specialConditions', r.specialConditions?.join('\n'));
  await p('/purpose', r.purpose);
  for (const [i, b] of r.specimens.entries()) {
    if (i > 0) await page.locator('#add-block').click();
    const at = (key: string) => `/specimens/${i}/${key}`;
    const s = b as Specimen;
    await t(at('scientificName'), s.scientificName);
    await t(at('commonName'), s.commonName);
    await t(at('description'), s.description);
    await p(at('term'), s.term);
    await t(at('marks'), s.marks);
    await p(at('appendix'), s.appendix);
    await p(at('source'), s.source);
    await t(at('quantity'), s.quantity);
    await p(at('unit'), s.unit);
    await p(at('origin/country'), s.origin?.country);
    await t(at('origin/permitNumber'), s.origin?.permitNumber);
    await t(at('origin/date'), s.origin?.date);
    await t(at('operationNumber'), s.operationNumber);
    await t(at('acquisitionDate'), s.acquisitionDate);
  }
  if (r.importPermit) {
    await t('/importPermit/permitNumber', r.importPermit.permitNumber);
    await t('/importPermit/issuer', r.importPermit.issuer);
    await p('/importPermit/country', r.importPermit.country);
  }
}

/** The issued permit's boxes that came from the request: without what the authority adds. */
function boxesOf(permit: Record<string, unknown>): Record<string, unknown> {
  const { permitNumber: _n, validUntil: _v, managementAuthority: _m, issued: _i, specimens, ...rest } = permit;
  return { ...rest, specimens: (specimens as Record<string, unknown>[]).map(({ block: _b, ...line }) => line) };
}

interface Case {
  example: string;
  at: () => ConsoleAuthority;
  /** The deliberate mistake: a field left empty, or a value typed over the example's. */
  skip?: string[];
  wrong?: { pointer: string; value: string };
  /** Where the finding is shown, and its exact text. */
  field: string;
  message: string;
  fix: (page: Page, r: PermitRequest) => Promise<void>;
  /** Adapts the example to this run (e.g. the import permit number CH gave here). */
  prepare?: (r: PermitRequest) => Promise<void>;
}

const CASES: Case[] = [
  {
    example: 'export-lk-orchids.json', at: () => lk,
    wrong: { pointer: '/specimens/0/quantity', value: '0' },
    field: '/specimens/0/quantity', message: 'The quantity must be greater than zero. Block A quantity is 0.',
    fix: (page) => text(page, '/specimens/0/quantity', 1200),
  },
  {
    example: 'export-lk-elephant-samples.json', at: () => lk,
    // CH grants the import permit here and LK holds it, as the exchange would deliver it (test/linked).
    prepare: async (r) => {
      const granted = await ch.api('/api/permits', { token: ch.officerToken, body: readExample('import-ch-elephant-samples.json') });
      expect(granted.status).toBe(201);
      await holdPermit(lk.dir, granted.body.jwt, 'import-permit');
      r.importPermit = { permitNumber: granted.body.permitNumber, issuer: ch.did, country: 'CH' };
    },
    // No box 6 import permit at all: the rule names /importPermit, shown at its first input.
    skip: ['/importPermit/permitNumber', '/importPermit/issuer', '/importPermit/country'],
    field: '/importPermit/permitNumber',
    message: 'An Appendix I export or re-export needs the import permit already granted by the importing country. Block A (Elephas maximus) is Appendix I, source W: give the import permit number.',
    fix: async (page, r) => {
      await text(page, '/importPermit/permitNumber', r.importPermit!.permitNumber);
      await text(page, '/importPermit/issuer', r.importPermit!.issuer);
      await pick(page, '/importPermit/country', r.importPermit!.country);
    },
  },
  {
    example: 'import-ch-elephant-samples.json', at: () => ch,
    skip: ['/importer/name'],
    field: '/importer/name', message: 'A required field is missing. Missing: importer.name.',
    fix: (page, r) => text(page, '/importer/name', r.importer.name),
  },
  {
    example: 're-export-ch-watch-straps.json', at: () => ch,
    skip: ['/specimens/1/origin/country'],
    field: '/specimens/1/origin/country', message: 'A required field is missing. Missing: block B origin.country.',
    fix: (page, r) => pick(page, '/specimens/1/origin/country', r.specimens[1]!.origin!.country),
  },
  {
    example: 'export-no-captive-bred-parrots.json', at: () => no,
    skip: ['/specimens/0/operationNumber'],
    field: '/specimens/0/operationNumber', message: 'Source D needs the registration number of the captive-breeding or artificial-propagation operation. Block A has source D.',
    fix: (page, r) => text(page, '/specimens/0/operationNumber', r.specimens[0]!.operationNumber),
  },
  {
    example: 'pre-convention-no-guitar.json', at: () => no,
    skip: ['/specimens/0/acquisitionDate'],
    field: '/specimens/0/acquisitionDate', message: 'Source O (pre-Convention) needs the date of acquisition. Block A has source O.',
    fix: (page, r) => text(page, '/specimens/0/acquisitionDate', r.specimens[0]!.acquisitionDate),
  },
];

describe('the issue form', () => {
  for (const c of CASES) {
    it(`${c.example}: a finding at its field, fixed, issued, and the permit equals the example`, async () => {
      const authority = c.at();
      const example = readExample(c.example) as unknown as PermitRequest;
      await c.prepare?.(example);
      const { context, page } = await consolePage(browser, problems);
      await signIn(page, authority.url, 'officer');
      await page.locator('header nav a[data-screen="issue"]').click();
      await page.waitForURL(`${authority.url}/console/issue`);
      await expect.poll(() => page.locator('#screen-title').textContent()).toBe('Issue a permit');
      expect(await seriousViolations(page)).toEqual([]);

      await fillForm(page, example, c.skip);
      if (c.wrong) await text(page, c.wrong.pointer, c.wrong.value);
      await page.locator('#issue').click();

      const input = page.locator(id(c.field));
      await expect.poll(() => input.getAttribute('aria-invalid')).toBe('true');
      const messages = `${id(c.field)}-errors`;
      expect(await page.locator(messages).textContent()).toBe(`Error: ${c.message}`);
      expect((await input.getAttribute('aria-describedby'))?.split(' ')).toContain(messages.slice(1));
      // Focus is on the first field in error, and the summary at the top links to it.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(id(c.field).slice(1));
      const link = page.locator('#finding-summary a', { hasText: c.message });
      expect(await link.getAttribute('href')).toBe(id(c.field));
      // Only the one mistake: no other field is marked.
      expect(await page.locator('[aria-invalid="true"]').count()).toBe(1);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `issue-${c.example.replace('.json', '')}-finding`);

      await c.fix(page, example);
      await page.locator('#issue').click();
      await page.waitForURL(/\/console\/permits\/[^/]+$/, { timeout: 15_000 }).catch(async (error: unknown) => {
        throw new Error(`not issued: ${await page.locator('#finding-summary').innerText()}`, { cause: error });
      });
      const number = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
      const stored = await authority.api(`/api/permits/${encodeURIComponent(number)}`, { token: authority.officerToken });
      expect(stored.status).toBe(200);
      expect(stored.body.permitNumber).toBe(number);
      expect(stored.body.signatory).toBe('Anoma Perera');
      expect(boxesOf(stored.body.permit)).toEqual(example);
      await context.close();
    }, 60_000);
  }

  it('fields appear as the document type and source need them; blocks are added and removed', async () => {
    const { context, page } = await consolePage(browser, problems);
    await signIn(page, lk.url, 'officer');
    await page.goto(`${lk.url}/console/issue`);
    await page.locator('#f-documentType').waitFor();
    const shown = (pointer: string) => page.locator(id(pointer)).count();
    expect(await shown('/importPermit/permitNumber')).toBe(0);
    await pick(page, '/specimens/0/appendix', 'I');
    await pick(page, '/specimens/0/source', 'W');
    expect(await shown('/importPermit/permitNumber')).toBe(1);
    await pick(page, '/specimens/0/source', 'D');
    expect(await shown('/importPermit/permitNumber')).toBe(0);
    expect(await shown('/specimens/0/operationNumber')).toBe(1);
    await pick(page, '/specimens/0/source', 'O');
    expect(await shown('/specimens/0/operationNumber')).toBe(0);
    expect(await shown('/specimens/0/acquisitionDate')).toBe(1);
    expect(await shown('/specimens/0/origin/country')).toBe(0);
    await pick(page, '/documentType', 're-export');
    expect(await shown('/specimens/0/origin/country')).toBe(1);
    expect(await shown('/specimens/0/lastReExport/country')).toBe(1);
    expect(await shown('/otherDocumentType')).toBe(0);
    await pick(page, '/documentType', 'other');
    expect(await shown('/otherDocumentType')).toBe(1);
    // Each option shows its code and meaning.
    expect(await page.locator('#f-purpose option[value="T"]').textContent()).toBe('T — Commercial');
    expect(await page.locator('#f-importer-country option[value="CH"]').textContent()).toBe('CH — Switzerland');

    await page.locator('#add-block').click();
    await page.locator('#add-block').click();
    expect(await page.locator('fieldset.block legend').allTextContents()).toEqual(['Block A', 'Block B', 'Block C']);
    await text(page, '/specimens/2/scientificName', 'Crocodylus niloticus');
    await page.getByRole('button', { name: 'Remove block B' }).click();
    expect(await page.locator('fieldset.block legend').allTextContents()).toEqual(['Block A', 'Block B']);
    expect(await page.locator(id('/specimens/1/scientificName')).inputValue()).toBe('Crocodylus niloticus');
    await context.close();
  }, 60_000);

  it('a draft is saved and reopened; "start from an existing permit" copies its boxes, not its number or dates', async () => {
    const orchids = readExample('export-lk-orchids.json');
    const issued = await lk.api('/api/permits', { token: lk.officerToken, body: orchids });
    expect(issued.status).toBe(201);
    const { context, page } = await consolePage(browser, problems);
    await signIn(page, lk.url, 'officer');
    await page.goto(`${lk.url}/console/issue`);
    await page.locator('#f-documentType').waitFor();

    await page.locator('#copy-number').fill(issued.body.permitNumber);
    await page.locator('#copy-permit').click();
    await expect.poll(() => page.locator('#issue-notice').textContent()).toBe(`The boxes of ${issued.body.permitNumber} were copied; check them before issuing.`);
    expect(await page.locator(id('/importer/name')).inputValue()).toBe('Gartenbau Meier AG');
    expect(await page.locator(id('/specimens/0/quantity')).inputValue()).toBe('1200');
    expect(await page.locator(id('/specimens/0/unit')).inputValue()).toBe('NAR');
    expect(await page.locator(id('/validUntil')).inputValue()).toBe('');

    await text(page, '/specimens/0/quantity', '800');
    await page.locator('#draft-name').fill('Orchids for Thalwil');
    await page.locator('#save-draft').click();
    await expect.poll(() => page.locator('#issue-notice').textContent()).toBe('Draft "Orchids for Thalwil" saved.');
    // The agent keeps it (/api/drafts), with the request as far as it is filled in.
    const kept = await lk.api('/api/drafts', { token: lk.officerToken });
    const draft = (kept.body.items as { id: string; title: string }[]).find((d) => d.title === 'Orchids for Thalwil')!;
    expect((await lk.api(`/api/drafts/${draft.id}`, { token: lk.officerToken })).body.request.specimens[0].quantity).toBe(800);
    await page.reload();
    await page.locator('#draft-pick').selectOption('Orchids for Thalwil');
    await page.locator('#open-draft').click();
    // The draft is read from the agent: the form fills when it has come.
    await expect.poll(() => page.locator(id('/specimens/0/quantity')).inputValue()).toBe('800');
    expect(await page.locator(id('/exporter/name')).inputValue()).toBe('Kandy Orchid Nurseries (Pvt) Ltd');

    // Issued from the copy, it is the example with the new quantity.
    await page.locator('#issue').click();
    await page.waitForURL(/\/console\/permits\/[^/]+$/, { timeout: 15_000 });
    const number = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    expect(number).not.toBe(issued.body.permitNumber);
    const stored = await lk.api(`/api/permits/${encodeURIComponent(number)}`, { token: lk.officerToken });
    const expected = structuredClone(orchids) as unknown as PermitRequest;
    expected.specimens[0]!.quantity = 800;
    expect(boxesOf(stored.body.permit)).toEqual(expected);
    await context.close();
  }, 60_000);

  it('the form in French and Spanish: box labels and code meanings', async () => {
    for (const [locale, title, box3, box4, quantity, purposeT] of [
      ['fr-FR', 'Délivrer un permis', 'Case 3\u00a0: importateur', 'Case 4\u00a0: exportateur / réexportateur', 'Case 11\u00a0: Quantité', 'T — Transaction commerciale'],
      ['es-ES', 'Expedir un permiso', 'Casilla 3: importador', 'Casilla 4: exportador / reexportador', 'Casilla 11: Cantidad', 'T — Comercial'],
    ] as const) {
      const { context, page } = await consolePage(browser, problems);
      await signIn(page, lk.url, 'officer');
      await page.goto(`${lk.url}/console/issue`);
      await page.locator('#lang').selectOption(locale.slice(0, 2));
      await expect.poll(() => page.locator('#screen-title').textContent()).toBe(title);
      expect(await page.locator('fieldset.box legend').nth(1).textContent()).toBe(box3);
      expect(await page.locator('fieldset.box legend').nth(2).textContent()).toBe(box4);
      expect(await page.locator(`label[for="f-specimens-0-quantity"]`).textContent()).toBe(quantity);
      expect(await page.locator('#f-purpose option[value="T"]').textContent()).toBe(purposeT);
      await page.locator('#issue').click();
      await expect.poll(() => page.locator('[aria-invalid="true"]').count()).toBeGreaterThan(0);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `issue-form-${locale}`);
      await context.close();
    }
  }, 60_000);

  it('nothing was refused by the CSP and no page error happened', () => {
    expect(problems).toEqual([]);
  });
});
