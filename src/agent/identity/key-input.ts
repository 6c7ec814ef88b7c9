/**
 * What an operator gives to rotate or revoke a key, checked once for the command line
 * (`saiga key rotate|revoke`) and the API (POST /api/keys/rotate, /api/keys/{kid}/revoke):
 * the identity whose key rotates, and since when a revoked key may have been in other hands.
 * Each refusal names the field (`path`, a JSON pointer into the API's body) and says why.
 */
import type { KeyIdentity } from './key-states.js';

export interface KeyInputIssue {
  path: string;
  message: string;
}

export type KeyInput<T> = { ok: true; value: T } | { ok: false; issue: KeyInputIssue };

/** authority (permits and status lists) or customs (export endorsements); absent: authority. */
export function keyIdentityOf(value: unknown, path = '/identity'): KeyInput<KeyIdentity> {
  if (value === undefined) return { ok: true, value: 'authority' };
  if (value === 'authority' || value === 'customs') return { ok: true, value };
  return { ok: false, issue: { path, message: 'The identity must be "authority" (permits and status lists) or "customs" (export endorsements).' } };
}

/**
 * An ISO 8601 date (its midnight UTC) or date-time, not in the future: from when a key may have
 * been in other hands. Absent: the key is taken out of use without a compromise.
 */
export function compromisedSinceOf(value: unknown, now: Date, path = '/compromisedSince'): KeyInput<Date | undefined> {
  if (value === undefined) return { ok: true, value: undefined };
  const text = typeof value === 'string' ? value : '';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : /^\d{4}-\d{2}-\d{2}T/.test(text) ? new Date(text) : new Date(NaN);
  if (Number.isNaN(date.getTime())) return { ok: false, issue: { path, message: 'The compromise date must be a date (YYYY-MM-DD) or a date-time (ISO 8601).' } };
  if (date.getTime() > now.getTime()) return { ok: false, issue: { path, message: 'The compromise date lies in the future.' } };
  return { ok: true, value: date };
}
