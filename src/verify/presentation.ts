/**
 * A presentation (issue 12 §3): a wallet's VP JWT answering this verifier's OpenID4VP 1.0 request,
 * with one CITES permit VC-JWT inside. The OpenID4VP library parses the response envelope only; it
 * checks none of what is checked here (signature, nonce, audience, time, holder binding), so this is
 * the one place those are checked, before and around the usual verification of the permit.
 *
 * Order: the VP's shape, its algorithm, the holder key it names, its signature; then, once the VP is
 * authentic, nonce and audience (OpenID4VP 1.0 §14.1 replay: the answer must be bound to this
 * request and this verifier; over the Digital Credentials API, Appendix A, the audience is `origin:<page origin>`), its
 * age, exactly one credential; then the permit verified as if scanned; then the holder binding.
 * A CITES permit names its holder (box 3 or 4, Art. VI and Res. Conf. 12.3) but binds no key, so
 * without a `credentialSubject.id` the binding check passes and says so (README, "What a
 * presentation proves"). Never throws: the caller (verify.ts `verifyInput`) wraps faults.
 */
import { PRESENTATION_CODES, type PresentationCode } from '../codes.js';
import { decodeBase64urlCanonical } from '../vocab/base64url.js';
import { PRESENTATION_ALGORITHMS, PRESENTATION_REQUEST_SECONDS } from '../vocab/presentation.js';
import { decodeDidKey } from './did-key.js';
import { parseCompactJws } from './jws.js';
import { ed25519RawToJwk, readEd25519Jwk, type Ed25519PublicJwk } from './multikey.js';
import { signingInput, type SignatureSuite } from './signature.js';
import type { CheckName, VerificationCheck, VerificationResult, VerifyAt } from './verifier-types.js';

/** What the verifier expects of the answer: the nonce it sent and its own client id (`origin:<page origin>` over the DC API). */
export interface PresentationExpectation {
  nonce: string;
  audience: string;
}

/** The presentation kind of the one input `verifyInput` takes. */
export interface PresentationInput {
  presentation: string;
  expected: PresentationExpectation;
}

export function isPresentationInput(input: unknown): input is PresentationInput {
  if (typeof input !== 'object' || input === null) return false;
  const i = input as Partial<PresentationInput>;
  return typeof i.presentation === 'string' && typeof i.expected?.nonce === 'string' && typeof i.expected.audience === 'string';
}

/** Seconds of clock skew allowed between wallet and verifier (the same as for permits, verify.ts). */
const SKEW_SEC = 60;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The Ed25519 key of a did:jwk (did:jwk spec §3) or did:key DID, or undefined. */
export function holderKeyOf(did: string): Ed25519PublicJwk | undefined {
  if (did.startsWith('did:jwk:')) {
    const bytes = decodeBase64urlCanonical(did.slice('did:jwk:'.length));
    if (bytes === undefined) return undefined;
    try {
      return readEd25519Jwk(JSON.parse(utf8.decode(bytes)));
    } catch {
      return undefined;
    }
  }
  const raw = decodeDidKey(did);
  return raw === undefined ? undefined : ed25519RawToJwk(raw);
}

/** The holder DID the VP names: its `iss`, or the DID of its `kid`; both, when both are given, must agree. */
function holderOf(header: Record<string, unknown>, payload: Record<string, unknown>): string | undefined {
  const kid = typeof header.kid === 'string' ? header.kid.split('#')[0] : undefined;
  const iss = typeof payload.iss === 'string' ? payload.iss : undefined;
  if (kid !== undefined && iss !== undefined && kid !== iss) return undefined;
  return iss ?? kid;
}

/** The subject id a permit VC-JWT binds, if any (its signature was verified by the permit checks). */
function subjectIdOf(vcJwt: string): string | undefined {
  const parsed = parseCompactJws(vcJwt);
  if (!parsed.ok) return undefined;
  const { payload } = parsed.jws;
  const vc = payload.vc as { credentialSubject?: { id?: unknown } } | undefined;
  const id = vc?.credentialSubject?.id ?? payload.sub;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

export type VerifyCredential = (jwt: string, at: VerifyAt) => Promise<VerificationResult>;

export async function verifyPresentation(input: PresentationInput, at: VerifyAt, suite: SignatureSuite, verifyCredential: VerifyCredential): Promise<VerificationResult> {
  const checks: VerificationCheck[] = [];
  const pass = (check: CheckName, message: string): void => void checks.push({ check, ok: true, code: 'OK', message });
  const refuse = (code: PresentationCode, detail?: string, check: CheckName = 'presentation'): VerificationResult => {
    checks.push({ check, ok: false, code, message: detail ? `${PRESENTATION_CODES[code]} ${detail}` : PRESENTATION_CODES[code] });
    return { verified: false, checks };
  };

  if (!isPresentationInput(input)) return refuse('PRESENTATION_MALFORMED', 'The nonce and audience it must answer were not given.');
  const vp = input.presentation.trim();
  const parsed = parseCompactJws(vp);
  if (!parsed.ok) return refuse('PRESENTATION_MALFORMED', parsed.reason);
  const { header, payload, signature } = parsed.jws;
  if (typeof header.alg !== 'string' || !(PRESENTATION_ALGORITHMS as readonly string[]).includes(header.alg)) {
    return refuse('PRESENTATION_ALG_NOT_ALLOWED', `It uses ${String(header.alg)}; only ${PRESENTATION_ALGORITHMS.join(', ')} is accepted.`);
  }
  const holder = holderOf(header, payload);
  const jwk = holder === undefined ? undefined : holderKeyOf(holder);
  if (holder === undefined || jwk === undefined) return refuse('PRESENTATION_HOLDER_KEY_UNKNOWN');
  const key = await suite.importKey(jwk);
  if (key === undefined || !(await suite.verify(header.alg, key, signingInput(vp), signature))) return refuse('PRESENTATION_SIGNATURE_INVALID');
  pass('presentation', `Signed by the wallet key ${holder}.`);

  // From here on the VP is authentic: what it says was said by that wallet key.
  if (payload.nonce !== input.expected.nonce) return refuse('PRESENTATION_NONCE_MISMATCH');
  const aud = payload.aud;
  if (!(aud === input.expected.audience || (Array.isArray(aud) && aud.length === 1 && aud[0] === input.expected.audience))) {
    return refuse('PRESENTATION_AUDIENCE_MISMATCH', `It was meant for ${JSON.stringify(aud)}.`);
  }
  pass('presentation', `It answers this request (nonce) of ${input.expected.audience}.`);
  const nowSec = at.now.getTime() / 1000;
  const { iat, nbf, exp } = payload;
  if (typeof iat !== 'number' || iat > nowSec + SKEW_SEC || iat < nowSec - PRESENTATION_REQUEST_SECONDS - SKEW_SEC) return refuse('PRESENTATION_NOT_CURRENT');
  if ((nbf !== undefined && (typeof nbf !== 'number' || nbf > nowSec + SKEW_SEC)) || (exp !== undefined && (typeof exp !== 'number' || exp < nowSec - SKEW_SEC))) {
    return refuse('PRESENTATION_NOT_CURRENT');
  }
  const body = payload.vp as { holder?: unknown; verifiableCredential?: unknown } | undefined;
  if (typeof body !== 'object' || body === null) return refuse('PRESENTATION_MALFORMED', 'It has no "vp" claim.');
  if (body.holder !== undefined && body.holder !== holder) return refuse('PRESENTATION_MALFORMED', 'Its "vp.holder" is not the key that signed it.');
  const vcs = body.verifiableCredential;
  if (!Array.isArray(vcs) || vcs.length !== 1 || typeof vcs[0] !== 'string') {
    return refuse('PRESENTATION_CREDENTIAL_COUNT', `It holds ${Array.isArray(vcs) ? vcs.length : 0}.`);
  }
  const vcJwt = vcs[0];

  // The permit, exactly as if its QR code had been scanned.
  const permit = await verifyCredential(vcJwt, at);
  const result: VerificationResult = { ...permit, checks: [...checks, ...permit.checks] };
  if (permit.permit !== undefined) {
    const subject = subjectIdOf(vcJwt);
    if (subject !== undefined && subject !== holder) {
      result.checks.push({ check: 'holder', ok: false, code: 'PRESENTATION_HOLDER_MISMATCH', message: `${PRESENTATION_CODES.PRESENTATION_HOLDER_MISMATCH} The permit is bound to ${subject}.` });
    } else if (subject !== undefined) {
      result.checks.push({ check: 'holder', ok: true, code: 'OK', message: `The permit is bound to ${subject}, the wallet key that showed it.` });
    } else {
      result.checks.push({
        check: 'holder',
        ok: true,
        code: 'OK',
        message: 'The permit names its holder in box 3 or 4 and binds no wallet key: the wallet proves only that it holds this permit. Check the identity papers of the person against box 3 or 4.',
      });
    }
  }
  result.verified = permit.verified && result.checks.every((c) => c.ok);
  return result;
}
