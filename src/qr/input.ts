/**
 * What a person pastes or a camera reads, before the verifier checks it: a verifier link from
 * any host (link.ts), a bare payload (payload.ts) or a raw VC-JWT, read into the JWT it
 * carries or the reference it names. Never throws. Browser-safe.
 */
import { MAX_VERIFIER_INPUT_CHARS } from '../vocab/limits.js';
import { qrError, type QrError } from './codes.js';
import { referenceCredentialUrl, type PermitReference } from './cpr1.js';
import { decodePermitQr } from './payload.js';

/** Largest text `parseVerifierInput` looks at (a pasted raw JWT may be longer than any QR code). */
export const MAX_INPUT_CHARS = MAX_VERIFIER_INPUT_CHARS;

const JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * What the verifier was given: `qr`, a CP3, CP2 or CP1 payload (the JWT it carried); `jwt`, a raw VC-JWT;
 * `reference`, a CPR1 payload (no JWT yet: fetch it, then `checkReferencedCredential`).
 */
export type VerifierInput =
  | {
      ok: true;
      kind: 'qr' | 'jwt';
      jwt: string;
      /** When the input was a link: its origin (lower case), e.g. https://cites.dwc.gov.lk. Any host is accepted. */
      linkOrigin?: string;
    }
  | ({
      ok: true;
      kind: 'reference';
      /** For a did:web issuer: the URL its agent serves the permit at. */
      credentialUrl?: string;
      linkOrigin?: string;
    } & PermitReference)
  | QrError;

function percentDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** The origin of a link, lower case, when it parses as a URL. */
function originOf(link: string): string | undefined {
  try {
    const origin = new URL(link).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/**
 * What a person pastes or a camera reads: a verifier link from any host
 * (`https://…/…#CP3:…`, any case), a bare CP3/CP2/CP1/CPR1 payload, or a raw VC-JWT (also in a
 * link's fragment). Never throws.
 */
export function parseVerifierInput(text: string): VerifierInput {
  if (typeof text !== 'string') return qrError('QR_NOT_A_PERMIT');
  if (text.length > MAX_INPUT_CHARS) return qrError('QR_TOO_LARGE', 'more than a QR code can hold');
  let value = text.trim();
  if (value === '') return qrError('QR_NOT_A_PERMIT', 'nothing was read');
  let linkOrigin: string | undefined;
  const hash = value.indexOf('#');
  if (hash >= 0) {
    // A link (from any host), or a pasted host/path without a scheme: only the fragment counts.
    linkOrigin = originOf(value.slice(0, hash));
    const fragment = percentDecode(value.slice(hash + 1));
    if (fragment === undefined) return qrError('QR_MALFORMED', 'the link is damaged');
    value = fragment.trim();
  } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !/^CPR?\d/i.test(value)) {
    return qrError('QR_NOT_A_PERMIT', 'a link without a permit code');
  }
  const from = linkOrigin !== undefined ? { linkOrigin } : {};
  if (JWS.test(value)) return { ok: true, kind: 'jwt', jwt: value, ...from };
  const decoded = decodePermitQr(value);
  if (!decoded.ok) return decoded;
  if (decoded.kind === 'qr') return { ok: true, kind: 'qr', jwt: decoded.jwt, ...from };
  const credentialUrl = referenceCredentialUrl(decoded);
  return { ...decoded, ...(credentialUrl !== undefined && { credentialUrl }), ...from };
}
