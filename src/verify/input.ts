/**
 * What a person or a camera gives a verifier, read into the one VC-JWT the core verifies:
 *
 * - a VC-JWT, a CP2 (or CP1) QR payload, or a verifier link from any host with either in
 *   its fragment (src/qr/input.ts `parseVerifierInput`);
 * - a CPR1 reference (a permit too large for one QR code): the permit is fetched from its
 *   issuing agent and accepted only if its SHA-256, issuer and id match the reference;
 * - JSON holding a JWT: the answer of `POST /api/permits` (`{ "jwt": … }`) or a credential
 *   with a JWT proof (`{ "proof": { "jwt": … } }`), as saved to a file.
 *
 * A reference is resolved only for an issuer the verifier trusts as a Management Authority:
 * a code naming anyone else is refused with ISSUER_UNTRUSTED (the same code as a permit
 * signed by an untrusted issuer) and no request is made, so a code cannot make a verifier
 * fetch arbitrary URLs. A fetch that fails is QR_REFERENCE_UNAVAILABLE, with the same size
 * and time limits as every other fetch of the verifier (http-fetch.ts). Never throws.
 */
import { QR_CODES, VERIFY_CODES, type QrCode, type VerifyCode } from '../codes.js';
import { checkReferencedCredential } from '../qr/cpr1.js';
import { MAX_INPUT_CHARS, parseVerifierInput } from '../qr/input.js';
import type { FetchLike } from './did-web.js';
import { fetchText } from './http-fetch.js';
import { REFERENCE_FETCH_MAX_BYTES } from '../vocab/limits.js';
import type { CheckName } from './verifier-types.js';

/** A referenced permit is fetched within the size limit every verifier applies (src/vocab/limits.ts), and five seconds. */
export const REFERENCE_FETCH_LIMITS = { maxBytes: REFERENCE_FETCH_MAX_BYTES, timeoutMs: 5000 } as const;

export type InputReading = { ok: true; jwt: string } | { ok: false; check: CheckName; code: VerifyCode | QrCode; message: string };

export interface InputReaderOptions {
  /** Fetches a referenced permit; without it a reference cannot be resolved. */
  fetch?: FetchLike;
  /** Whether a DID is a trusted Management Authority, the only issuer a reference is fetched from. */
  isTrustedAuthority: (did: string) => boolean;
}

const refuse = (check: CheckName, code: VerifyCode | QrCode, detail?: string): InputReading => {
  const text = (VERIFY_CODES as Record<string, string>)[code] ?? QR_CODES[code as QrCode];
  return { ok: false, check, code, message: detail ? `${text} ${detail}` : text };
};

/** The JWT in a saved JSON answer or credential, when there is one. */
function jwtInJson(text: string): string | InputReading {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return refuse('format', 'QR_NOT_A_PERMIT', 'It looks like JSON but cannot be read as JSON.');
  }
  const o = (typeof value === 'object' && value !== null ? value : {}) as { jwt?: unknown; proof?: { jwt?: unknown } | null };
  if (typeof o.jwt === 'string') return o.jwt.trim();
  if (typeof o.proof === 'object' && o.proof !== null && typeof o.proof.jwt === 'string') return o.proof.jwt.trim();
  return refuse('format', 'QR_NOT_A_PERMIT', 'It is JSON without a signed permit (no "jwt" and no "proof.jwt").');
}

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** The text, or a link's fragment, when it has the shape of a compact JWS. */
function compactJwsIn(text: string): string | undefined {
  if (COMPACT_JWS.test(text)) return text;
  const hash = text.indexOf('#');
  if (hash < 0) return undefined;
  let fragment: string;
  try {
    fragment = decodeURIComponent(text.slice(hash + 1)).trim();
  } catch {
    return undefined;
  }
  return COMPACT_JWS.test(fragment) ? fragment : undefined;
}

/** Reads any accepted input into a JWT, resolving a reference. Never throws. */
export async function readInput(input: unknown, options: InputReaderOptions): Promise<InputReading> {
  if (typeof input !== 'string') return refuse('format', 'QR_NOT_A_PERMIT', 'It is not text.');
  let text = input.trim();
  if (text === '') return refuse('format', 'QR_EMPTY');
  if (text.length > MAX_INPUT_CHARS) return refuse('format', 'QR_TOO_LARGE');
  if (text.startsWith('{')) {
    const inner = jwtInJson(text);
    if (typeof inner !== 'string') return inner;
    text = inner;
  }
  // Anything shaped like a compact JWS (RFC 7515 §7.1), also in a link's fragment, goes to the core as
  // it is, which names what is wrong with it (MALFORMED, ALG_NOT_ALLOWED for `alg: none`'s empty signature, …).
  const jws = compactJwsIn(text);
  if (jws !== undefined) return { ok: true, jwt: jws };
  const parsed = parseVerifierInput(text);
  if (!parsed.ok) return { ok: false, check: 'format', code: parsed.code, message: parsed.message };
  if (parsed.kind !== 'reference') return { ok: true, jwt: parsed.jwt };

  if (!options.isTrustedAuthority(parsed.issuer)) {
    return refuse('trust', 'ISSUER_UNTRUSTED', `The code refers to a permit of ${parsed.issuer}, which is not on the list; it was not fetched.`);
  }
  if (parsed.credentialUrl === undefined) {
    return refuse('format', 'QR_REFERENCE_UNAVAILABLE', `${parsed.issuer} publishes no web address to fetch the permit from.`);
  }
  if (options.fetch === undefined) return refuse('format', 'QR_REFERENCE_UNAVAILABLE', 'This verifier is offline.');
  const fetched = await fetchText(parsed.credentialUrl, { fetch: options.fetch, accept: 'application/vc+jwt', ...REFERENCE_FETCH_LIMITS });
  if (!fetched.ok) return refuse('format', 'QR_REFERENCE_UNAVAILABLE', fetched.reason);
  const jwt = fetched.text.trim();
  const checked = await checkReferencedCredential(jwt, parsed);
  return checked.ok ? { ok: true, jwt } : { ok: false, check: 'format', code: checked.code, message: checked.message };
}
