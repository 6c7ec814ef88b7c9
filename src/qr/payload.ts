/**
 * The text of a permit QR payload (what the QR code holds after the link's "#", link.ts):
 * a prefix that names the layer and its version, then the body in Base43 (base43.ts), which
 * uses only characters QR codes store in alphanumeric mode (5.5 bits) and that stand
 * unescaped in a URL fragment.
 *
 *   CP3:<Base43 of a CP3 body>     the permit carried whole (cp3.ts); CP2: and CP1: are read
 *   CPR1:<Base43 of a CPR1 body>   a reference to the permit, when it is too large (cpr1.ts)
 *
 * Reading never throws, and its memory and time are bounded by the limits of
 * src/vocab/limits.ts whatever it is given (a decompression bomb is stopped as it inflates,
 * inflate-bounded.ts). Letters may come in lower case. Browser-safe.
 */
import { MAX_VERIFIER_INPUT_CHARS, QR_MAX_PAYLOAD_CHARS } from '../vocab/limits.js';
import { base43Length, decodeBase43, encodeBase43 } from './base43.js';
import { qrError } from './codes.js';
import { decodePermitBody, encodePermitBody, permitFormat, WRITTEN_PERMIT_VERSION, type DecodedPermit } from './cp3.js';
import { decodeReferenceBody, encodeReferenceBody, webCryptoSha256, type DecodedReference, type Digest } from './cpr1.js';

export const PERMIT_PREFIX = `CP${WRITTEN_PERMIT_VERSION}:`;
export const REFERENCE_PREFIX = 'CPR1:';
/** The most Base43 characters a payload may have after its prefix (src/vocab/limits.ts). */
export const MAX_PAYLOAD_CHARS = QR_MAX_PAYLOAD_CHARS;

export type DecodedQr = DecodedPermit | DecodedReference;

/**
 * The QR payload (`CP3:…`) of a VC-JWT. Throws a TypeError if the JWT cannot be carried
 * exactly (not a canonical compact JWS with a 64-byte signature and a JSON header and
 * payload), a RangeError if it is too large for CP3 (then use a reference).
 */
export function encodePermitQr(jwt: string): string {
  const body = encodePermitBody(jwt);
  if (base43Length(body.length) > MAX_PAYLOAD_CHARS) throw new RangeError(`the payload would be ${base43Length(body.length)} characters; CP3 carries at most ${MAX_PAYLOAD_CHARS}`);
  const text = PERMIT_PREFIX + encodeBase43(body);
  // Never print a code that would not read back as this very JWT.
  const check = decodePermitQr(text);
  if (!check.ok || check.kind !== 'qr' || check.jwt !== jwt) throw new Error(`the permit QR payload does not read back as the JWT (${check.ok ? check.kind : check.code})`);
  return text;
}

/** The reference payload (`CPR1:…`) of a VC-JWT: its issuer, its credential id (`jti`, a urn:uuid) and its SHA-256. */
export async function encodePermitReference(jwt: string, digest: Digest = webCryptoSha256): Promise<string> {
  return REFERENCE_PREFIX + encodeBase43(await encodeReferenceBody(jwt, digest));
}

/**
 * Reads a QR payload: `CP3:…` (or `CP2:…`, `CP1:…`) gives the JWT, `CPR1:…` a permit reference.
 * Upper or lower case, surrounding and embedded white space ignored. Never throws.
 */
export function decodePermitQr(text: string): DecodedQr {
  if (typeof text !== 'string') return qrError('QR_NOT_A_PERMIT');
  if (text.length > MAX_VERIFIER_INPUT_CHARS) return qrError('QR_TOO_LARGE', 'more than a QR code can hold');
  const value = text.replace(/[\t\n\r ]+/g, '').toUpperCase();
  const prefix = /^CP(R?)(\d{1,6}):/.exec(value);
  if (!prefix) return qrError(/^CPR?\d/.test(value) ? 'QR_MALFORMED' : 'QR_NOT_A_PERMIT');
  const format = prefix[1] === 'R' ? undefined : permitFormat(prefix[2]!);
  if (prefix[1] === 'R' ? prefix[2] !== '1' : format === undefined) return qrError('QR_UNKNOWN_VERSION', `format ${prefix[0].slice(0, -1)}`);
  const body = value.slice(prefix[0].length);
  if (body.length > MAX_PAYLOAD_CHARS) return qrError('QR_TOO_LARGE', 'more than a QR code can hold');
  const bytes = decodeBase43(body);
  if (!bytes) return qrError('QR_MALFORMED', 'not valid Base43');
  return format === undefined ? decodeReferenceBody(bytes) : decodePermitBody(bytes, format);
}
