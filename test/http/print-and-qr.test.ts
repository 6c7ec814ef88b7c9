/**
 * The printed permit end to end, against a real agent: the PDF from the API, turned into an
 * image with pdftoppm, its QR code read back from the image, and that text verified by
 * the agent — verified. Also the QR text from the CLI and the verify endpoint taking links.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthorityProcess, createToken, initAuthority, readExample, runCli, serveAuthority, tempDir } from '../helpers/agent-process.js';
import { qrSvg } from '../../src/qr/render.js';
import { decodeQrPng, pdfText, renderPng } from '../print/helpers.js';

let lk: AuthorityProcess;

beforeAll(async () => {
  lk = await serveAuthority(await initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' }));
});
afterAll(async () => {
  await lk?.stop();
});

const issue = async (name = 'export-lk-orchids.json') => (await lk.api('/api/permits', { token: lk.officerToken, body: readExample(name) })).body as { permitNumber: string; jwt: string };

describe('the printed permit and its QR code', () => {
  it('PDF from the API → pdftoppm → QR read from the image → verified', async () => {
    const permit = await issue();
    const response = await fetch(`${lk.url}/api/permits/${permit.permitNumber}/pdf?lang=es`, { headers: { authorization: `Bearer ${lk.officerToken}` } });
    expect([response.status, response.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    const file = join(tempDir(), 'permit.pdf');
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    expect(pdfText(file)).toContain(permit.permitNumber);
    expect(pdfText(file)).toContain('Válido hasta');
    const decoded = decodeQrPng(renderPng(file, 1, 200));
    expect(decoded?.text).toMatch(new RegExp(`^HTTP://LOCALHOST:\\d+/VERIFY#CP3:[0-9A-Z$*+\\-./:]+$`));
    const verdict = (await lk.api('/api/verify', { body: { credential: decoded!.text } })).body;
    expect([verdict.verified, verdict.state, verdict.permit.permitNumber]).toEqual([true, 'valid', permit.permitNumber]);
  });

  it('refuses the PDF to a customs token, for an unknown language and an unknown number', async () => {
    const permit = await issue();
    const customs = await createToken(lk.config, 'customs', 'K');
    expect((await lk.api(`/api/permits/${permit.permitNumber}/pdf`, { token: customs })).status).toBe(403);
    const lang = await lk.api(`/api/permits/${permit.permitNumber}/pdf?lang=de`, { token: lk.officerToken });
    expect([lang.status, lang.body.error.path]).toEqual([400, '/lang']);
    expect((await lk.api('/api/permits/LK00-E999999/pdf', { token: lk.officerToken })).status).toBe(404);
  });

  it('saiga permit qr prints a verifier link holding the whole permit (version ≤ 17 at M); verify takes it, and damaged codes get QR codes', async () => {
    const permit = await issue();
    const qr = await runCli(['permit', 'qr', permit.permitNumber, '--png', join(tempDir(), 'qr.png'), '--config', lk.config, '--json']);
    expect(qr.code, qr.stderr).toBe(0);
    const { kind, version, text } = JSON.parse(qr.stdout) as { kind: string; version: number; text: string };
    expect(kind).toBe('qr');
    expect(version).toBeLessThanOrEqual(17);
    const viaCli = await runCli(['verify', text, '--config', lk.config, '--json']);
    expect([viaCli.code, JSON.parse(viaCli.stdout).verified]).toEqual([0, true]);
    // Links from any host and lowercase links are read too.
    const elsewhere = text.replace(/^HTTP:\/\/LOCALHOST:\d+/, 'https://verifier.example.org').toLowerCase();
    expect((await lk.api('/api/verify', { body: { credential: elsewhere } })).body.verified).toBe(true);
    const damaged = `${text.slice(0, -10)}%%%%%%%%%%`;
    const verdict = (await lk.api('/api/verify', { body: { credential: damaged } })).body;
    expect(verdict.checks.map((c: { code: string }) => c.code)).toEqual(['QR_MALFORMED']);
    const future = (await lk.api('/api/verify', { body: { credential: 'CP9:ABC' } })).body;
    expect(future.checks.map((c: { code: string }) => c.code)).toEqual(['QR_UNKNOWN_VERSION']);
  });

  it('GET /api/permits/{number}/qr is the printed code: the text read back from the PDF, and its SVG; officer, customs and admin only', async () => {
    const permit = await issue();
    const pdf = join(tempDir(), 'permit.pdf');
    const printed = await fetch(`${lk.url}/api/permits/${permit.permitNumber}/pdf`, { headers: { authorization: `Bearer ${lk.officerToken}` } });
    writeFileSync(pdf, Buffer.from(await printed.arrayBuffer()));
    const fromPaper = decodeQrPng(renderPng(pdf, 1, 200))!.text;
    const customs = await createToken(lk.config, 'customs', 'K');
    const shown = await lk.api(`/api/permits/${permit.permitNumber}/qr`, { token: customs });
    expect([shown.status, shown.body.permitNumber, shown.body.kind, shown.body.text]).toEqual([200, permit.permitNumber, 'qr', fromPaper]);
    expect(shown.body.svg).toBe(await qrSvg(fromPaper));
    expect(shown.body.svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const unknown = await lk.api('/api/permits/LK00-E999999/qr', { token: lk.officerToken });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await fetch(`${lk.url}/api/permits/${permit.permitNumber}/qr`)).status).toBe(401);
  });
});
