/**
 * STARTTLS (issue 12 §1, docs/mail.md): with requireTLS the message goes over TLS, and only to a
 * server whose certificate is trusted. The server's certificate is made for this run with
 * openssl (a self-signed one for localhost), given to the mailer as its CA.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHolderLinkMailer, MailError, normaliseSmtp, type SmtpSettings } from '../../src/mail/index.js';
import { MAIL_CODES } from '../../src/codes.js';
import { startSink, type Sink } from './smtp-sink.js';

const AUTHORITY = { name: 'Department of Wildlife Conservation', country: 'LK' };
const LINK = { to: 'trader@example.org', url: 'https://cites.dwc.gov.lk/holder/abc', permitNumber: 'LK26-E000042', expiresAt: '2027-01-15T12:30:00Z', language: 'en' } as const;

let key = '';
let cert = '';
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'saiga-mail-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  key = readFileSync(join(dir, 'key.pem'), 'utf8');
  cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
});

let sink: Sink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

function settings(port: number): SmtpSettings {
  const s = normaliseSmtp({ host: 'localhost', port, requireTLS: true, from: { address: 'permits@dwc.gov.lk' }, timeoutMs: 5000 }, AUTHORITY.name);
  if ('pointer' in s) throw new Error(s.message);
  return s;
}

describe('STARTTLS required', () => {
  it('sends over TLS to a server whose certificate is trusted', async () => {
    sink = await startSink({ disabledCommands: [], key, cert });
    await createHolderLinkMailer({ saiga: { authority: AUTHORITY, smtp: settings(sink.port) }, baseDir: tmpdir() }, {}, { ca: cert })!.sendHolderLink(LINK);
    expect(sink.received.map((r) => [r.secure, r.rcptTo])).toEqual([[true, ['trader@example.org']]]);
  });

  it('sends nothing to a server whose certificate is not trusted', async () => {
    sink = await startSink({ disabledCommands: [], key, cert });
    const error = await createHolderLinkMailer({ saiga: { authority: AUTHORITY, smtp: settings(sink.port) }, baseDir: tmpdir() }, {})!
      .sendHolderLink(LINK)
      .then(
        () => undefined,
        (e: unknown) => e as MailError,
      );
    expect(error).toBeInstanceOf(MailError);
    expect(error!.code).toBe('MAIL_SEND_FAILED');
    expect(error!.message).toBe(`${MAIL_CODES.MAIL_SEND_FAILED} (DEPTH_ZERO_SELF_SIGNED_CERT from localhost:${sink.port})`);
    expect(sink.received).toEqual([]);
  });
});
