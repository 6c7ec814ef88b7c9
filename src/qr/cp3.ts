/**
 * The permit carried whole: the body of a `CP3:` payload (payload.ts puts it in Base43 after
 * the prefix), and of the formats before it, which are still read.
 *
 *   CP3 body = H ‖ signature ‖ DEFLATE(split(payload))
 *
 *   H          the JOSE header (header-v3.ts): 1 byte for a Saiga agent's header without a
 *              kid or with a did:key kid, 7 bytes with a did:web kid (its key's 6 bytes), the
 *              whole header for any other; then, for a credential id urn:uuid:…, its UUID
 *              (16 bytes).
 *   signature  the 64 bytes of the JWS signature (Ed25519).
 *   DEFLATE    raw DEFLATE (RFC 1951), with the preset dictionary v3 (dictionary-v3.ts), of
 *              the payload JSON exactly as signed, split into its skeleton and its values
 *              (json-split.ts), which joined give the same bytes back, with the agent URL and
 *              the UUID as one byte each (macros-v3.ts).
 *
 * Read, no longer written: CP2, the same with dictionary v2 (dictionary-v2.ts), no macros and
 * H as 1 byte 0x00 for {"alg":"EdDSA","typ":"JWT"}, else 1 byte n (1–255) then the n header
 * bytes; CP1, as CP2 without the split, with dictionary v1 (dictionary.ts). Each version is
 * read for as long as permits printed with it are valid; a new dictionary or layout is a new
 * version (CP4), and CP1, CP2 and CP3 never change.
 *
 * The JWT is rebuilt as base64url(header).base64url(payload).base64url(signature): base64url
 * without padding of the same bytes is unique (RFC 4648 §3.5), so the rebuilt JWT is the
 * issued one and its signature verifies. Browser-safe.
 */
import { encodeBase64url } from '../vocab/base64url.js';
import { concat, jsonObject, strictUtf8, utf8 } from './bytes.js';
import { qrError, type QrError } from './codes.js';
import { jwsParts, uuidOfCredentialId } from './compact-jws.js';
import { deflateRawOptimal } from './deflate.js';
import { DICTIONARY_V1 } from './dictionary.js';
import { DICTIONARY_V2 } from './dictionary-v2.js';
import { DICTIONARY_V3 } from './dictionary-v3.js';
import { carriesUuid, encodeHeadV3, readHeadV3 } from './header-v3.js';
import { inflateBounded, MAX_INFLATED_BYTES } from './inflate-bounded.js';
import { joinJson, splitJson } from './json-split.js';
import { compactMacros, expandMacros } from './macros-v3.js';

/**
 * A permit format read: its dictionary, and whether the payload is split (json-split.ts).
 * A version is never changed once permits are printed with it; a change is a new version.
 */
export interface PermitFormat {
  dictionary: Uint8Array;
  split: boolean;
  /** How the JOSE header is carried: CP1/CP2's length byte, or CP3's forms (header-v3.ts). */
  header: 'v1' | 'v3';
  /** CP3: the agent URL and the credential's UUID are carried as one byte each (macros-v3.ts). */
  macros: boolean;
}
const PERMIT_FORMATS: Readonly<Record<string, PermitFormat>> = {
  '1': { dictionary: DICTIONARY_V1, split: false, header: 'v1', macros: false },
  '2': { dictionary: DICTIONARY_V2, split: true, header: 'v1', macros: false },
  '3': { dictionary: DICTIONARY_V3, split: true, header: 'v3', macros: true },
};
/** The version written. */
export const WRITTEN_PERMIT_VERSION = '3';

/** The format of `CP<version>:`, if it is one that is read. */
export const permitFormat = (version: string): PermitFormat | undefined => PERMIT_FORMATS[version];

/** The JOSE header Veramo signed permits with before the kid, sent in CP1/CP2 as the single byte 0x00. */
const STANDARD_HEADER_BYTES = utf8.encode('{"alg":"EdDSA","typ":"JWT"}');
const SIGNATURE_BYTES = 64;

export type DecodedPermit = { ok: true; kind: 'qr'; jwt: string } | QrError;

/**
 * The CP3 body of a VC-JWT. Throws a TypeError if the JWT cannot be carried exactly (not a
 * canonical compact JWS with a 64-byte signature and a JSON header and payload), a RangeError
 * if its payload inflates past MAX_INFLATED_BYTES.
 */
export function encodePermitBody(jwt: string): Uint8Array {
  const { header, payload, signature } = jwsParts(jwt);
  if (signature.length !== SIGNATURE_BYTES) throw new TypeError(`the signature is ${signature.length} bytes; CP3 carries ${SIGNATURE_BYTES}-byte signatures`);
  if (payload.length > MAX_INFLATED_BYTES) throw new RangeError(`the payload is ${payload.length} bytes; CP3 carries at most ${MAX_INFLATED_BYTES}`);
  const claims = jsonObject(payload);
  if (!jsonObject(header) || !claims) throw new TypeError('the JWT header and payload must be JSON objects in UTF-8');
  const split = splitJson(strictUtf8.decode(payload));
  if (!split) throw new TypeError('the JWT payload cannot be split into skeleton and values');
  const iss = typeof claims.iss === 'string' ? claims.iss : undefined;
  const uuid = uuidOfCredentialId(claims.jti);
  const head = encodeHeadV3(header, iss, uuid);
  const compact = compactMacros(split, iss, carriesUuid(uuid) ? uuid : undefined);
  return concat(head, signature, deflateRawOptimal(compact, PERMIT_FORMATS[WRITTEN_PERMIT_VERSION]!.dictionary));
}

/** CP1/CP2: 0x00 for the standard header, else a length byte and the header. */
function readHeaderV1(bytes: Uint8Array): { length: number; header: () => Uint8Array } {
  const n = bytes[0]!;
  return n === 0 ? { length: 1, header: () => STANDARD_HEADER_BYTES } : { length: 1 + n, header: () => bytes.subarray(1, 1 + n) };
}

/** The VC-JWT a CP1, CP2 or CP3 body carries. Never throws. */
export function decodePermitBody(bytes: Uint8Array, format: PermitFormat): DecodedPermit {
  if (bytes.length < 1) return qrError('QR_MALFORMED', 'empty');
  const head: { length: number; header: (iss: unknown) => Uint8Array | undefined; uuid?: string } | undefined = format.header === 'v3' ? readHeadV3(bytes) : readHeaderV1(bytes);
  if (head === undefined) return qrError('QR_MALFORMED', 'the header is not readable');
  const at = head.length;
  // At least one byte of DEFLATE data after the signature.
  if (bytes.length < at + SIGNATURE_BYTES + 1) return qrError('QR_MALFORMED', 'cut short');
  const signature = bytes.subarray(at, at + SIGNATURE_BYTES);
  const inflated = inflateBounded(bytes.subarray(at + SIGNATURE_BYTES), format.dictionary);
  if (!(inflated instanceof Uint8Array)) return inflated;
  let payload = inflated;
  if (format.split) {
    // Joined, the text is no longer than the split bytes; joinJson holds the bound anyway.
    let joined = joinJson(inflated, MAX_INFLATED_BYTES);
    if (joined.ok && format.macros) joined = expandMacros(joined.text, head.uuid, MAX_INFLATED_BYTES);
    if (!joined.ok) return joined.reason === 'too large' ? qrError('QR_TOO_LARGE', `more than ${MAX_INFLATED_BYTES} bytes`) : qrError('QR_MALFORMED', 'the permit data is not readable');
    payload = utf8.encode(joined.text);
    if (payload.length > MAX_INFLATED_BYTES) return qrError('QR_TOO_LARGE', `more than ${MAX_INFLATED_BYTES} bytes`);
  }
  const claims = jsonObject(payload);
  const header = claims && head.header(claims.iss);
  if (!header || !jsonObject(header)) return qrError('QR_MALFORMED', 'the permit data is not readable');
  return { ok: true, kind: 'qr', jwt: `${encodeBase64url(header)}.${encodeBase64url(payload)}.${encodeBase64url(signature)}` };
}
