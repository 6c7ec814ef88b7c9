/**
 * The holder-link mailer (issue 12 §1, docs/mail.md): sends a permit holder the link to their
 * permit through the SMTP server of agent.yml. Without `saiga.smtp` there is no mailer and the
 * officer hands the link over. A message that cannot be sent is a MailError with its code; no
 * error carries the SMTP password, nor nodemailer's own error (its `command` may hold AUTH data).
 */
import { randomUUID } from 'node:crypto';
import { createTransport } from 'nodemailer';
import { addressProblem } from './address.js';
import { MailError } from './errors.js';
import { composeHolderLink, type ComposedMessage, type MailLanguage } from './message.js';
import { composeWalletCode } from './wallet-code-message.js';
import { loadSmtpPassword } from './password.js';
import type { SmtpSettings } from './settings.js';

/** The shape src/holder calls (defined there too, structurally the same). */
export interface HolderLinkMailer {
  sendHolderLink(input: { to: string; url: string; permitNumber: string; expiresAt: string; language: 'en' | 'fr' | 'es' }): Promise<void>;
  sendWalletCode(input: { to: string; txCode: string; permitNumber: string; expiresAt: string; language: 'en' | 'fr' | 'es' }): Promise<void>;
}

/** What the mailer reads of the loaded agent.yml (src/agent/config/config.ts LoadedConfig has it). */
export interface MailerConfig {
  saiga: { authority: { name: string; country: string }; smtp?: SmtpSettings };
  /** The folder of agent.yml, against which passwordFile resolves. */
  baseDir: string;
}

export interface MailerDeps {
  /** The Date: header (tests pin it). */
  now?: () => Date;
  /** Trusted CA certificates for the server's TLS certificate, besides the system's (a private relay, tests). */
  ca?: string | Buffer;
}

/** The fields of nodemailer's errors read here. */
interface SmtpFailure {
  code?: string;
  originalCode?: string;
  responseCode?: number;
  response?: string;
  rejectedErrors?: { response?: string }[];
}

const LANGUAGES: readonly MailLanguage[] = ['en', 'fr', 'es'];
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The mailer of this agent, or undefined when agent.yml configures no SMTP server. Throws MailError on a missing or exposed password. */
export function createHolderLinkMailer(config: MailerConfig, env: Readonly<Record<string, string | undefined>>, deps: MailerDeps = {}): HolderLinkMailer | undefined {
  const smtp = config.saiga.smtp;
  if (smtp === undefined) return undefined;
  const password = smtp.username === undefined ? undefined : loadSmtpPassword(smtp.passwordFile, config.baseDir, env);
  const now = deps.now ?? (() => new Date());
  const transport = createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    requireTLS: smtp.requireTLS,
    ...(password !== undefined && { auth: { user: smtp.username!, pass: password } }),
    connectionTimeout: smtp.timeoutMs,
    greetingTimeout: smtp.timeoutMs,
    socketTimeout: smtp.timeoutMs,
    // No SMTP transcript in any log: it would hold the AUTH exchange.
    logger: false,
    debug: false,
    tls: { minVersion: 'TLSv1.2', rejectUnauthorized: true, ...(deps.ca !== undefined && { ca: deps.ca }) },
  });
  const domain = smtp.from.address.slice(smtp.from.address.lastIndexOf('@') + 1);
  const where = `${smtp.host}:${smtp.port}`;
  const redact = (s: string): string => (password ? s.split(password).join('***') : s);

  /** One message to one address; the body (which holds a link or a code) is never logged. */
  async function send(to: string, message: ComposedMessage): Promise<void> {
    try {
      await transport.sendMail({
        from: { name: smtp!.from.name, address: smtp!.from.address },
        to,
        envelope: { from: smtp!.from.address, to: [to] },
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: `<${randomUUID()}@${domain}>`,
        date: now(),
        // RFC 3834 §5: sent by a program, so that auto-responders do not answer it.
        headers: { 'Auto-Submitted': 'auto-generated' },
        disableFileAccess: true,
        disableUrlAccess: true,
      });
    } catch (error) {
      throw sendError(error as SmtpFailure, where, redact);
    }
  }

  const checkAddress = (to: string) => {
    const problem = addressProblem(to);
    if (problem !== undefined) throw new MailError('MAIL_ADDRESS_INVALID', `the address ${problem}`);
  };

  return {
    async sendHolderLink(input) {
      checkAddress(input.to);
      checkContent(input);
      await send(input.to, composeHolderLink({ ...input, authority: config.saiga.authority }));
    },
    // Issue 12 §2: the tx_code of a wallet offer, in a message of its own (./wallet-code-message.ts).
    async sendWalletCode(input) {
      checkAddress(input.to);
      if (!/^[0-9]{6}$/.test(input.txCode)) throw new MailError('MAIL_INPUT_INVALID', 'the code must be 6 digits');
      checkContent({ url: 'https://wallet.invalid/', permitNumber: input.permitNumber, expiresAt: input.expiresAt, language: input.language });
      await send(input.to, composeWalletCode({ ...input, authority: config.saiga.authority }));
    },
  };
}

function checkContent(input: { url: unknown; permitNumber: unknown; expiresAt: unknown; language: unknown }): void {
  const bad = (what: string): never => {
    throw new MailError('MAIL_INPUT_INVALID', what);
  };
  if (typeof input.url !== 'string' || input.url.length > 2000 || CONTROL.test(input.url) || /\s/.test(input.url)) bad('the link must be one URL of at most 2000 characters');
  let url: URL | undefined;
  try {
    url = new URL(input.url as string);
  } catch {
    bad('the link is not a URL');
  }
  if (url!.protocol !== 'https:' && url!.protocol !== 'http:') bad('the link must be an https (or http) URL');
  if (typeof input.permitNumber !== 'string' || input.permitNumber.trim() === '' || input.permitNumber.length > 100 || CONTROL.test(input.permitNumber)) bad('the permit number must be one line of at most 100 characters');
  if (typeof input.expiresAt !== 'string' || Number.isNaN(Date.parse(input.expiresAt))) bad('the expiry must be an ISO 8601 date');
  if (!LANGUAGES.includes(input.language as MailLanguage)) bad('the language must be en, fr or es');
}

/** nodemailer's error as a MailError: what happened and the SMTP reply code, the server's words only for a refusal. */
function sendError(error: SmtpFailure, where: string, redact: (s: string) => string): MailError {
  const reply = error.responseCode === undefined ? '' : `, reply ${error.responseCode}`;
  if (error.code === 'EAUTH') return new MailError('MAIL_AUTH_FAILED', `${where}${reply}`);
  if ((error.code === 'EENVELOPE' || error.code === 'EMESSAGE') && error.responseCode !== undefined && error.responseCode >= 500) {
    const said = redact((error.rejectedErrors?.[0]?.response ?? error.response ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ')).slice(0, 200);
    return new MailError('MAIL_REJECTED', `${where}${said ? `: ${said}` : reply}`);
  }
  const cause = error.originalCode ?? error.code ?? 'error';
  return new MailError('MAIL_SEND_FAILED', `${cause} from ${where}${reply}`);
}
