/**
 * Revocation and suspension: W3C Bitstring Status List v1.0, checked as
 * digitalbazaar's vc-bitstring-status-list does (house style §8):
 * - the status list is itself a VC-JWT, verified like any credential we rely on;
 * - it must be signed by the permit's own issuer (§3.2 validate: "the issuer of the
 *   status list credential must match the issuer of the credential"), or anyone could
 *   publish a list that "un-revokes" a permit;
 * - its `statusPurpose` must match the entry's;
 * - a list that cannot be fetched means the status was NOT checked — never "valid".
 *
 * Verified lists are cached for a short time, so checking many permits of one authority
 * costs one fetch; the cache key includes the issuer, because the issuer check depends on it.
 */
import { decodeBitstring, getBit } from '../vocab/bitstring.js';
import type { FetchLike } from './did-web.js';
import { fetchText } from './http-fetch.js';
import { verifySignedCredential, type SignedCredentialContext } from './signed-credential.js';
import type { TrustedIssuer } from './verifier-types.js';
import { STATUS_ENTRY_TYPE, STATUS_LIST_CREDENTIAL_TYPE, type StatusPurpose } from '../vocab/credential-types.js';

export { STATUS_ENTRY_TYPE, STATUS_LIST_CREDENTIAL_TYPE, type StatusPurpose };

export interface StatusEntry {
  purpose: StatusPurpose;
  index: number;
  listUrl: string;
}

export type StatusOutcome =
  | { ok: true; revoked: boolean; suspended: boolean; checkedAt: string }
  | { ok: false; code: 'STATUS_UNAVAILABLE' | 'STATUS_INVALID'; detail: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the `credentialStatus` entries of a credential (one object or an array). */
export function readStatusEntries(vc: Record<string, unknown>): { ok: true; entries: StatusEntry[] } | { ok: false; reason: string } {
  const raw = vc.credentialStatus;
  if (raw === undefined) return { ok: false, reason: 'The permit names no status list, so whether it was cancelled cannot be checked.' };
  const list = Array.isArray(raw) ? raw : [raw];
  const entries: StatusEntry[] = [];
  for (const item of list) {
    if (!isObject(item) || item.type !== STATUS_ENTRY_TYPE) return { ok: false, reason: 'The permit names a status mechanism this verifier does not know.' };
    const { statusPurpose, statusListIndex, statusListCredential } = item;
    // BSL §2.1: statusListIndex is a string of a non-negative integer.
    const index = typeof statusListIndex === 'string' && /^(0|[1-9]\d{0,9})$/.test(statusListIndex) ? Number(statusListIndex) : NaN;
    if ((statusPurpose !== 'revocation' && statusPurpose !== 'suspension') || Number.isNaN(index) || typeof statusListCredential !== 'string') {
      return { ok: false, reason: 'A status entry of the permit is malformed.' };
    }
    entries.push({ purpose: statusPurpose, index, listUrl: statusListCredential });
  }
  if (!entries.some((e) => e.purpose === 'revocation')) return { ok: false, reason: 'The permit names no revocation list.' };
  return { ok: true, entries };
}

export interface StatusCheckerOptions {
  fetch?: FetchLike;
  signed: SignedCredentialContext;
  /** How long a verified list is reused, in ms, or a function of the list URL. Default 60 s. */
  cacheTtlMs?: number | ((listUrl: string) => number);
  timeoutMs?: number;
  now?: () => number;
}

type ListOutcome = { ok: true; bits: Uint8Array; fetchedAt: number } | { ok: false; code: 'STATUS_UNAVAILABLE' | 'STATUS_INVALID'; detail: string };

/** A list credential with 1 % of 131,072 bits set is about 4 kB; allow far more. */
const MAX_LIST_BYTES = 2_000_000;

export function createStatusChecker(options: StatusCheckerOptions) {
  const configured = options.cacheTtlMs ?? 60_000;
  const ttlOf = typeof configured === 'function' ? configured : () => configured;
  const clock = options.now ?? (() => Date.now());
  const cache = new Map<string, { outcome: Promise<ListOutcome>; loadedAt: number }>();

  async function loadList(entry: StatusEntry, issuer: TrustedIssuer, nowSec: number): Promise<ListOutcome> {
    if (options.fetch === undefined) return { ok: false, code: 'STATUS_UNAVAILABLE', detail: 'This verifier is offline.' };
    const fetched = await fetchText(entry.listUrl, {
      fetch: options.fetch,
      accept: 'application/vc+jwt, application/jwt, text/plain;q=0.5',
      maxBytes: MAX_LIST_BYTES,
      timeoutMs: options.timeoutMs ?? 5000,
    });
    if (!fetched.ok) return { ok: false, code: 'STATUS_UNAVAILABLE', detail: fetched.reason };
    let failure = '';
    const signed = await verifySignedCredential(
      fetched.text.trim(),
      { type: STATUS_LIST_CREDENTIAL_TYPE, label: 'status list' },
      (did) => (did === issuer.did ? { ok: true, issuer, message: '' } : { ok: false, detail: `It is signed by ${did}, not by the permit's issuer.` }),
      options.signed,
      (_check, ok, code, detail) => {
        if (!ok) failure = `${code}: ${detail}`;
      },
    );
    if (signed === undefined) return { ok: false, code: 'STATUS_INVALID', detail: `The list at ${entry.listUrl} failed its check (${failure}).` };
    const { claims } = signed;
    if (claims.id !== undefined && claims.id !== entry.listUrl) {
      return { ok: false, code: 'STATUS_INVALID', detail: `The list at ${entry.listUrl} says it is ${claims.id}.` };
    }
    if (claims.exp !== undefined && claims.exp < nowSec) return { ok: false, code: 'STATUS_UNAVAILABLE', detail: `The list at ${entry.listUrl} is out of date.` };
    const subject = claims.subject;
    if (subject.type !== 'BitstringStatusList' || subject.statusPurpose !== entry.purpose) {
      return { ok: false, code: 'STATUS_INVALID', detail: `The list at ${entry.listUrl} is not a ${entry.purpose} list.` };
    }
    const decoded = decodeBitstring(subject.encodedList);
    if (!decoded.ok) return { ok: false, code: 'STATUS_INVALID', detail: `The list at ${entry.listUrl}: ${decoded.reason}.` };
    return { ok: true, bits: decoded.bits, fetchedAt: clock() };
  }

  function list(entry: StatusEntry, issuer: TrustedIssuer, nowSec: number): Promise<ListOutcome> {
    const key = `${issuer.did} ${entry.purpose} ${entry.listUrl}`;
    const hit = cache.get(key);
    if (hit !== undefined && clock() - hit.loadedAt < ttlOf(entry.listUrl)) return hit.outcome;
    const outcome = loadList(entry, issuer, nowSec).then((loaded) => {
      // Keep a good list for the TTL; forget a failure at once, so the next check tries again.
      if (!loaded.ok && cache.get(key)?.outcome === outcome) cache.delete(key);
      return loaded;
    });
    cache.set(key, { outcome, loadedAt: clock() });
    if (cache.size > 1000) cache.delete(cache.keys().next().value!);
    return outcome;
  }

  /** Reads every status bit of a permit. */
  return async function checkStatus(entries: StatusEntry[], issuer: TrustedIssuer, now: Date): Promise<StatusOutcome> {
    const nowSec = now.getTime() / 1000;
    const outcomes = await Promise.all(entries.map((entry) => list(entry, issuer, nowSec)));
    let revoked = false;
    let suspended = false;
    let oldest = Infinity;
    for (const [i, outcome] of outcomes.entries()) {
      if (!outcome.ok) return outcome;
      const entry = entries[i]!;
      if (entry.index >= outcome.bits.length * 8) {
        return { ok: false, code: 'STATUS_INVALID', detail: `Index ${entry.index} lies outside the list at ${entry.listUrl}.` };
      }
      const set = getBit(outcome.bits, entry.index);
      if (entry.purpose === 'revocation') revoked ||= set;
      else suspended ||= set;
      oldest = Math.min(oldest, outcome.fetchedAt);
    }
    return { ok: true, revoked, suspended, checkedAt: new Date(oldest).toISOString() };
  };
}
