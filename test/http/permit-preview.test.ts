/**
 * POST /api/permits/preview against a real agent process: the PDF a request would print as,
 * marked as a preview (box 1, watermark, no QR code) in each language, refused exactly as
 * POST /api/permits refuses, and consuming nothing: after previews the database is row for
 * row what it was, and the first permit issued still gets a fresh agent's first number.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initAuthority, readExample, runCli, serveAuthority, type AuthorityProcess } from '../helpers/agent-process.js';
import { queryFile } from '../helpers/read-database.js';
import { decodeQrPng, pdfText, renderPng, writeTemp } from '../print/helpers.js';

let lk: AuthorityProcess;
let customsToken: string;
let database: string;
const pdfDir = mkdtempSync(join(tmpdir(), 'saiga-preview-'));
const orchids = readExample('export-lk-orchids.json');
/** What the permit number format of `saiga init` ({CC}{YY}-{T}{SEQ:6}) gives the first export of this year. */
const firstExportNumber = () => `LK${String(new Date().getUTCFullYear()).slice(2)}-E000001`;
const ANY_NUMBER = /LK\d{2}-E\d{6}/;
const flat = (text: string) => text.replace(/\s+/g, ' ');

beforeAll(async () => {
  const init = await initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' });
  lk = await serveAuthority(init);
  database = join(init.dir, 'data', 'agent.sqlite');
  const customs = await runCli(['token', 'create', '--config', lk.config, '--role', 'customs', '--name', 'Nadeesha Silva', '--json']);
  customsToken = JSON.parse(customs.stdout).token;
}, 60_000);

afterAll(async () => {
  await lk?.stop();
});

/** The preview's raw answer (the API helper reads bodies as text, which would break a PDF). */
async function preview(body: unknown, lang?: string, token = lk.officerToken): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const response = await fetch(`${lk.url}/api/permits/preview${lang ? `?lang=${lang}` : ''}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) };
}
const json = (bytes: Buffer) => JSON.parse(bytes.toString('utf8'));

/** Every row of every table, as JSON: what "nothing was written" compares. */
async function snapshot(): Promise<Record<string, string>> {
  const tables = await queryFile<{ name: string }>(database, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  const out: Record<string, string> = {};
  for (const { name } of tables) out[name] = JSON.stringify(await queryFile(database, `SELECT * FROM "${name}" ORDER BY rowid`));
  return out;
}

const quantityZero = () => ({ ...orchids, specimens: [{ ...(orchids.specimens as object[])[0], quantity: 0 }] });

describe('POST /api/permits/preview', () => {
  it('previews consume nothing: no row changes, and the next permit gets the first number', async () => {
    const before = await snapshot();
    expect(JSON.parse(before.permit!)).toEqual([]);
    for (const lang of [undefined, 'en', 'fr', 'es']) expect((await preview(orchids, lang)).status).toBe(200);
    // Refused previews write nothing either (POST /api/permits would audit the refusal).
    expect((await preview(quantityZero())).status).toBe(422);
    expect((await preview({ ...orchids, replaces: { permitNumber: 'LK26-E999999', reason: 'lost' } })).status).toBe(422);
    expect(await snapshot()).toEqual(before);
    expect((await lk.api('/api/permits', { token: lk.officerToken })).body.total).toBe(0);

    const issued = await lk.api('/api/permits', { token: lk.officerToken, body: orchids });
    expect(issued.status).toBe(201);
    expect(issued.body.permitNumber).toBe(firstExportNumber());
    // One permit, with one revocation and one suspension index: the previews drew none.
    expect(await queryFile(database, 'SELECT COUNT(*) AS n FROM status_entry')).toEqual([{ n: 2 }]);
  });

  it('prints the permit marked as a preview: PREVIEW in box 1, the watermark, no number, no QR code', async () => {
    const answer = await preview(orchids, 'en');
    expect(answer.status).toBe(200);
    expect(answer.type).toBe('application/pdf');
    expect(answer.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = writeTemp(pdfDir, 'preview-en.pdf', answer.bytes);
    const text = flat(pdfText(file, true));
    expect(text).toContain('PREVIEW — NOT VALID');
    expect(text).toContain('PERMIT / CERTIFICATE No. PREVIEW');
    expect(text).toContain('PREVIEW — no QR code.');
    // The permit as it would print: its boxes are there.
    expect(text).toContain((orchids.exporter as { name: string }).name);
    expect(text).toContain('Test Officer');
    expect(text).not.toMatch(ANY_NUMBER);
    expect(decodeQrPng(renderPng(file, 1, 150))).toBeUndefined();
  });

  it('says so in French and Spanish', async () => {
    const expected = { fr: ['APERÇU — NON VALABLE', 'PERMIS / CERTIFICAT No APERÇU'], es: ['VISTA PREVIA — NO VÁLIDO', 'PERMISO / CERTIFICADO No. VISTA PREVIA'] };
    for (const [lang, words] of Object.entries(expected)) {
      const answer = await preview(orchids, lang);
      expect([lang, answer.status, answer.type]).toEqual([lang, 200, 'application/pdf']);
      const text = flat(pdfText(writeTemp(pdfDir, `preview-${lang}.pdf`, answer.bytes), true));
      for (const w of words) expect(text).toContain(w);
      expect(text).not.toMatch(ANY_NUMBER);
    }
  });

  it('refuses an invalid request with the same answer as POST /api/permits', async () => {
    const refused = await preview(quantityZero());
    expect([refused.status, refused.type]).toEqual([422, 'application/json; charset=utf-8']);
    const issuing = await lk.api('/api/permits', { token: lk.officerToken, body: quantityZero() });
    expect(issuing.status).toBe(422);
    expect(json(refused.bytes)).toEqual(issuing.body);
    expect(issuing.body.error.code).toBe('PERMIT_INVALID');
    expect(issuing.body.error.errors.map((e: { code: string; path: string }) => [e.code, e.path])).toEqual([['QUANTITY_NOT_POSITIVE', '/specimens/0/quantity']]);
  });

  it('checks the permit it replaces read-only, and refuses as issuing does', async () => {
    const old = (await lk.api('/api/permits', { token: lk.officerToken, body: orchids })).body.permitNumber as string;
    const replacing = { ...orchids, replaces: { permitNumber: old, reason: 'lost' } };
    expect((await preview(replacing)).status).toBe(200);
    expect((await lk.api(`/api/permits/${old}/status`, { token: lk.officerToken })).body.state).toBe('valid');

    const unknown = { ...orchids, replaces: { permitNumber: 'LK26-E999999', reason: 'lost' } };
    const issuingUnknown = await lk.api('/api/permits', { token: lk.officerToken, body: unknown });
    expect(json((await preview(unknown)).bytes)).toEqual(issuingUnknown.body);
    expect(issuingUnknown.body.error.errors.map((e: { code: string; path: string }) => [e.code, e.path])).toEqual([['REPLACED_PERMIT_UNKNOWN', '/replaces/permitNumber']]);

    expect((await lk.api('/api/permits', { token: lk.officerToken, body: replacing })).status).toBe(201);
    const again = await preview(replacing);
    expect(again.status).toBe(422);
    const issuingAgain = await lk.api('/api/permits', { token: lk.officerToken, body: replacing });
    expect(json(again.bytes)).toEqual(issuingAgain.body);
    expect(issuingAgain.body.error.errors.map((e: { code: string }) => e.code)).toEqual(['REPLACED_PERMIT_REVOKED']);
  });

  it('is for officers only, and names a bad language', async () => {
    const customs = await preview(orchids, 'en', customsToken);
    expect(customs.status).toBe(403);
    expect(json(customs.bytes).error.code).toBe('FORBIDDEN');
    const badLang = await preview(orchids, 'de');
    expect(badLang.status).toBe(400);
    expect(json(badLang.bytes).error).toMatchObject({ code: 'BAD_REQUEST', path: '/lang' });
  });
});
