/**
 * The holder-link mailer (issue 12 §1) against a real SMTP server on loopback (smtp-server):
 * what is delivered, in each language, and each way a message is not sent, with its code.
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHolderLinkMailer, MailError, normaliseSmtp, type SmtpSettings } from '../../src/mail/index.js';
import { MAIL_CODES } from '../../src/codes.js';
import { closedPort, parseMail, startSink, type Sink } from './smtp-sink.js';

const AUTHORITY = { name: 'Department of Wildlife Conservation', country: 'LK' };
const NOW = new Date('2026-12-02T10:00:00Z');
const URL_ = 'https://cites.dwc.gov.lk/holder/k7Qm2xVb9PzR4tYw8NcL3sHd6GfJ1aEu?lang=fr&from=mail';
const LINK = { to: 'trader@example.org', url: URL_, permitNumber: 'LK26-E000042', expiresAt: '2027-01-15T12:30:00Z' } as const;
const PASSWORD = 'correct horse battery staple';

let sinks: Sink[] = [];
afterEach(async () => {
  await Promise.all(sinks.map((s) => s.close()));
  sinks = [];
});

async function sink(options?: Parameters<typeof startSink>[0]): Promise<Sink> {
  const s = await startSink(options);
  sinks.push(s);
  return s;
}

function settings(port: number, extra: Partial<Parameters<typeof normaliseSmtp>[0]> = {}): SmtpSettings {
  const s = normaliseSmtp({ host: '127.0.0.1', port, from: { address: 'permits@dwc.gov.lk' }, timeoutMs: 5000, ...extra }, AUTHORITY.name);
  if ('pointer' in s) throw new Error(s.message);
  return s;
}

function mailer(smtp: SmtpSettings, env: Record<string, string> = {}, baseDir = tmpdir()) {
  const m = createHolderLinkMailer({ saiga: { authority: AUTHORITY, smtp }, baseDir }, env, { now: () => NOW });
  if (m === undefined) throw new Error('no mailer');
  return m;
}

async function refusal(promise: Promise<unknown>): Promise<MailError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MailError);
  return error as MailError;
}

const EXPECTED = {
  en: {
    subject: 'CITES permit LK26-E000042: your link to view it',
    issued: 'Department of Wildlife Conservation (LK) has issued CITES permit LK26-E000042 to you.',
    expires: 'The link expires on 2027-01-15 at 12:30 UTC.',
    personal: 'You may forward it to your freight forwarder or customs broker, but anyone who has the link can view the permit',
  },
  fr: {
    subject: 'Permis CITES LK26-E000042 : votre lien pour le consulter',
    issued: 'Department of Wildlife Conservation (LK) vous a délivré le permis CITES LK26-E000042.',
    expires: 'Le lien expire le 2027-01-15 à 12:30 UTC.',
    personal: 'Vous pouvez le transmettre à votre transitaire ou à votre commissionnaire en douane, mais toute personne qui a le lien peut consulter le permis',
  },
  es: {
    subject: 'Permiso CITES LK26-E000042: su enlace para consultarlo',
    issued: 'Department of Wildlife Conservation (LK) le ha expedido el permiso CITES LK26-E000042.',
    expires: 'El enlace caduca el 2027-01-15 a las 12:30 UTC.',
    personal: 'Puede reenviarlo a su transitario o agente de aduanas, pero cualquier persona que tenga el enlace puede ver el permiso',
  },
} as const;

describe('a holder link sent by email', () => {
  it.each(['en', 'fr', 'es'] as const)('is delivered in %s with its envelope, subject, body and headers', async (language) => {
    const s = await sink();
    await mailer(settings(s.port)).sendHolderLink({ ...LINK, language });
    expect(s.received).toHaveLength(1);
    const [got] = s.received;
    expect(got!.mailFrom).toBe('permits@dwc.gov.lk');
    expect(got!.rcptTo).toEqual(['trader@example.org']);
    const mail = parseMail(got!.raw);
    const words = EXPECTED[language];
    expect(mail.headers.get('subject')).toBe(words.subject);
    expect(mail.headers.get('from')).toBe('Department of Wildlife Conservation <permits@dwc.gov.lk>');
    expect(mail.headers.get('to')).toBe('trader@example.org');
    expect(mail.headers.get('date')).toBe('Wed, 02 Dec 2026 10:00:00 +0000');
    expect(mail.headers.get('message-id')).toMatch(/^<[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}@dwc\.gov\.lk>$/);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.headers.get('content-type')).toMatch(/^multipart\/alternative;/);
    for (const sentence of [words.issued, words.expires, words.personal]) {
      expect(mail.text).toContain(sentence);
      expect(mail.html).toContain(sentence);
    }
    expect(mail.text.split('\n')).toContain(URL_);
    expect(mail.html).toContain(`<p><a href="${URL_.replace(/&/g, '&amp;')}">${URL_.replace(/&/g, '&amp;')}</a></p>`);
    expect(mail.html).toContain(`<html lang="${language}">`);
    // No image, no tracking pixel, no other link than the permit's.
    expect(mail.html).not.toMatch(/<img|src=|url\(/i);
    expect([...mail.html.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual([URL_.replace(/&/g, '&amp;')]);
  });

  it('escapes the values it puts in the HTML', async () => {
    const s = await sink();
    const smtp = settings(s.port);
    const m = createHolderLinkMailer({ saiga: { authority: { name: 'Wildlife <Board> & "Co"', country: 'LK' }, smtp }, baseDir: tmpdir() }, {}, { now: () => NOW })!;
    await m.sendHolderLink({ ...LINK, permitNumber: 'LK<26>', language: 'en' });
    const mail = parseMail(s.received[0]!.raw);
    expect(mail.html).toContain('Wildlife &lt;Board&gt; &amp; &quot;Co&quot; (LK) has issued CITES permit LK&lt;26&gt; to you.');
    expect(mail.html).not.toContain('<Board>');
    expect(mail.text).toContain('Wildlife <Board> & "Co" (LK) has issued CITES permit LK<26> to you.');
  });
});

describe('signing in to the SMTP server', () => {
  const withAuth = () =>
    sink({
      authOptional: false,
      allowInsecureAuth: true,
      onAuth(auth, _session, callback) {
        if (auth.username === 'saiga' && auth.password === PASSWORD) callback(null, { user: 'saiga' });
        else callback(new Error('Invalid username or password'));
      },
    });

  it('uses the username of agent.yml and the password of SAIGA_SMTP_PASSWORD', async () => {
    const s = await withAuth();
    await mailer(settings(s.port, { username: 'saiga' }), { SAIGA_SMTP_PASSWORD: PASSWORD }).sendHolderLink({ ...LINK, language: 'en' });
    expect(s.received.map((r) => r.user)).toEqual(['saiga']);
  });

  it('uses the password of a file readable by its owner only', async () => {
    const s = await withAuth();
    const dir = mkdtempSync(join(tmpdir(), 'saiga-mail-'));
    writeFileSync(join(dir, 'smtp.password'), `${PASSWORD}\n`, { mode: 0o600 });
    await mailer(settings(s.port, { username: 'saiga', passwordFile: 'smtp.password' }), {}, dir).sendHolderLink({ ...LINK, language: 'en' });
    expect(s.received.map((r) => r.user)).toEqual(['saiga']);
  });

  it('refuses a password file that group or others can read, and sends nothing', async () => {
    const s = await withAuth();
    const dir = mkdtempSync(join(tmpdir(), 'saiga-mail-'));
    writeFileSync(join(dir, 'smtp.password'), `${PASSWORD}\n`);
    chmodSync(join(dir, 'smtp.password'), 0o644);
    let error: unknown;
    try {
      mailer(settings(s.port, { username: 'saiga', passwordFile: 'smtp.password' }), {}, dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MailError);
    expect((error as MailError).code).toBe('MAIL_PASSWORD_FILE_INSECURE');
    expect((error as MailError).pointer).toBe('/saiga/smtp/passwordFile');
    expect((error as MailError).message).toBe(`${MAIL_CODES.MAIL_PASSWORD_FILE_INSECURE} (${join(dir, 'smtp.password')} has mode 644; chmod 600 ${join(dir, 'smtp.password')})`);
    expect((error as MailError).message).not.toContain(PASSWORD);
    expect(s.connections).toBe(0);
  });

  it('refuses a username without a password', () => {
    let error: unknown;
    try {
      mailer(settings(2525, { username: 'saiga' }));
    } catch (e) {
      error = e;
    }
    expect((error as MailError).code).toBe('MAIL_PASSWORD_MISSING');
    expect((error as MailError).pointer).toBe('/saiga/smtp/username');
  });

  it('answers a wrong password with MAIL_AUTH_FAILED, the password named nowhere', async () => {
    const s = await withAuth();
    const wrong = 'Tr0ub4dor&3-not-it';
    const error = await refusal(mailer(settings(s.port, { username: 'saiga' }), { SAIGA_SMTP_PASSWORD: wrong }).sendHolderLink({ ...LINK, language: 'en' }));
    expect(error.code).toBe('MAIL_AUTH_FAILED');
    expect(error.message).toBe(`${MAIL_CODES.MAIL_AUTH_FAILED} (127.0.0.1:${s.port}, reply 535)`);
    expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toContain(wrong);
    expect(error.cause).toBeUndefined();
    expect(s.received).toEqual([]);
  });
});

describe('a message that is not sent', () => {
  it('is MAIL_REJECTED when the server refuses the recipient', async () => {
    const s = await sink({
      onRcptTo(address, _session, callback) {
        if (address.address === 'nobody@example.org') callback(Object.assign(new Error('5.1.1 No such user here'), { responseCode: 550 }));
        else callback();
      },
    });
    const error = await refusal(mailer(settings(s.port)).sendHolderLink({ ...LINK, to: 'nobody@example.org', language: 'en' }));
    expect(error.code).toBe('MAIL_REJECTED');
    expect(error.message).toBe(`${MAIL_CODES.MAIL_REJECTED} (127.0.0.1:${s.port}: 550 5.1.1 No such user here)`);
    expect(s.received).toEqual([]);
  });

  it('is MAIL_SEND_FAILED when the connection is refused', async () => {
    const port = await closedPort();
    const error = await refusal(mailer(settings(port)).sendHolderLink({ ...LINK, language: 'en' }));
    expect(error.code).toBe('MAIL_SEND_FAILED');
    expect(error.message).toBe(`${MAIL_CODES.MAIL_SEND_FAILED} (ECONNREFUSED from 127.0.0.1:${port})`);
  });

  it('is MAIL_SEND_FAILED, not sent in clear, when STARTTLS is required and the server offers none', async () => {
    const s = await sink();
    const error = await refusal(mailer(settings(s.port, { requireTLS: true })).sendHolderLink({ ...LINK, language: 'en' }));
    expect(error.code).toBe('MAIL_SEND_FAILED');
    // The server answers STARTTLS with 500 (not offered): nodemailer stops before MAIL FROM.
    expect(error.message).toBe(`${MAIL_CODES.MAIL_SEND_FAILED} (ETLS from 127.0.0.1:${s.port}, reply 500)`);
    expect(s.received).toEqual([]);
  });

  it.each([
    ['a line break and a header', 'trader@example.org\r\nBcc: all@example.net'],
    ['a line feed', 'trader@example.org\n'],
    ['no domain', 'trader@localhost'],
    ['two @', 'a@b@example.org'],
    ['a space', 'tra der@example.org'],
    ['a display name', 'Trader <trader@example.org>'],
    ['nothing', ''],
  ])('is MAIL_ADDRESS_INVALID for an address with %s, and nothing is sent', async (_name, to) => {
    const s = await sink();
    const error = await refusal(mailer(settings(s.port)).sendHolderLink({ ...LINK, to, language: 'en' }));
    expect(error.code).toBe('MAIL_ADDRESS_INVALID');
    expect(s.connections).toBe(0);
  });

  it.each([
    ['a link with a line break', { url: `${URL_}\r\nBcc: x@example.net` }],
    ['a link that is not http(s)', { url: 'javascript:alert(1)' }],
    ['a permit number with a line break', { permitNumber: 'LK26\nE1' }],
    ['an expiry that is not a date', { expiresAt: 'soon' }],
    ['another language', { language: 'de' }],
  ])('is MAIL_INPUT_INVALID for %s, and nothing is sent', async (_name, change) => {
    const s = await sink();
    const input = { ...LINK, language: 'en', ...change } as Parameters<ReturnType<typeof mailer>['sendHolderLink']>[0];
    const error = await refusal(mailer(settings(s.port)).sendHolderLink(input));
    expect(error.code).toBe('MAIL_INPUT_INVALID');
    expect(s.connections).toBe(0);
  });
});

describe('without saiga.smtp', () => {
  it('there is no mailer: the officer hands the link over', () => {
    expect(createHolderLinkMailer({ saiga: { authority: AUTHORITY }, baseDir: tmpdir() }, { SAIGA_SMTP_PASSWORD: PASSWORD })).toBeUndefined();
  });
});
