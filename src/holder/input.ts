/**
 * The body of POST /api/permits/{number}/share and the options of `saiga permit share`:
 * `{ email?, language? }`, checked before anything is written (team rule: a code and a path).
 */
import type { HolderCode } from '../codes.js';

export type HolderLanguage = 'en' | 'fr' | 'es';
export const HOLDER_LANGUAGES: readonly HolderLanguage[] = ['en', 'fr', 'es'];

export type ShareRefusal = { ok: false; code: HolderCode; path: string; message?: string };
export type ShareInput = { ok: true; email?: string; language: HolderLanguage } | ShareRefusal;

/** RFC 5321 §4.5.3.1.3: a path is at most 256 octets, so an address at most 254 characters. */
const EMAIL_MAX = 254;
/**
 * One plain address: a local part of printable ASCII without spaces, quotes, brackets or
 * separators (so one address, never a list or a display name), and a domain of dot-separated
 * labels with a top-level domain. Stricter than RFC 5322 on purpose: it is typed by an officer.
 */
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,63}$/;

export function checkEmail(value: unknown, path: string): { ok: true; email: string } | ShareRefusal {
  if (typeof value !== 'string') return { ok: false, code: 'HOLDER_EMAIL_INVALID', path, message: '"email" must be a string.' };
  const email = value.trim();
  if (email.length > EMAIL_MAX || !EMAIL.test(email) || email.includes('..') || email.startsWith('.') || email.split('@')[0]!.endsWith('.')) {
    return { ok: false, code: 'HOLDER_EMAIL_INVALID', path };
  }
  return { ok: true, email };
}

export function checkLanguage(value: unknown, path: string): { ok: true; language: HolderLanguage } | ShareRefusal {
  if (typeof value === 'string' && HOLDER_LANGUAGES.includes(value as HolderLanguage)) return { ok: true, language: value as HolderLanguage };
  return { ok: false, code: 'HOLDER_LANGUAGE_INVALID', path };
}

export function readShareInput(body: unknown): ShareInput {
  // No body at all (express leaves it undefined) is an empty request: a link without e-mail.
  if (body === undefined) return { ok: true, language: 'en' };
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, code: 'HOLDER_SHARE_INVALID', path: '', message: 'The body must be a JSON object { "email"?, "language"? }.' };
  }
  const unknown = Object.keys(body).find((key) => key !== 'email' && key !== 'language');
  if (unknown) return { ok: false, code: 'HOLDER_SHARE_INVALID', path: `/${unknown}`, message: `Unknown field "${unknown}".` };
  const { email, language } = body as { email?: unknown; language?: unknown };
  const lang = language === undefined ? ({ ok: true, language: 'en' } as const) : checkLanguage(language, '/language');
  if (!lang.ok) return lang;
  if (email === undefined || email === null || email === '') return { ok: true, language: lang.language };
  const checked = checkEmail(email, '/email');
  if (!checked.ok) return checked;
  return { ok: true, email: checked.email, language: lang.language };
}
