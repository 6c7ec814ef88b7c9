/**
 * Issue 12 §1 "Email", end to end: a real `saiga serve` process whose agent.yml names a local
 * SMTP server (smtp-server on loopback, signed in with the password of the environment). The
 * officer shares a permit with the trader's address; the SMTP server receives the link; the
 * link opens the holder page with the permit. An unreachable mail server leaves the link made
 * and says why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIL_CODES } from '../../src/codes.js';
import { type AuthorityProcess, editConfig, initAuthority, readExample, serveAuthority } from '../helpers/agent-process.js';
import { closedPort, parseMail, startSink, type Sink } from '../mail/smtp-sink.js';

let sink: Sink;
let lk: AuthorityProcess;
let down: AuthorityProcess;

async function issue(authority: AuthorityProcess): Promise<string> {
  const issued = await authority.api('/api/permits', { token: authority.officerToken, body: readExample('export-lk-orchids.json') });
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  return issued.body.permitNumber as string;
}

beforeAll(async () => {
  sink = await startSink({ authOptional: false, allowInsecureAuth: true, onAuth: (auth, _s, cb) => (auth.password === 'mail-2026' ? cb(null, { user: auth.username }) : cb(new Error('no'))) });
  const smtp = (port: number) => ({ host: '127.0.0.1', port, from: { address: 'permits@dwc.gov.lk', name: 'Department of Wildlife Conservation' }, username: 'saiga' });
  const [lkInit, downInit] = await Promise.all([
    initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' }),
    initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' }),
  ]);
  editConfig(lkInit.config, (saiga) => (saiga.smtp = smtp(sink.port)));
  const nowhere = await closedPort();
  editConfig(downInit.config, (saiga) => (saiga.smtp = smtp(nowhere)));
  [lk, down] = await Promise.all([serveAuthority(lkInit, { SAIGA_SMTP_PASSWORD: 'mail-2026' }), serveAuthority(downInit, { SAIGA_SMTP_PASSWORD: 'mail-2026' })]);
}, 90_000);

afterAll(async () => {
  await Promise.all([lk?.stop(), down?.stop()]);
  await sink?.close();
});

describe('the holder link by e-mail', () => {
  it('is sent to the trader through the configured SMTP server, and the link in it opens the permit', async () => {
    const permitNumber = await issue(lk);
    const shared = await lk.api(`/api/permits/${permitNumber}/share`, { token: lk.officerToken, body: { email: 'trade@kandy-orchids.example.lk', language: 'fr' } });
    expect(shared.status, JSON.stringify(shared.body)).toBe(201);
    expect([shared.body.mailed, shared.body.mailError]).toEqual([true, undefined]);
    expect(sink.received.map((r) => [r.user, r.mailFrom, r.rcptTo])).toEqual([['saiga', 'permits@dwc.gov.lk', ['trade@kandy-orchids.example.lk']]]);
    const mail = parseMail(sink.received[0]!.raw);
    expect(mail.headers.get('subject')).toContain(permitNumber);
    expect(mail.text).toContain(shared.body.url);
    // The link as the trader gets it, from the message.
    const link = mail.text.match(/https?:\/\/\S+\/holder\/[A-Za-z0-9_-]{43}/)![0];
    expect(link).toBe(shared.body.url);
    const page = await fetch(link);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(permitNumber);
    expect(html).not.toContain('trade@kandy-orchids.example.lk');
  });

  it('an unreachable mail server: the link is made all the same, mailed false, and the officer is told why', async () => {
    const permitNumber = await issue(down);
    const shared = await down.api(`/api/permits/${permitNumber}/share`, { token: down.officerToken, body: { email: 'trade@kandy-orchids.example.lk' } });
    expect(shared.status, JSON.stringify(shared.body)).toBe(201);
    expect(shared.body.mailed).toBe(false);
    expect(shared.body.mailError.code).toBe('MAIL_SEND_FAILED');
    expect(shared.body.mailError.message.startsWith(MAIL_CODES.MAIL_SEND_FAILED)).toBe(true);
    expect(shared.body.mailError.message).not.toContain('mail-2026');
    expect((await fetch(shared.body.url)).status).toBe(200);
  });
});
