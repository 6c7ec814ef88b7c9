/**
 * Reading a signed issuer trust list (`CITESTrustList`): a VC-JWT that must be signed by
 * the configured trust-anchor DID and be in date. Its authorities become the verifier's
 * allow-list of issuers. Never throws for a bad list.
 */
import type { TrustList } from '../vocab/trust-list.js';
import { TRUST_LIST_CREDENTIAL_TYPE } from '../vocab/trust-list.js';
import { verifySignedCredential, type SignedCredentialContext } from './signed-credential.js';
import { numericDateToIso } from './vc-jwt.js';
import type { TrustedIssuer } from './verifier-types.js';

export type TrustListOutcome =
  | { ok: true; issuers: TrustedIssuer[]; list: TrustList; issuedAt?: string; validUntil?: string }
  | { ok: false; code: 'TRUST_LIST_INVALID' | 'TRUST_LIST_EXPIRED'; message: string };

const COUNTRY = /^[A-Z]{2}$/;

function readList(subject: Record<string, unknown>): TrustList | string {
  const { name, version, authorities } = subject;
  if (typeof name !== 'string' || !Number.isInteger(version) || !Array.isArray(authorities)) return 'It is not a trust list.';
  for (const a of authorities as unknown[]) {
    const entry = a as Record<string, unknown>;
    if (typeof entry !== 'object' || entry === null || typeof entry.name !== 'string' || typeof entry.country !== 'string' || !COUNTRY.test(entry.country)) {
      return 'An authority in the list is malformed.';
    }
    if (entry.address !== undefined && typeof entry.address !== 'string') return `The address of ${entry.name} is malformed.`;
    if (entry.role !== 'managementAuthority' && entry.role !== 'customs') return `The role of ${entry.name} is unknown.`;
    if (!Array.isArray(entry.dids) || !entry.dids.every((d) => typeof d === 'string' && d.startsWith('did:'))) return `The DIDs of ${entry.name} are malformed.`;
  }
  return subject as unknown as TrustList;
}

/**
 * Verifies a trust list against the anchor DID and turns it into trusted issuers.
 * @example const trust = await verifyTrustList(jwt, { anchorDid, signed, now: new Date() });
 */
export async function verifyTrustList(jwt: string, opts: { anchorDid: string; signed: SignedCredentialContext; now: Date; clockToleranceSec?: number }): Promise<TrustListOutcome> {
  let failure = '';
  const anchor = { did: opts.anchorDid, role: 'managementAuthority' as const, country: 'XX', name: 'trust anchor' };
  const signed = await verifySignedCredential(
    jwt.trim(),
    { type: TRUST_LIST_CREDENTIAL_TYPE, label: 'trust list' },
    (did) => (did === opts.anchorDid ? { ok: true, issuer: anchor, message: '' } : { ok: false, detail: `It is signed by ${did}, not by the trust anchor ${opts.anchorDid}.` }),
    opts.signed,
    (_check, ok, code, detail) => {
      if (!ok) failure = `${code}: ${detail}`;
    },
  );
  if (signed === undefined) return { ok: false, code: 'TRUST_LIST_INVALID', message: `The trust list is not genuine (${failure}).` };
  const { claims } = signed;
  const tolerance = opts.clockToleranceSec ?? 60;
  const nowSec = opts.now.getTime() / 1000;
  if (claims.exp !== undefined && claims.exp < nowSec - tolerance) {
    return { ok: false, code: 'TRUST_LIST_EXPIRED', message: `The trust list expired on ${numericDateToIso(claims.exp)}.` };
  }
  const list = readList(claims.subject);
  if (typeof list === 'string') return { ok: false, code: 'TRUST_LIST_INVALID', message: list };
  const issuers = list.authorities.flatMap((a) =>
    a.dids.map((did): TrustedIssuer => ({ did, role: a.role, country: a.country, name: a.name, ...(a.address !== undefined && { address: a.address }) })),
  );
  const outcome: TrustListOutcome = { ok: true, issuers, list };
  if (claims.nbf !== undefined) outcome.issuedAt = numericDateToIso(claims.nbf);
  if (claims.exp !== undefined) outcome.validUntil = numericDateToIso(claims.exp);
  return outcome;
}
