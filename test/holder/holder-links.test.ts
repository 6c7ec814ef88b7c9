/**
 * Issue 12 §1, holder links: made, listed and withdrawn through the API with each role, the
 * public holder page and its downloads, its refusals (withdrawn, expired, unknown), and the
 * audit trail. A real agent in process, real SQLite, real HTTP on loopback; time is pinned.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOLDER_PAGE_CSP } from '../../src/http/routes/holder-page.js';
import { example, inProcessAgent, type InProcessAgent } from '../store/helpers.js';

let a: InProcessAgent;
let permitNumber: string;
let validUntil: string;
const START = new Date('2026-12-01T12:00:00Z');

beforeAll(async () => {
  a = await inProcessAgent(START);
  const issued = await a.api('/api/permits', { token: a.officerToken, body: example('export-lk-orchids.json') });
  expect(issued.status).toBe(201);
  permitNumber = issued.body.permitNumber;
  validUntil = (await a.api(`/api/permits/${permitNumber}`, { token: a.officerToken })).body.validUntil;
}, 60_000);
afterAll(async () => a?.close());

const share = (body: unknown, token = a.officerToken, number = permitNumber) => a.api(`/api/permits/${number}/share`, { token, body });
const tokenOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);
/** The holder page as a browser asks for it (redirects followed). */
const holder = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${a.url}${path}`, { headers });
  return { status: response.status, headers: response.headers, url: response.url, body: Buffer.from(await response.arrayBuffer()) };
};
const expectedExpiry = (days: number) => {
  const [y, m, d] = validUntil.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1 + days)).toISOString();
};

describe('making, listing and withdrawing holder links', () => {
  it('an officer makes one: 201 with the URL shown once, the expiry the validity plus 30 days; other roles are refused', async () => {
    const made = await share({ email: 'trade@kandy-orchids.example.lk' });
    expect(made.status).toBe(201);
    expect(Object.keys(made.body).sort()).toEqual(['email', 'expiresAt', 'id', 'mailError', 'mailed', 'url']);
    // This agent has no saiga.smtp: the officer is told, and hands the link over.
    expect(made.body).toMatchObject({ email: 'trade@kandy-orchids.example.lk', mailed: false, mailError: { code: 'MAIL_NOT_CONFIGURED' }, expiresAt: expectedExpiry(30) });
    expect(made.body.url).toMatch(/^http:\/\/127\.0\.0\.1:9\/holder\/[A-Za-z0-9_-]{43}$/);
    for (const token of [a.customsToken, a.adminToken]) expect((await share({}, token)).status).toBe(403);
    expect((await a.api(`/api/permits/${permitNumber}/share`, { body: {} })).status).toBe(401);

    // Only the token's SHA-256 is stored; the token is nowhere in the database file.
    const token = tokenOf(made.body.url);
    const rows = await a.saiga.db.all<{ token_hash: string; email: string }>('SELECT token_hash, email FROM holder_link WHERE id = ?', [made.body.id]);
    expect(rows).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex'), email: 'trade@kandy-orchids.example.lk' }]);
    expect(readFileSync(join(a.dir, 'data', 'agent.sqlite')).includes(Buffer.from(token))).toBe(false);
  });

  it('refuses bad input with a code and a path, writing nothing', async () => {
    const before = (await a.api(`/api/permits/${permitNumber}/shares`, { token: a.officerToken })).body.items.length;
    const cases: [unknown, number, string, string][] = [
      [{ email: 'not an address' }, 422, 'HOLDER_EMAIL_INVALID', '/email'],
      [{ email: 'a@b.example, c@d.example' }, 422, 'HOLDER_EMAIL_INVALID', '/email'],
      [{ email: 42 }, 422, 'HOLDER_EMAIL_INVALID', '/email'],
      [{ language: 'de' }, 422, 'HOLDER_LANGUAGE_INVALID', '/language'],
      [{ mail: 'x@y.example' }, 422, 'HOLDER_SHARE_INVALID', '/mail'],
      [[1], 422, 'HOLDER_SHARE_INVALID', ''],
    ];
    for (const [body, status, code, path] of cases) {
      const answer = await share(body);
      expect([answer.status, answer.body.error.code, answer.body.error.path], JSON.stringify(body)).toEqual([status, code, path]);
    }
    const missing = await share({}, a.officerToken, 'LK26-E999999');
    expect([missing.status, missing.body.error.code]).toEqual([404, 'HOLDER_PERMIT_NOT_FOUND']);
    expect((await a.api(`/api/permits/${permitNumber}/shares`, { token: a.officerToken })).body.items.length).toBe(before);
  });

  it('lists a permit\'s links without tokens (officer, admin; not customs), and withdraws one once', async () => {
    const made = await share({});
    const listed = await a.api(`/api/permits/${permitNumber}/shares`, { token: a.adminToken });
    expect(listed.status).toBe(200);
    expect(listed.body.items[0]).toEqual({ id: made.body.id, permitNumber, createdAt: START.toISOString(), createdBy: 'Kamal Perera', expiresAt: expectedExpiry(30), state: 'active' });
    expect(JSON.stringify(listed.body)).not.toContain(tokenOf(made.body.url));
    expect((await a.api(`/api/permits/${permitNumber}/shares`, { token: a.customsToken })).status).toBe(403);
    expect((await a.api('/api/permits/LK26-E999999/shares', { token: a.officerToken })).body.error.code).toBe('HOLDER_PERMIT_NOT_FOUND');

    expect((await a.api(`/api/holder-links/${made.body.id}/revoke`, { token: a.adminToken, body: {} })).status).toBe(403);
    const revoked = await a.api(`/api/holder-links/${made.body.id}/revoke`, { token: a.officerToken, body: {} });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: made.body.id, state: 'revoked', revokedAt: START.toISOString(), revokedBy: 'Kamal Perera' });
    const again = await a.api(`/api/holder-links/${made.body.id}/revoke`, { token: a.officerToken, body: {} });
    expect([again.status, again.body.error.code]).toEqual([409, 'HOLDER_LINK_ALREADY_REVOKED']);
    const unknown = await a.api('/api/holder-links/no-such-link/revoke', { token: a.officerToken, body: {} });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'HOLDER_LINK_NOT_FOUND']);

    const page = await holder(`/holder/${tokenOf(made.body.url)}`);
    expect(page.status).toBe(410);
    expect(page.body.toString()).toContain('This link was withdrawn by the issuing authority.');
    expect(page.body.toString()).not.toContain(permitNumber);
    expect(page.headers.get('cache-control')).toBe('no-store');
  });
});

describe('the holder page', () => {
  let token: string;
  let linkId: string;
  beforeAll(async () => {
    const made = await share({ email: 'holder@kandy-orchids.example.lk' });
    token = tokenOf(made.body.url);
    linkId = made.body.id;
  });

  it('shows the permit by box, its state, the QR code and the downloads; no token, e-mail or id in the HTML; strict headers', async () => {
    const page = await holder(`/holder/${token}`);
    expect(page.status).toBe(200);
    expect(page.url).toBe(`${a.url}/holder/${token}/`);
    const html = page.body.toString();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(`<h1>CITES permit ${permitNumber}</h1>`);
    for (const text of ['PERMIT / CERTIFICATE No.', 'Kandy Orchid Nurseries (Pvt) Ltd', 'Phalaenopsis amabilis', 'Valid until', validUntil, 'class="state state-valid"', 'Show full screen, bright', 'href="permit.pdf?lang=fr"', 'href="credential.jwt"', '<svg']) {
      expect(html, text).toContain(text);
    }
    const record = (await a.api(`/api/permits/${permitNumber}`, { token: a.officerToken })).body;
    for (const secret of [token, 'holder@kandy-orchids.example.lk', linkId, record.id]) expect(html, secret).not.toContain(secret);
    expect(html).not.toMatch(/<script|style=/);
    expect(page.headers.get('content-security-policy')).toBe(HOLDER_PAGE_CSP);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const css = await holder('/holder/holder.css');
    expect([css.status, css.headers.get('content-type')]).toEqual([200, 'text/css; charset=utf-8']);
  });

  it('speaks French with ?lang=fr and Spanish from Accept-Language', async () => {
    const fr = (await holder(`/holder/${token}/?lang=fr`)).body.toString();
    expect(fr).toContain('<html lang="fr">');
    expect(fr).toContain(`<h1>Permis CITES ${permitNumber}</h1>`);
    expect(fr).toContain('PERMIS / CERTIFICAT No');
    const es = (await holder(`/holder/${token}/`, { 'accept-language': 'es-ES,es;q=0.9,en;q=0.5' })).body.toString();
    expect(es).toContain('<html lang="es">');
    expect(es).toContain('Válido');
  });

  it('downloads the printed permit (a PDF with the number) and the signed credential, which the core verifies', async () => {
    const pdf = await holder(`/holder/${token}/permit.pdf?lang=es`);
    expect([pdf.status, pdf.headers.get('content-type'), pdf.body.subarray(0, 5).toString()]).toEqual([200, 'application/pdf', '%PDF-']);
    const file = join(a.dir, 'holder.pdf');
    writeFileSync(file, pdf.body);
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain(permitNumber);
    const jwt = await holder(`/holder/${token}/credential.jwt`);
    expect(jwt.status).toBe(200);
    const verdict = await a.api('/api/verify', { body: { credential: jwt.body.toString() } });
    expect(verdict.body.verified).toBe(true);
  }, 30_000);

  it('shows the permit revoked once the authority revokes it', async () => {
    expect((await a.api(`/api/permits/${permitNumber}/revoke`, { token: a.officerToken, body: { reason: 'lost' } })).status).toBe(200);
    const html = (await holder(`/holder/${token}/`)).body.toString();
    expect(html).toContain('class="state state-revoked"><strong>Revoked</strong>');
  });

  it('answers an unknown token 404 and an expired link 410, saying nothing about a permit', async () => {
    for (const path of ['/holder/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/', '/holder/short/', `/holder/${token}x/permit.pdf`]) {
      const answer = await holder(path);
      expect(answer.status, path).toBe(404);
      expect(answer.body.toString()).toContain('There is nothing at this address.');
    }
    a.clock.now = new Date(expectedExpiry(30));
    try {
      for (const path of [`/holder/${token}/`, `/holder/${token}/permit.pdf`, `/holder/${token}/credential.jwt`]) {
        const answer = await holder(path);
        expect(answer.status, path).toBe(410);
        expect(answer.body.toString()).toContain('This link has expired.');
        expect(answer.body.toString()).not.toContain(permitNumber);
      }
      expect((await share({})).body.error.code).toBe('HOLDER_PERMIT_EXPIRED');
    } finally {
      a.clock.now = START;
    }
  });

  it('puts share, revoke, open and download in the audit trail with the link id, never the token or the address', async () => {
    const items: { action: string; subject: string; actorName: string; details: Record<string, unknown> }[] = (
      await a.api(`/api/audit?permit=${permitNumber}&limit=1000`, { token: a.adminToken })
    ).body.items;
    const mine = items.filter((e) => e.subject === linkId).map((e) => [e.action, e.actorName, e.details.what ?? null, e.details.language ?? null]);
    expect(mine).toEqual([
      ['holder.share', 'Kamal Perera', null, null],
      ['holder.open', 'holder (by link)', 'page', 'en'],
      ['holder.open', 'holder (by link)', 'page', 'fr'],
      ['holder.open', 'holder (by link)', 'page', 'es'],
      ['holder.download', 'holder (by link)', 'pdf', 'es'],
      ['holder.download', 'holder (by link)', 'credential', null],
      ['holder.open', 'holder (by link)', 'page', 'en'],
    ]);
    expect(items.filter((e) => e.action === 'holder.revoke')).toHaveLength(1);
    const text = JSON.stringify(items);
    expect(text).not.toContain(token);
    expect(text).not.toContain('kandy-orchids.example.lk');
  });
});
