/**
 * Issue 12 §1: migration 18's table, the e-mail seam (HolderLinkMailer), `saiga permit share`
 * (the built CLI, a real SQLite file) and POST /api/permits?share=true. Time is pinned.
 */
import { join } from 'node:path';
import { MAIL_CODES } from '../../src/codes.js';
import { MailError } from '../../src/mail/errors.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HolderLinks } from '../../src/holder/links.js';
import type { HolderLinkMailer } from '../../src/holder/mailer.js';
import { holderLinkExpiry } from '../../src/holder/expiry.js';
import { HOLDER_GRACE_DAYS_DEFAULT, parseSaigaSection } from '../../src/agent/config/config.js';
import { EXAMPLES, runCli, tempDir } from '../helpers/agent-process.js';
import { example, inProcessAgent, type InProcessAgent } from '../store/helpers.js';

let a: InProcessAgent;
const START = new Date('2026-12-01T12:00:00Z');
beforeAll(async () => {
  a = await inProcessAgent(START);
}, 60_000);
afterAll(async () => a?.close());

describe('migration 18 and the configuration', () => {
  it('creates holder_link with the token hash unique and no token column', async () => {
    const columns = (await a.saiga.db.all<{ name: string }>("SELECT name FROM pragma_table_info('holder_link') ORDER BY cid")).map((c) => c.name);
    expect(columns).toEqual(['id', 'permit_number', 'credential_id', 'token_hash', 'created_at', 'created_by', 'created_by_token', 'expires_at', 'revoked_at', 'revoked_by', 'revoked_by_token', 'email']);
    expect((await a.saiga.db.get<{ name: string }>("SELECT name FROM saiga_migration WHERE version = 18"))?.name).toBe('holder links: the permit shared with its holder');
  });

  it('saiga.holder.graceDays defaults to 30 and is checked', () => {
    const base = { authority: { country: 'LK', name: 'DWC', address: 'Battaramulla', place: 'Battaramulla' }, url: 'https://cites.example.lk', didMethod: 'key' };
    expect(HOLDER_GRACE_DAYS_DEFAULT).toBe(30);
    expect(parseSaigaSection(base).holder).toEqual({ graceDays: 30 });
    expect(parseSaigaSection({ ...base, holder: { graceDays: 0 } }).holder).toEqual({ graceDays: 0 });
    expect(() => parseSaigaSection({ ...base, holder: { graceDays: -1 } })).toThrow(/must be >= 0/);
    expect(holderLinkExpiry('2027-06-01', 30).toISOString()).toBe('2027-07-02T00:00:00.000Z');
  });
});

describe('the e-mail seam', () => {
  it('calls sendHolderLink once the link exists; a failing mailer leaves the link, mailed false', async () => {
    const issued = await a.api('/api/permits', { token: a.officerToken, body: example('export-lk-orchids.json') });
    const permitNumber = issued.body.permitNumber as string;
    const sent: Parameters<HolderLinkMailer['sendHolderLink']>[0][] = [];
    const { store } = a.saiga;
    const deps = { store, now: () => a.clock.now, url: 'https://cites.example.lk', graceDays: 30 };
    const mailing = new HolderLinks({ ...deps, mailer: { sendHolderLink: async (input) => void sent.push(input) } });
    const made = await mailing.share(permitNumber, { email: 'trade@example.lk', language: 'fr' }, { name: 'Kamal Perera' });
    expect(made.ok && made.mailed).toBe(true);
    expect(sent).toEqual([{ to: 'trade@example.lk', url: made.ok ? made.url : '', permitNumber, expiresAt: made.ok ? made.link.expiresAt : '', language: 'fr' }]);
    const failing = new HolderLinks({ ...deps, mailer: { sendHolderLink: async () => Promise.reject(new Error('SMTP down')) } });
    const kept = await failing.share(permitNumber, { email: 'trade@example.lk', language: 'en' }, { name: 'Kamal Perera' });
    // An error that is not a MailError: its text (which might hold anything) is not passed on.
    expect(kept.ok && [kept.mailed, kept.mailError]).toEqual([false, { code: 'MAIL_SEND_FAILED', message: MAIL_CODES.MAIL_SEND_FAILED }]);
    const refusing = new HolderLinks({ ...deps, mailer: { sendHolderLink: async () => Promise.reject(new MailError('MAIL_REJECTED', '550 no such user')) } });
    const rejected = await refusing.share(permitNumber, { email: 'trade@example.lk', language: 'en' }, { name: 'Kamal Perera' });
    expect(rejected.ok && rejected.mailError).toEqual({ code: 'MAIL_REJECTED', message: `${MAIL_CODES.MAIL_REJECTED} (550 no such user)` });
    const withoutEmail = await mailing.share(permitNumber, { language: 'en' }, { name: 'Kamal Perera' });
    expect(withoutEmail.ok && [withoutEmail.mailed, withoutEmail.mailError]).toEqual([false, undefined]);
    expect(sent).toHaveLength(1);
  });
});

describe('sharing on issue', () => {
  it('POST /api/permits?share=true answers the holder link beside the same signed permit; a bad value issues nothing', async () => {
    const bad = await a.api('/api/permits?share=yes', { token: a.officerToken, body: example('export-lk-orchids.json') });
    expect([bad.status, bad.body.error.code, bad.body.error.path]).toEqual([400, 'BAD_REQUEST', '/share']);
    const issued = await a.api('/api/permits?share=true', { token: a.officerToken, body: example('export-lk-orchids.json') });
    expect(issued.status).toBe(201);
    expect(issued.body.holderLink).toMatchObject({ mailed: false });
    expect(issued.body.holderLink.url).toMatch(/\/holder\/[A-Za-z0-9_-]{43}$/);
    const stored = (await a.api(`/api/permits/${issued.body.permitNumber}`, { token: a.officerToken })).body;
    expect(stored.jwt).toBe(issued.body.jwt);
    const page = await fetch(`${a.url}/holder/${issued.body.holderLink.url.split('/').pop()}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(issued.body.permitNumber);
  });
});

describe('sharing on issue with the holder\'s e-mail', () => {
  it('?shareEmail= and ?shareLanguage= are checked before issuing: a bad one is a holder code at its path, and no number is used', async () => {
    const body = example('export-lk-orchids.json');
    const before = (await a.api('/api/permits?limit=1', { token: a.officerToken })).body.total as number;
    const refusals: [string, number, string, string][] = [];
    for (const query of ['shareEmail=nobody', 'share=true&shareEmail=a%40b', 'shareLanguage=de', 'share=true&shareLanguage=EN', 'share=false&shareEmail=trade%40kandy-orchids.example.lk']) {
      const answer = await a.api(`/api/permits?${query}`, { token: a.officerToken, body });
      refusals.push([query, answer.status, answer.body.error.code, answer.body.error.path]);
    }
    expect(refusals).toEqual([
      ['shareEmail=nobody', 422, 'HOLDER_EMAIL_INVALID', '/shareEmail'],
      ['share=true&shareEmail=a%40b', 422, 'HOLDER_EMAIL_INVALID', '/shareEmail'],
      ['shareLanguage=de', 422, 'HOLDER_LANGUAGE_INVALID', '/shareLanguage'],
      ['share=true&shareLanguage=EN', 422, 'HOLDER_LANGUAGE_INVALID', '/shareLanguage'],
      ['share=false&shareEmail=trade%40kandy-orchids.example.lk', 400, 'BAD_REQUEST', '/share'],
    ]);
    expect((await a.api('/api/permits?limit=1', { token: a.officerToken })).body.total).toBe(before);
    // An address implies share=true; this in-process agent has no mail server, so the link is made and the officer told.
    const issued = await a.api('/api/permits?shareEmail=trade%40kandy-orchids.example.lk&shareLanguage=es', { token: a.officerToken, body });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    expect(issued.body.holderLink).toMatchObject({ email: 'trade@kandy-orchids.example.lk', mailed: false, mailError: { code: 'MAIL_NOT_CONFIGURED', message: MAIL_CODES.MAIL_NOT_CONFIGURED } });
    expect((await a.api('/api/permits?limit=1', { token: a.officerToken })).body.total).toBe(before + 1);
  });
});

describe('saiga permit share', () => {
  it('prints the link once as JSON; refuses an unknown permit and a bad address', async () => {
    const dir = tempDir();
    const config = join(dir, 'agent.yml');
    expect((await runCli(['init', '--config', config, '--country', 'NO', '--name', 'Norwegian Environment Agency', '--place', 'Trondheim', '--did-method', 'key', '--url', 'https://cites.example.no', '--json'])).code).toBe(0);
    const issued = await runCli(['permit', 'issue', join(EXAMPLES, 'export-no-captive-bred-parrots.json'), '--config', config, '--signatory', 'Kari Nordmann', '--json']);
    const { permitNumber } = JSON.parse(issued.stdout);
    const shared = await runCli(['permit', 'share', permitNumber, '--config', config, '--email', 'parrots@example.no', '--officer', 'Kari Nordmann', '--json']);
    expect(shared.code, shared.stderr).toBe(0);
    const body = JSON.parse(shared.stdout);
    expect(Object.keys(body).sort()).toEqual(['email', 'expiresAt', 'id', 'mailError', 'mailed', 'url']);
    // The CLI opens the agent read-only, without the serving agent's mailer: the link is for the officer to hand over.
    expect(body).toMatchObject({ email: 'parrots@example.no', mailed: false, mailError: { code: 'MAIL_NOT_CONFIGURED', message: MAIL_CODES.MAIL_NOT_CONFIGURED } });
    expect(body.url).toMatch(/^https:\/\/cites\.example\.no\/holder\/[A-Za-z0-9_-]{43}$/);
    const text = await runCli(['permit', 'share', permitNumber, '--config', config]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/It is shown this once; give it to the holder:\n\n {2}https:\/\/cites\.example\.no\/holder\/[A-Za-z0-9_-]{43}\n$/);
    const missing = await runCli(['permit', 'share', 'NO26-E999999', '--config', config, '--json']);
    expect([missing.code, JSON.parse(missing.stdout).error.code]).toEqual([1, 'HOLDER_PERMIT_NOT_FOUND']);
    const badEmail = await runCli(['permit', 'share', permitNumber, '--config', config, '--email', 'nobody', '--json']);
    expect(badEmail.code).toBe(2);
    expect(JSON.parse(badEmail.stdout).error.code).toBe('BAD_REQUEST');
    const audit = await runCli(['audit', 'export', '--config', config, '--permit', permitNumber, '--json']);
    expect(audit.stdout).toContain('holder.share');
    expect(audit.stdout).not.toContain(body.url.split('/').pop());
  }, 120_000);
});
