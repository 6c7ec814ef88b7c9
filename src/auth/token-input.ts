/**
 * Checks of what names a token: its holder's name and its expiry, shared by
 * `saiga token create` and `POST /api/tokens`, so both refuse the same things alike.
 */
import { ROLES, type Role } from './tokens.js';
import { characterProblem } from '../permit/text.js';

export interface TokenInputIssue {
  /** JSON pointer of the field at fault (`/name`, `/expires`, `/role`). */
  path: string;
  message: string;
}

export const TOKEN_NAME_MAX = 120;

/**
 * Words that name a role, not a person. An officer's token name is printed as the
 * signatory in box 13 (Res. Conf. 12.3, Annex 2: "signature of the issuing official")
 * and recorded as the actor of every change, so it must say who.
 */
const ROLE_WORDS = new Set(['officer', 'duty officer', 'customs', 'customs officer', 'admin', 'administrator', 'root', 'user', 'operator', 'staff', 'system']);

/** The trimmed name, or the reason it cannot name a token holder. */
export function checkHolderName(raw: unknown, role: Role | undefined, path = '/name'): { ok: true; name: string } | { ok: false; issue: TokenInputIssue } {
  const refuse = (message: string) => ({ ok: false as const, issue: { path, message } });
  if (typeof raw !== 'string') return refuse('The name must be text: the full name of the person (or system) the token is for.');
  // NFC and the characters rule of the permit's texts: the name is printed in box 13 of every
  // permit this officer issues, and a permit holding a refused character is never signed.
  const name = raw.trim().normalize('NFC');
  const refused = [...name].find((ch) => characterProblem(ch) !== undefined);
  if (refused !== undefined) {
    const hex = `U+${refused.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    return refuse(`The name must not hold control, invisible or direction characters or line breaks (it holds ${hex}).`);
  }
  const length = [...name].length;
  if (length < 1 || length > TOKEN_NAME_MAX) return refuse(`The name must be 1 to ${TOKEN_NAME_MAX} characters.`);
  if (!/\p{L}/u.test(name)) return refuse('The name must contain letters.');
  if (role !== 'admin' && ROLE_WORDS.has(name.toLowerCase().replace(/\s+/g, ' '))) {
    return refuse(`"${name}" names a role, not a person; give the officer's full name (it is printed in box 13 and recorded as the actor).`);
  }
  return { ok: true, name };
}

export function checkRole(raw: unknown, path = '/role'): { ok: true; role: Role } | { ok: false; issue: TokenInputIssue } {
  if (typeof raw === 'string' && ROLES.includes(raw as Role)) return { ok: true, role: raw as Role };
  return { ok: false, issue: { path, message: `The role must be one of ${ROLES.join(', ')}.` } };
}

const DURATION = /^([1-9]\d{0,4})([hd])$/;
const MAX_LIFETIME_DAYS = 3660;

/**
 * An expiry written as a lifetime (`90d`, `12h`) or as an RFC 3339 date or date-time
 * (`2027-03-01`, which means the start of that day in UTC). It must lie in the future
 * and within about ten years.
 */
export function checkExpiry(raw: unknown, now: Date, path = '/expires'): { ok: true; at: Date } | { ok: false; issue: TokenInputIssue } {
  const refuse = (message: string) => ({ ok: false as const, issue: { path, message } });
  if (typeof raw !== 'string') return refuse('The expiry must be text: a lifetime such as 90d or 12h, or a date such as 2027-03-01.');
  const duration = DURATION.exec(raw.trim());
  let at: Date;
  if (duration) {
    const hours = Number(duration[1]) * (duration[2] === 'd' ? 24 : 1);
    at = new Date(now.getTime() + hours * 3_600_000);
  } else if (/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(raw.trim()) && !Number.isNaN(Date.parse(raw.trim()))) {
    at = new Date(Date.parse(raw.trim()));
  } else {
    return refuse('The expiry must be a lifetime such as 90d or 12h, or a date (2027-03-01) or date-time with Z or an offset.');
  }
  if (at.getTime() <= now.getTime()) return refuse(`The expiry ${at.toISOString()} is not in the future.`);
  if (at.getTime() - now.getTime() > MAX_LIFETIME_DAYS * 86_400_000) return refuse(`The expiry must be within ${MAX_LIFETIME_DAYS} days.`);
  return { ok: true, at };
}
