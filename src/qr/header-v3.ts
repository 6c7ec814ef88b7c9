/**
 * The head of a CP3 permit QR code (cp3.ts): the JOSE header, and the 16 bytes of the
 * credential id's UUID. Headers Saiga agents sign with take one byte plus, for a did:web key,
 * the 6 bytes that tell its key apart; any other header is carried as it is. The header is
 * rebuilt byte for byte, or the signature would not verify.
 *
 * The first byte is the header form below, plus 0x80 when the UUID follows the header
 * (macros-v3.ts puts it back where the payload has it: `jti` and the record URL).
 *
 *   0x00                 {"alg":"EdDSA","typ":"JWT"}                      (no kid)
 *   0x01 ‖ 6 bytes  k    {"alg":"EdDSA","typ":"JWT","kid":"<iss>#key-<base64url(k)>"}
 *                        the did:web method ids of src/agent/identity/did-document.ts: `key-` and the
 *                        first 8 characters (48 bits) of the key's RFC 7638 thumbprint
 *   0x02                 {"alg":"EdDSA","typ":"JWT","kid":"<iss>#<iss without did:key:>"}
 *                        the method id every did:key resolver gives (did:key §3.1.2)
 *   0x03 ‖ n (2 bytes, big-endian, 1–1024) ‖ n bytes    any other header, as signed
 *
 * `<iss>` is the payload's `iss` claim (RFC 7519 §4.1.1), which the kid's DID URL starts with
 * (DID Core §3.2): it is read from the inflated payload, so it is not carried twice.
 * Browser-safe.
 */
import { decodeBase64url, encodeBase64url } from '../vocab/base64url.js';
import { utf8, UUID_BYTES, uuidBytes, uuidText } from './bytes.js';

const PLAIN = 0x00;
const WEB_KID = 0x01;
const DID_KEY_KID = 0x02;
const RAW = 0x03;
const WITH_UUID = 0x80;
/** The bytes of the did:web key's thumbprint prefix: 8 base64url characters. */
const THUMBPRINT_BYTES = 6;
export const MAX_RAW_HEADER_BYTES = 1024;

const DID_KEY = 'did:key:';
const PLAIN_HEADER = '{"alg":"EdDSA","typ":"JWT"}';

/** 6 bytes as their 8 base64url characters. */
const thumbprintChars = (bytes: Uint8Array): string => encodeBase64url(bytes);

/** 8 base64url characters as their 6 bytes; undefined for anything else. */
const thumbprintBytes = (chars: string): Uint8Array | undefined => (/^[A-Za-z0-9_-]{8}$/.test(chars) ? decodeBase64url(chars) : undefined);

const withKid = (kid: string) => `{"alg":"EdDSA","typ":"JWT","kid":"${kid}"}`;
const webKidHeader = (iss: string, thumbprint: Uint8Array) => withKid(`${iss}#key-${thumbprintChars(thumbprint)}`);
const didKeyKidHeader = (iss: string) => (iss.startsWith(DID_KEY) ? withKid(`${iss}#${iss.slice(DID_KEY.length)}`) : undefined);

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * The CP3 head of a JOSE header, given the payload's `iss` (undefined if it has none) and the
 * credential id's UUID (lower case; undefined if the id is none). Throws a TypeError for a
 * header of more than MAX_RAW_HEADER_BYTES that no short form fits.
 */
export function encodeHeadV3(header: Uint8Array, iss: string | undefined, uuid: string | undefined): Uint8Array {
  const form = headerForm(header, iss);
  const id = uuidBytes(uuid);
  if (id === undefined) return form;
  const out = new Uint8Array(form.length + UUID_BYTES);
  out.set(form);
  out[0] = form[0]! | WITH_UUID;
  out.set(id, form.length);
  return out;
}

/** Whether encodeHeadV3 carries this UUID (and so replaces it in the payload). */
export const carriesUuid = (uuid: string | undefined): boolean => uuidBytes(uuid) !== undefined;

function headerForm(header: Uint8Array, iss: string | undefined): Uint8Array {
  if (sameBytes(header, utf8.encode(PLAIN_HEADER))) return Uint8Array.of(PLAIN);
  if (iss !== undefined) {
    const prefix = utf8.encode(withKid(`${iss}#key-`).slice(0, -2));
    const chars = new TextDecoder().decode(header.subarray(prefix.length, prefix.length + 8));
    const thumbprint = sameBytes(header.subarray(0, prefix.length), prefix) ? thumbprintBytes(chars) : undefined;
    if (thumbprint && sameBytes(header, utf8.encode(webKidHeader(iss, thumbprint)))) return Uint8Array.of(WEB_KID, ...thumbprint);
    const didKey = didKeyKidHeader(iss);
    if (didKey !== undefined && sameBytes(header, utf8.encode(didKey))) return Uint8Array.of(DID_KEY_KID);
  }
  if (header.length < 1 || header.length > MAX_RAW_HEADER_BYTES) throw new TypeError(`the JOSE header is ${header.length} bytes; CP3 carries 1–${MAX_RAW_HEADER_BYTES}`);
  const out = new Uint8Array(3 + header.length);
  out.set([RAW, header.length >> 8, header.length & 0xff]);
  out.set(header, 3);
  return out;
}

export interface HeadV3 {
  /** Bytes the head takes. */
  length: number;
  /** The JOSE header, once the payload's `iss` is known; undefined if it cannot be rebuilt. */
  header: (iss: unknown) => Uint8Array | undefined;
  /** The credential id's UUID, when the head carries it. */
  uuid?: string;
}

/** Reads the head of a CP3 body; undefined if the bytes are not a head. */
export function readHeadV3(bytes: Uint8Array): HeadV3 | undefined {
  const first = bytes[0];
  if (first === undefined) return undefined;
  const form = readHeaderForm(bytes, first & ~WITH_UUID);
  if (form === undefined || (first & WITH_UUID) === 0) return form;
  if (bytes.length < form.length + UUID_BYTES) return undefined;
  return { ...form, length: form.length + UUID_BYTES, uuid: uuidText(bytes.subarray(form.length, form.length + UUID_BYTES)) };
}

function readHeaderForm(bytes: Uint8Array, form: number): HeadV3 | undefined {
  if (form === PLAIN) return { length: 1, header: () => utf8.encode(PLAIN_HEADER) };
  if (form === WEB_KID) {
    if (bytes.length < 1 + THUMBPRINT_BYTES) return undefined;
    const thumbprint = bytes.slice(1, 1 + THUMBPRINT_BYTES);
    return { length: 1 + THUMBPRINT_BYTES, header: (iss) => (typeof iss === 'string' ? utf8.encode(webKidHeader(iss, thumbprint)) : undefined) };
  }
  if (form === DID_KEY_KID) {
    return { length: 1, header: (iss) => { const h = typeof iss === 'string' ? didKeyKidHeader(iss) : undefined; return h === undefined ? undefined : utf8.encode(h); } };
  }
  if (form === RAW && bytes.length >= 3) {
    const n = (bytes[1]! << 8) | bytes[2]!;
    if (n < 1 || n > MAX_RAW_HEADER_BYTES || bytes.length < 3 + n) return undefined;
    const raw = bytes.slice(3, 3 + n);
    return { length: 3 + n, header: () => raw };
  }
  return undefined;
}
