/**
 * How large a permit's VC-JWT will be, known before it is signed, so that issuance refuses
 * what a verifier would refuse (src/vocab/limits.ts MAX_ISSUED_CREDENTIAL_CHARS).
 *
 * A compact JWS is base64url(header) "." base64url(payload) "." base64url(signature)
 * (RFC 7515 §7.1); base64url without padding turns n bytes into ⌈4n/3⌉ characters
 * (RFC 4648 §5), and an Ed25519 signature is 64 bytes (RFC 8037 §3.1). Browser-safe.
 */

import type { RuleIssue } from '../codes.js';
import { MAX_ISSUED_CREDENTIAL_CHARS } from '../vocab/limits.js';
import { fieldLabel, isRecord, issue } from './findings.js';

const utf8 = new TextEncoder();

/** Bytes of a text in UTF-8. */
export const utf8Length = (text: string): number => utf8.encode(text).length;

/** Characters of n bytes in unpadded base64url. */
export const base64urlLength = (bytes: number): number => Math.ceil((bytes * 4) / 3);

/** Ed25519 signature (RFC 8037 §3.1): 64 bytes. */
const SIGNATURE_BYTES = 64;

/** Characters of a compact JWS with a header and a payload of these many bytes and an Ed25519 signature. */
export function compactJwsLength(headerBytes: number, payloadBytes: number): number {
  return base64urlLength(headerBytes) + 1 + base64urlLength(payloadBytes) + 1 + base64urlLength(SIGNATURE_BYTES);
}

/**
 * An upper bound on the VC-JWT of an unsigned credential signed by `issuerDid`. The JWT
 * payload is the credential with id, issuer and dates moved into the `jti`, `iss`, `nbf`
 * and `exp` claims (VC Data Model 1.1 §6.3.1); the bound allows for them being kept as
 * well. The header is `{"alg":"EdDSA","typ":"JWT","kid":"<issuer DID>#<key>"}`.
 */
export function credentialJwtBound(credential: object, issuerDid: string, credentialId: string): number {
  const payload = utf8Length(JSON.stringify(credential)) + utf8Length(issuerDid) + utf8Length(credentialId) + 128;
  const header = 64 + 2 * utf8Length(issuerDid);
  return compactJwsLength(header, payload);
}

/** The longest texts of a document, by UTF-8 bytes, as `block A description (3,000 bytes)`, for a message. */
export function largestTexts(doc: unknown, count = 3): string[] {
  const texts: Array<{ path: string; bytes: number }> = [];
  const walk = (node: unknown, path: string): void => {
    if (typeof node === 'string') texts.push({ path, bytes: utf8Length(node) });
    else if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${path}/${i}`));
    else if (isRecord(node)) for (const [key, value] of Object.entries(node)) walk(value, `${path}/${key}`);
  };
  walk(doc, '');
  return texts
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, count)
    .map((t) => `${fieldLabel(t.path)} (${t.bytes.toLocaleString('en')} bytes)`);
}

/** The finding for a permit whose VC-JWT would be (at least) `chars` characters. */
export function tooLargeIssue(chars: number, doc: unknown): RuleIssue {
  return issue(
    'PERMIT_TOO_LARGE',
    '',
    `It would be ${chars.toLocaleString('en')} characters signed; verifiers read at most ${MAX_ISSUED_CREDENTIAL_CHARS.toLocaleString('en')}. ` +
      `The longest texts are ${largestTexts(doc).join(', ')}.`,
  );
}

/**
 * A request too large for any verifier, found before it is queued. Every text of the
 * request goes into the signed subject unchanged (only box 2 moves to the JWT's `exp`), so
 * the request's own JSON, less box 2, is a lower bound on the payload: this refuses only
 * requests that cannot fit, and issuance measures the built credential exactly.
 */
export function requestTooLarge(doc: Record<string, unknown>): RuleIssue[] {
  const { validUntil: _boxTwo, ...signed } = doc;
  const chars = compactJwsLength(0, utf8Length(JSON.stringify(signed)));
  return chars > MAX_ISSUED_CREDENTIAL_CHARS ? [tooLargeIssue(chars, doc)] : [];
}
