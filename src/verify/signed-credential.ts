/**
 * Steps 1–5 of checking any VC-JWT we rely on — a permit, a status list, a customs
 * endorsement: format, algorithm, trust, issuer keys, signature.
 *
 * The first failure stops the run, so no claim is read out of a document whose signature
 * did not verify. Trust is decided before the DID is resolved: an untrusted did:web is
 * never fetched, so a public verifier cannot be made to request arbitrary URLs.
 */
import type { VerifyCode } from '../codes.js';
import { parseCompactJws } from './jws.js';
import { isAssertionMethod, retiredKeyOf, verificationMethodIds, type AssertionKey, type RetiredKey } from './keys.js';
import { signingInput, type SignatureSuite } from './signature.js';
import type { ResolveDid } from './types.js';
import { readCredentialClaims, type CredentialClaims } from './vc-jwt.js';
import type { CheckName, TrustedIssuer } from './verifier-types.js';

/** What the signed-credential steps need; built once per verifier. */
export interface SignedCredentialContext {
  resolveDid: ResolveDid;
  assertionKeys: (did: string, document: unknown) => Promise<AssertionKey[]>;
  suite: SignatureSuite;
  allowedAlgorithms: ReadonlySet<string>;
}

/** Whether the signer of a credential may sign it: the trust-list entry, or why not. */
export type TrustDecision = { ok: true; issuer: TrustedIssuer; message: string } | { ok: false; detail: string };

/** Receives each step's outcome; the permit verifier turns these into checks. */
export type StepReport = (check: CheckName, ok: boolean, code: VerifyCode, detail: string) => void;

export interface SignedCredential {
  claims: CredentialClaims;
  issuer: TrustedIssuer;
  header: Record<string, unknown>;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Why a `kid` selects no assertion key: it names no key of the issuer, one not for issuing, or one not usable. */
function unknownKidDetail(kid: string, wanted: string, issuer: string, document: unknown): string {
  if (!verificationMethodIds(issuer, document).has(wanted)) return `The key it names (${kid}) is not a key of ${issuer}.`;
  if (!isAssertionMethod(issuer, document, wanted)) return `The key it names (${kid}) is a key of ${issuer}, but not one for issuing documents (it is not listed under assertionMethod).`;
  return `The key it names (${kid}) is not a usable Ed25519 signing key of ${issuer}.`;
}

type IssuerKeys = { ok: true; document: unknown; keys: AssertionKey[] } | { ok: false; why: string };

async function resolveIssuer(did: string, ctx: SignedCredentialContext, fresh: boolean): Promise<IssuerKeys> {
  try {
    const resolution = await (fresh ? ctx.resolveDid(did, { fresh: true }) : ctx.resolveDid(did));
    const error = resolution?.didResolutionMetadata?.error;
    if (error !== undefined || !resolution?.didDocument || resolution.didDocument.id !== did) {
      return { ok: false, why: resolution?.didResolutionMetadata?.message ?? error ?? 'No DID document was returned.' };
    }
    return { ok: true, document: resolution.didDocument, keys: await ctx.assertionKeys(did, resolution.didDocument) };
  } catch (e) {
    return { ok: false, why: e instanceof Error ? e.message : String(e) };
  }
}

/** When the JWT says it was signed: the later of `iat` and `nbf` (RFC 7519 §4.1.5–6), so a token cannot pick the earlier one. */
function signedAt(payload: Record<string, unknown>): Date | undefined {
  const times = [payload.iat, payload.nbf].filter((t): t is number => typeof t === 'number' && Number.isFinite(t));
  return times.length === 0 ? undefined : new Date(Math.max(...times) * 1000);
}

/**
 * Whether a credential signed with a retired key may still be checked with it (issue 9 §6):
 * signed at or after `compromisedSince` → KEY_COMPROMISED; at or after `revoked` → KEY_REVOKED;
 * before both → yes, so archived permits keep verifying. The signing time is the token's own
 * claim: someone holding a stolen key can backdate it. What catches such a forgery is the
 * issuer's public record (record.ts): a permit the issuer never issued has no record there.
 */
function retiredKeyVerdict(key: RetiredKey, payload: Record<string, unknown>): { ok: true; note: string } | { ok: false; code: 'KEY_REVOKED' | 'KEY_COMPROMISED'; detail: string } {
  const at = signedAt(payload);
  const day = (d: Date) => d.toISOString();
  if (at === undefined) return { ok: false, code: 'KEY_REVOKED', detail: `The key ${key.id} was withdrawn on ${day(key.revoked)}, and the document does not say when it was signed.` };
  if (key.compromisedSince !== undefined && at.getTime() >= key.compromisedSince.getTime()) {
    return { ok: false, code: 'KEY_COMPROMISED', detail: `It was signed on ${day(at)} with the key ${key.id}, which the issuer reports compromised since ${day(key.compromisedSince)}.` };
  }
  if (at.getTime() >= key.revoked.getTime()) return { ok: false, code: 'KEY_REVOKED', detail: `It was signed on ${day(at)} with the key ${key.id}, withdrawn on ${day(key.revoked)}.` };
  return { ok: true, note: ` It was signed on ${day(at)} with an earlier key (${key.id}), withdrawn on ${day(key.revoked)}, which still verifies what it signed before.` };
}

/**
 * Runs the five steps on `jwt`. Returns the claims when the signature holds; otherwise
 * undefined, after reporting the failing step. Never throws.
 */
export async function verifySignedCredential(
  jwt: string,
  kind: { type: string; label: string },
  decideTrust: (issuerDid: string) => TrustDecision,
  ctx: SignedCredentialContext,
  report: StepReport,
): Promise<SignedCredential | undefined> {
  // 1. format
  const parsed = parseCompactJws(jwt);
  if (!parsed.ok) return void report('format', false, 'MALFORMED', parsed.reason);
  const { header, payload, signature } = parsed.jws;
  if (header.kid !== undefined && typeof header.kid !== 'string') return void report('format', false, 'MALFORMED', 'The key id (kid) is not text.');
  const read = readCredentialClaims(payload, kind.type);
  if (!read.ok) return void report('format', false, 'NOT_A_PERMIT', read.reason);
  const { claims } = read;
  report('format', true, 'OK', `The document is a ${kind.label} credential (VC-JWT).`);

  // 2. algorithm: from the allow-list, never from the token alone (RFC 8725 §3.1).
  const alg = header.alg;
  if (typeof alg !== 'string' || !ctx.allowedAlgorithms.has(alg)) {
    return void report('algorithm', false, 'ALG_NOT_ALLOWED', `It uses ${typeof alg === 'string' ? alg : 'no algorithm'}.`);
  }
  // RFC 7515 §4.1.11: a recipient must reject a JWS whose `crit` extensions it does not understand; we understand none.
  if (header.crit !== undefined) return void report('algorithm', false, 'ALG_NOT_ALLOWED', 'It requires extensions (crit) this verifier does not support.');
  report('algorithm', true, 'OK', `The signature method ${alg} is accepted.`);

  // 3. trust, before any resolution.
  const trust = decideTrust(claims.issuer);
  if (!trust.ok) return void report('trust', false, 'ISSUER_UNTRUSTED', trust.detail);
  report('trust', true, 'OK', trust.message);

  // 4. issuer: the DID document and its Ed25519 assertion keys.
  const kid = header.kid as string | undefined;
  const wanted = kid === undefined ? undefined : kid.startsWith('#') ? claims.issuer + kid : kid;
  let issuer = await resolveIssuer(claims.issuer, ctx, false);
  // A kid the cached document does not know: the issuer may have rotated its key since (issue 9 §6), so ask again once.
  if (issuer.ok && wanted !== undefined && !verificationMethodIds(claims.issuer, issuer.document).has(wanted)) issuer = await resolveIssuer(claims.issuer, ctx, true);
  if (!issuer.ok) return void report('issuer', false, 'ISSUER_UNRESOLVABLE', issuer.why);
  const { document } = issuer;
  let keys = issuer.keys;
  const retired = wanted === undefined ? undefined : retiredKeyOf(claims.issuer, document, wanted);
  if (keys.length === 0 && retired === undefined) return void report('issuer', false, 'ISSUER_UNRESOLVABLE', `${claims.issuer} lists no usable Ed25519 key for issuing.`);
  report('issuer', true, 'OK', `The public keys of ${claims.issuer} were obtained (${plural(keys.length, 'signing key')}).`);

  // 5. signature: a `kid` (RFC 7515 §4.1.4) names the one method that signed, as an absolute
  // DID URL or a `#fragment` of the issuer's DID (DID Core §3.2.1); only that key is tried, and
  // it must be one the issuer lists for issuing (assertionMethod, VC Data Model 1.1 §C), or one
  // it has retired, for what it signed before (retiredKeyVerdict).
  // Without a kid, every assertion key is tried, as did-jwt does for VC-JWTs.
  let retiredNote = '';
  if (wanted !== undefined) {
    const named = keys.filter((k) => k.id === wanted);
    if (named.length === 0 && retired !== undefined) {
      const verdict = retiredKeyVerdict(retired, payload);
      if (!verdict.ok) return void report('signature', false, verdict.code, verdict.detail);
      const key = await ctx.suite.importKey(retired.jwk);
      if (key === undefined) return void report('signature', false, 'SIGNING_KEY_UNKNOWN', unknownKidDetail(kid!, wanted, claims.issuer, document));
      named.push({ id: retired.id, key });
      retiredNote = verdict.note;
    }
    if (named.length === 0) return void report('signature', false, 'SIGNING_KEY_UNKNOWN', unknownKidDetail(kid!, wanted, claims.issuer, document));
    keys = named;
  }
  const data = signingInput(jwt);
  for (const { key } of keys) {
    // Wrong key or bad signature: try the next key.
    if (await ctx.suite.verify(alg, key, data, signature)) {
      report('signature', true, 'OK', `Signed by ${trust.issuer.did} (${trust.issuer.name}, ${trust.issuer.country}).${retiredNote}`);
      return { claims, issuer: trust.issuer, header };
    }
  }
  return void report('signature', false, 'SIGNATURE_INVALID', '');
}
