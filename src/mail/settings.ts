/**
 * `saiga.smtp` of agent.yml, as the mailer uses it (docs/mail.md), and the one rule checked on
 * it beyond its schema: a permit link never crosses the network in clear. The link lets whoever
 * holds it view the permit, so a non-loopback SMTP server must be reached over TLS (implicit,
 * `secure`, or STARTTLS, `requireTLS`) unless the operator says so in `allowCleartext`.
 * No password here: agent.yml is in git (secrets from the environment or a 0600 file).
 */
import { isIP } from 'node:net';
import { addressProblem } from './address.js';

export interface SmtpSettings {
  host: string;
  port: number;
  /** Implicit TLS from the first byte (usually port 465). */
  secure: boolean;
  /** STARTTLS must succeed before anything is sent (default: on, unless the host is loopback). */
  requireTLS: boolean;
  /** The operator accepts sending in clear to a non-loopback host (a trusted internal relay). */
  allowCleartext: boolean;
  /** The envelope sender and From: header; `name` defaults to the Management Authority's name. */
  from: { address: string; name: string };
  /** AUTH user; its password comes from SAIGA_SMTP_PASSWORD or `passwordFile`. */
  username?: string;
  /** A file (relative to agent.yml) holding the password, mode 0600. */
  passwordFile?: string;
  /** Connection, greeting and socket timeout. */
  timeoutMs: number;
}

/** agent.yml's section as written (the schema has checked its types). */
export interface SmtpSection {
  host: string;
  port?: number;
  secure?: boolean;
  requireTLS?: boolean;
  allowCleartext?: boolean;
  from: { address: string; name?: string };
  username?: string;
  passwordFile?: string;
  timeoutMs?: number;
}

/** What is wrong with a section, as a message and a JSON pointer under /saiga/smtp. */
export interface SmtpProblem {
  message: string;
  pointer: string;
}

/** localhost, 127.0.0.0/8 and ::1: a relay on this machine, where nothing crosses the network. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare === '::1' || bare === '0:0:0:0:0:0:0:1';
}

/** Completes the section with its defaults, or names the first problem. */
export function normaliseSmtp(raw: SmtpSection, authorityName: string): SmtpSettings | SmtpProblem {
  const secure = raw.secure ?? raw.port === 465;
  const loopback = isLoopbackHost(raw.host);
  const requireTLS = raw.requireTLS ?? (!secure && !loopback);
  const allowCleartext = raw.allowCleartext ?? false;
  if (!secure && !requireTLS && !loopback && !allowCleartext) {
    return {
      pointer: '/saiga/smtp/requireTLS',
      message: `mail to ${raw.host} would travel in clear, and anyone on the way could read the permit link and view the permit: set secure: true (implicit TLS, port 465) or leave requireTLS on (STARTTLS), or, only for a trusted internal relay, allowCleartext: true`,
    };
  }
  const fromProblem = addressProblem(raw.from.address);
  if (fromProblem !== undefined) return { pointer: '/saiga/smtp/from/address', message: `the sender address ${fromProblem}` };
  const name = raw.from.name ?? authorityName;
  if (/[\r\n]/.test(name)) return { pointer: '/saiga/smtp/from/name', message: 'the sender name must be one line' };
  if (raw.passwordFile !== undefined && raw.username === undefined) {
    return { pointer: '/saiga/smtp/passwordFile', message: 'a password file needs a username to sign in with' };
  }
  return {
    host: raw.host,
    port: raw.port ?? (secure ? 465 : 587),
    secure,
    requireTLS,
    allowCleartext,
    from: { address: raw.from.address, name },
    ...(raw.username !== undefined && { username: raw.username }),
    ...(raw.passwordFile !== undefined && { passwordFile: raw.passwordFile }),
    timeoutMs: raw.timeoutMs ?? 10_000,
  };
}
