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
import { isAssertionMethod, verificationMethodIds, type AssertionKey } from './keys.js';
import { signingInput, type SignatureSuite } from './signature.js';
import type { DidResolution } from './types.js';
import { readCredentialClaims, type CredentialClaims } from './vc-jwt.js';
import type { CheckName, TrustedIssuer } from './verifier-types.js';

/** What the signed-credential steps need; built once per verifier. */
export interface SignedCredentialContext {
  resolveDid: (did: string) => Promise<DidResolution>;
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
  let keys: AssertionKey[];
  let document: unknown;
  try {
    const resolution = await ctx.resolveDid(claims.issuer);
    const error = resolution?.didResolutionMetadata?.error;
    document = resolution?.didDocument;
    if (error !== undefined || !resolution?.didDocument || resolution.didDocument.id !== claims.issuer) {
      const why = resolution?.didResolutionMetadata?.message ?? error ?? 'No DID document was returned.';
      return void report('issuer', false, 'ISSUER_UNRESOLVABLE', why);
    }
    keys = await ctx.assertionKeys(claims.issuer, document);
  } catch (e) {
    return void report('issuer', false, 'ISSUER_UNRESOLVABLE', e instanceof Error ? e.message : String(e));
  }
  if (keys.length === 0) return void report('issuer', false, 'ISSUER_UNRESOLVABLE', `${claims.issuer} lists no usable Ed25519 key for issuing.`);
  report('issuer', true, 'OK', `The public keys of ${claims.issuer} were obtained (${plural(keys.length, 'signing key')}).`);

  // 5. signature: a `kid` (RFC 7515 §4.1.4) names the one method that signed, as an absolute
  // DID URL or a `#fragment` of the issuer's DID (DID Core §3.2.1); only that key is tried, and
  // it must be one the issuer lists for issuing (assertionMethod, VC Data Model 1.1 §C).
  // Without a kid, every assertion key is tried, as did-jwt does for VC-JWTs.
  if (header.kid !== undefined) {
    const kid = header.kid as string;
    const wanted = kid.startsWith('#') ? claims.issuer + kid : kid;
    const named = keys.filter((k) => k.id === wanted);
    if (named.length === 0) return void report('signature', false, 'SIGNING_KEY_UNKNOWN', unknownKidDetail(kid, wanted, claims.issuer, document));
    keys = named;
  }
  const data = signingInput(jwt);
  for (const { key } of keys) {
    // Wrong key or bad signature: try the next key.
    if (await ctx.suite.verify(alg, key, data, signature)) {
      report('signature', true, 'OK', `Signed by ${trust.issuer.did} (${trust.issuer.name}, ${trust.issuer.country}).`);
      return { claims, issuer: trust.issuer, header };
    }
  }
  return void report('signature', false, 'SIGNATURE_INVALID', '');
}
