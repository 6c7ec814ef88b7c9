/**
 * The permit QR transport: a signed permit (a VC-JWT) carried whole in a QR code, and read
 * back byte for byte, so that the verifier checks the authority's own signature.
 *
 * Payload (what the QR code holds after the link's "#"):
 *
 *   CP3:<Base43 of  H ‖ signature ‖ DEFLATE(split(payload))>
 *
 *   H          the JOSE header (header-v3.ts): 1 byte for a Saiga agent's header without a
 *              kid or with a did:key kid, 7 bytes with a did:web kid (its key's 6 bytes), the
 *              whole header for any other.
 *   signature  the 64 bytes of the JWS signature (Ed25519).
 *   DEFLATE    raw DEFLATE (RFC 1951), with the preset dictionary v3 (dictionary-v3.ts), of
 *              the payload JSON exactly as signed, split into its skeleton and its values
 *              (json-split.ts), which joined give the same bytes back.
 *
 * Read, no longer written: CP2, the same with dictionary v2 (dictionary-v2.ts) and H as 1 byte
 * 0x00 for {"alg":"EdDSA","typ":"JWT"}, else 1 byte n (1–255) then the n header bytes; CP1,
 * as CP2 without the split, with dictionary v1 (dictionary.ts). Each version is read for as
 * long as permits printed with it are valid.
 *
 * The JWT is rebuilt as base64url(header).base64url(payload).base64url(signature): base64url
 * without padding of the same bytes is unique, so the rebuilt JWT is the issued one and its
 * signature verifies. Base43 (src/qr/base43.ts) uses only characters that QR codes store in
 * alphanumeric mode (5.5 bits) and that stand unescaped in a URL fragment.
 *
 * Reference form, for a permit too large for a QR code of version 25 at error correction M:
 *
 *   CPR1:<Base43 of  credential id (16 bytes of its urn:uuid) ‖ SHA-256 of the JWT (32) ‖ issuer DID (UTF-8)>
 *
 * The verifier fetches the JWT from the issuer (<agent>/credentials/<uuid>) and checks it
 * against the hash (`checkReferencedCredential`).
 *
 * Link (the QR code's text): an upper-case URL of a verifier page whose fragment is the
 * payload, e.g. HTTPS://CITES.DWC.GOV.LK/VERIFY#CP3:…; upper-case scheme and host are the
 * same URL and keep the text alphanumeric; the fragment never reaches a server.
 *
 * Reading never throws, and its memory and time are bounded by the fixed limits below,
 * whatever it is given (a decompression bomb is stopped as it inflates). Letters may come
 * in lower case. A new dictionary or layout is a new prefix (CP4); CP1, CP2 and CP3 never change.
 *
 * Browser-safe: no Node modules or globals (the verifier page bundles this file).
 */
import { didWebToUrl } from '../vocab/did-web-url.js';
import { Inflate } from 'fflate';
import { base43Length, decodeBase43, encodeBase43 } from './base43.js';
import { qrVersionFor } from './capacity.js';
import { QR_CODES, type QrCode } from './codes.js';
import { deflateRawOptimal } from './deflate.js';
import { DICTIONARY_V1 } from './dictionary.js';
import { DICTIONARY_V2 } from './dictionary-v2.js';
import { DICTIONARY_V3 } from './dictionary-v3.js';
import { carriesUuid, encodeHeadV3, readHeadV3 } from './header-v3.js';
import { compactMacros, expandMacros } from './macros-v3.js';
import { joinJson, splitJson } from './json-split.js';
import { MAX_VERIFIER_INPUT_CHARS, QR_MAX_FULL_VERSION, QR_MAX_INFLATED_BYTES, QR_MAX_PAYLOAD_CHARS } from '../vocab/limits.js';

/**
 * The permit formats read, by version: their dictionary, and whether the payload is split
 * (json-split.ts). The newest is written. A version is never changed once permits are
 * printed with it; a change is a new version.
 */
interface PermitFormat {
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
const PERMIT_FORMAT = '3';
export const PERMIT_PREFIX = `CP${PERMIT_FORMAT}:`;
export const REFERENCE_PREFIX = 'CPR1:';
/** The path of the verifier page on an agent, in upper case (the agent serves /verify and /VERIFY). */
export const VERIFIER_PATH = '/VERIFY';
// The size bounds of reading and writing codes are defined with every other verifier limit (src/vocab/limits.ts).
export const MAX_INFLATED_BYTES = QR_MAX_INFLATED_BYTES;
export const MAX_PAYLOAD_CHARS = QR_MAX_PAYLOAD_CHARS;
/** Largest text `parseVerifierInput` looks at (a pasted raw JWT may be longer than any QR code). */
export const MAX_INPUT_CHARS = MAX_VERIFIER_INPUT_CHARS;
export const MAX_FULL_VERSION = QR_MAX_FULL_VERSION;

/** The JOSE header Veramo signed permits with before the kid, sent in CP1/CP2 as the single byte 0x00. */
const STANDARD_HEADER = '{"alg":"EdDSA","typ":"JWT"}';
const SIGNATURE_BYTES = 64;
const SHA256_BYTES = 32;
const UUID_BYTES = 16;
const MAX_DID_BYTES = 512;

export type QrError = { ok: false; code: QrCode; message: string };

/** A permit reference (CPR1): where to fetch the permit, and its hash. */
export interface PermitReference {
  /** The issuing authority's DID. */
  issuer: string;
  /** The permit credential's id, `urn:uuid:…` (lower case). */
  credentialId: string;
  /** SHA-256 of the VC-JWT text, lower-case hex. */
  sha256: string;
}

export type DecodedQr = { ok: true; kind: 'qr'; jwt: string } | ({ ok: true; kind: 'reference' } & PermitReference) | QrError;

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

/** SHA-256 of some bytes; the default is WebCrypto's (browsers, Node 20). */
export type Digest = (data: Uint8Array) => Promise<Uint8Array>;

export const webCryptoSha256: Digest = async (data) => {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('WebCrypto (crypto.subtle) is not available: pass a SHA-256 digest function');
  return new Uint8Array(await subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>));
};

const fail = (code: QrCode, detail?: string): QrError => ({ ok: false, code, message: detail ? `${QR_CODES[code]} (${detail})` : QR_CODES[code] });

// ---------------------------------------------------------------------------------------
// base64url, hex, UTF-8

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64URL_VALUE = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < B64URL.length; i++) table[B64URL.charCodeAt(i)] = i;
  return table;
})();

function base64urlEncode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += B64URL[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** Decodes unpadded base64url; undefined unless the text is the canonical encoding of its bytes. */
function base64urlDecode(text: string): Uint8Array | undefined {
  if (text.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let buffer = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const v = code < 128 ? B64URL_VALUE[code]! : -1;
    if (v < 0) return undefined;
    buffer = ((buffer << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  // Leftover bits must be zero, or two texts would give the same bytes.
  if (bits > 0 && (buffer & ((1 << bits) - 1)) !== 0) return undefined;
  return out;
}

const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function jsonObject(bytes: Uint8Array): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(strictUtf8.decode(bytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const STANDARD_HEADER_BYTES = utf8.encode(STANDARD_HEADER);

const DID = /^did:[a-z0-9]+:[A-Za-z0-9._:%-]+$/;
const URN_UUID = /^urn:uuid:([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})$/;
const JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** The three parts of a compact JWS as bytes; throws unless each is canonical base64url. */
function jwsParts(jwt: string): { header: Uint8Array; payload: Uint8Array; signature: Uint8Array } {
  const parts = jwt.split('.');
  if (parts.length !== 3) throw new TypeError('not a compact JWS (three base64url parts)');
  const [header, payload, signature] = parts.map(base64urlDecode);
  if (!header || !payload || !signature) throw new TypeError('a JWS part is not canonical unpadded base64url');
  return { header, payload, signature };
}

// ---------------------------------------------------------------------------------------
// CP3 (and CP2, CP1)

/**
 * The QR payload (`CP3:…`) of a VC-JWT. Throws a TypeError if the JWT cannot be carried
 * exactly (not a canonical compact JWS with a 64-byte signature and a JSON header and
 * payload), a RangeError if it is too large for CP3 (then use a reference).
 */
export function encodePermitQr(jwt: string): string {
  const { header, payload, signature } = jwsParts(jwt);
  if (signature.length !== SIGNATURE_BYTES) throw new TypeError(`the signature is ${signature.length} bytes; CP3 carries ${SIGNATURE_BYTES}-byte signatures`);
  if (payload.length > MAX_INFLATED_BYTES) throw new RangeError(`the payload is ${payload.length} bytes; CP3 carries at most ${MAX_INFLATED_BYTES}`);
  const claims = jsonObject(payload);
  if (!jsonObject(header) || !claims) throw new TypeError('the JWT header and payload must be JSON objects in UTF-8');
  const split = splitJson(strictUtf8.decode(payload));
  if (!split) throw new TypeError('the JWT payload cannot be split into skeleton and values');
  const iss = typeof claims.iss === 'string' ? claims.iss : undefined;
  const uuid = typeof claims.jti === 'string' ? URN_UUID.exec(claims.jti)?.slice(1).join('-') : undefined;
  const head = encodeHeadV3(header, iss, uuid);
  const compact = compactMacros(split, iss, carriesUuid(uuid) ? uuid : undefined);
  const body = concat(head, signature, deflateRawOptimal(compact, PERMIT_FORMATS[PERMIT_FORMAT]!.dictionary));
  if (base43Length(body.length) > MAX_PAYLOAD_CHARS) throw new RangeError(`the payload would be ${base43Length(body.length)} characters; CP3 carries at most ${MAX_PAYLOAD_CHARS}`);
  const text = PERMIT_PREFIX + encodeBase43(body);
  // Never print a code that would not read back as this very JWT.
  const check = decodePermitQr(text);
  if (!check.ok || check.kind !== 'qr' || check.jwt !== jwt) throw new Error(`the permit QR payload does not read back as the JWT (${check.ok ? check.kind : check.code})`);
  return text;
}

/**
 * Compressed bytes given to the inflater at a time: 64 at first, doubling up to 1024, so a
 * permit takes a few steps and at most about 1 MB (1024 × DEFLATE's 1032:1) comes out of
 * the step in which a bomb passes the limit.
 */
const INFLATE_FIRST_STEP = 64;
const INFLATE_MAX_STEP = 1024;
let inflateBuffer: Uint8Array | undefined;

/**
 * Inflates with a preset dictionary, a few bytes at a time, keeping a running total: it
 * stops as soon as the output would pass MAX_INFLATED_BYTES, so a decompression bomb costs
 * neither memory (a 32 KiB buffer plus fflate's window) nor time.
 */
function inflateBounded(data: Uint8Array, dictionary: Uint8Array): Uint8Array | QrError {
  // One output buffer for all calls (this runs synchronously, so calls never overlap); the result is copied out.
  const out = (inflateBuffer ??= new Uint8Array(MAX_INFLATED_BYTES));
  let length = 0;
  let tooLarge = false;
  let ended = false;
  const inflater = new Inflate({ dictionary }, (chunk, final) => {
    if (tooLarge) return;
    if (length + chunk.length > MAX_INFLATED_BYTES) {
      tooLarge = true;
      return;
    }
    out.set(chunk, length);
    length += chunk.length;
    ended = final;
  });
  try {
    for (let at = 0, step = INFLATE_FIRST_STEP; at < data.length && !tooLarge; at += step, step = Math.min(2 * step, INFLATE_MAX_STEP)) {
      const end = Math.min(at + step, data.length);
      inflater.push(data.subarray(at, end), end === data.length);
    }
  } catch {
    if (!tooLarge) return fail('QR_MALFORMED', 'the compressed data is corrupt or cut short');
  }
  if (tooLarge) return fail('QR_TOO_LARGE', `more than ${MAX_INFLATED_BYTES} bytes`);
  if (!ended) return fail('QR_MALFORMED', 'the compressed data is cut short');
  return out.slice(0, length);
}

/** CP1/CP2: 0x00 for the standard header, else a length byte and the header. */
function readHeaderV1(bytes: Uint8Array): { length: number; header: () => Uint8Array } {
  const n = bytes[0]!;
  return n === 0 ? { length: 1, header: () => STANDARD_HEADER_BYTES } : { length: 1 + n, header: () => bytes.subarray(1, 1 + n) };
}

function decodePermitBody(bytes: Uint8Array, format: PermitFormat): DecodedQr {
  if (bytes.length < 1) return fail('QR_MALFORMED', 'empty');
  const head: { length: number; header: (iss: unknown) => Uint8Array | undefined; uuid?: string } | undefined = format.header === 'v3' ? readHeadV3(bytes) : readHeaderV1(bytes);
  if (head === undefined) return fail('QR_MALFORMED', 'the header is not readable');
  const at = head.length;
  // At least one byte of DEFLATE data after the signature.
  if (bytes.length < at + SIGNATURE_BYTES + 1) return fail('QR_MALFORMED', 'cut short');
  const signature = bytes.subarray(at, at + SIGNATURE_BYTES);
  const inflated = inflateBounded(bytes.subarray(at + SIGNATURE_BYTES), format.dictionary);
  if (!(inflated instanceof Uint8Array)) return inflated;
  let payload = inflated;
  if (format.split) {
    // Joined, the text is no longer than the split bytes; joinJson holds the bound anyway.
    let joined = joinJson(inflated, MAX_INFLATED_BYTES);
    if (joined.ok && format.macros) joined = expandMacros(joined.text, head.uuid, MAX_INFLATED_BYTES);
    if (!joined.ok) return joined.reason === 'too large' ? fail('QR_TOO_LARGE', `more than ${MAX_INFLATED_BYTES} bytes`) : fail('QR_MALFORMED', 'the permit data is not readable');
    payload = utf8.encode(joined.text);
    if (payload.length > MAX_INFLATED_BYTES) return fail('QR_TOO_LARGE', `more than ${MAX_INFLATED_BYTES} bytes`);
  }
  const claims = jsonObject(payload);
  const header = claims && head.header(claims.iss);
  if (!header || !jsonObject(header)) return fail('QR_MALFORMED', 'the permit data is not readable');
  return { ok: true, kind: 'qr', jwt: `${base64urlEncode(header)}.${base64urlEncode(payload)}.${base64urlEncode(signature)}` };
}

// ---------------------------------------------------------------------------------------
// CPR1

function uuidBytes(credentialId: string): Uint8Array | undefined {
  const m = URN_UUID.exec(credentialId);
  if (!m) return undefined;
  const hex = m.slice(1).join('');
  return Uint8Array.from({ length: UUID_BYTES }, (_, i) => parseInt(hex.slice(2 * i, 2 * i + 2), 16));
}

function credentialIdOf(bytes: Uint8Array): string {
  const h = toHex(bytes);
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The `iss` and `jti` claims of a VC-JWT, if it has them as strings. */
function claimsOf(jwt: string): { iss: string; jti: string } | undefined {
  const parts = jwt.split('.');
  if (parts.length !== 3) return undefined;
  const payload = base64urlDecode(parts[1]!);
  const claims = payload && jsonObject(payload);
  return claims && typeof claims.iss === 'string' && typeof claims.jti === 'string' ? { iss: claims.iss, jti: claims.jti } : undefined;
}

/** The reference payload (`CPR1:…`) of a VC-JWT: its issuer, its credential id (`jti`, a urn:uuid) and its SHA-256. */
export async function encodePermitReference(jwt: string, digest: Digest = webCryptoSha256): Promise<string> {
  jwsParts(jwt);
  const claims = claimsOf(jwt);
  if (!claims) throw new TypeError('the JWT has no string iss and jti claims');
  const id = uuidBytes(claims.jti);
  if (!id) throw new TypeError(`the credential id ${claims.jti} is not a lower-case urn:uuid`);
  const issuer = utf8.encode(claims.iss);
  if (!DID.test(claims.iss) || issuer.length > MAX_DID_BYTES) throw new TypeError(`the issuer ${claims.iss} is not a DID of at most ${MAX_DID_BYTES} bytes`);
  const hash = await digest(utf8.encode(jwt));
  if (hash.length !== SHA256_BYTES) throw new TypeError('the digest is not SHA-256');
  return REFERENCE_PREFIX + encodeBase43(concat(id, hash, issuer));
}

function decodeReferenceBody(bytes: Uint8Array): DecodedQr {
  if (bytes.length < UUID_BYTES + SHA256_BYTES + 1 || bytes.length > UUID_BYTES + SHA256_BYTES + MAX_DID_BYTES) return fail('QR_MALFORMED', 'wrong length');
  let issuer: string;
  try {
    issuer = strictUtf8.decode(bytes.subarray(UUID_BYTES + SHA256_BYTES));
  } catch {
    return fail('QR_MALFORMED', 'the issuer is not readable');
  }
  if (!DID.test(issuer)) return fail('QR_MALFORMED', 'the issuer is not a DID');
  return {
    ok: true,
    kind: 'reference',
    issuer,
    credentialId: credentialIdOf(bytes.subarray(0, UUID_BYTES)),
    sha256: toHex(bytes.subarray(UUID_BYTES, UUID_BYTES + SHA256_BYTES)),
  };
}

/**
 * Whether a JWT fetched for a reference QR code is the permit the code refers to: the same
 * SHA-256, issuer and credential id. Never throws.
 */
export async function checkReferencedCredential(
  jwt: string,
  reference: PermitReference,
  digest: Digest = webCryptoSha256,
): Promise<{ ok: true } | { ok: false; code: 'QR_REFERENCE_MISMATCH'; message: string }> {
  const mismatch = (detail: string) => ({ ok: false as const, code: 'QR_REFERENCE_MISMATCH' as const, message: `${QR_CODES.QR_REFERENCE_MISMATCH} (${detail})` });
  try {
    const hash = toHex(await digest(utf8.encode(jwt)));
    if (hash !== reference.sha256.toLowerCase()) return mismatch('the SHA-256 differs');
    const claims = claimsOf(jwt);
    if (!claims || claims.iss !== reference.issuer || claims.jti !== reference.credentialId) return mismatch('the issuer or credential id differs');
    return { ok: true };
  } catch (error) {
    return mismatch(error instanceof Error ? error.message : String(error));
  }
}

/**
 * For a did:web issuer: the URL at which its agent serves the referenced permit
 * (`/credentials/<uuid>` beside its DID document), with the same rules as did:web
 * resolution — https, or http for a loopback host.
 */
export function referenceCredentialUrl(reference: Pick<PermitReference, 'issuer' | 'credentialId'>): string | undefined {
  const documentUrl = didWebToUrl(reference.issuer);
  const uuid = /^urn:uuid:([0-9a-f-]{36})$/.exec(reference.credentialId)?.[1];
  if (documentUrl === undefined || uuid === undefined) return undefined;
  const base = documentUrl.replace(/\/(\.well-known\/)?did\.json$/, '');
  return `${base}/credentials/${uuid}`;
}

// ---------------------------------------------------------------------------------------
// Reading

/**
 * Reads a QR payload: `CP3:…` (or `CP2:…`, `CP1:…`) gives the JWT, `CPR1:…` a permit reference.
 * Upper or lower case, surrounding and embedded white space ignored. Never throws.
 */
export function decodePermitQr(text: string): DecodedQr {
  if (typeof text !== 'string') return fail('QR_NOT_A_PERMIT');
  if (text.length > MAX_INPUT_CHARS) return fail('QR_TOO_LARGE', 'more than a QR code can hold');
  const value = text.replace(/[\t\n\r ]+/g, '').toUpperCase();
  const prefix = /^CP(R?)(\d{1,6}):/.exec(value);
  if (!prefix) return fail(/^CPR?\d/.test(value) ? 'QR_MALFORMED' : 'QR_NOT_A_PERMIT');
  const format = prefix[1] === 'R' ? undefined : PERMIT_FORMATS[prefix[2]!];
  if (prefix[1] === 'R' ? prefix[2] !== '1' : format === undefined) return fail('QR_UNKNOWN_VERSION', `format ${prefix[0].slice(0, -1)}`);
  const body = value.slice(prefix[0].length);
  if (body.length > MAX_PAYLOAD_CHARS) return fail('QR_TOO_LARGE', 'more than a QR code can hold');
  const bytes = decodeBase43(body);
  if (!bytes) return fail('QR_MALFORMED', 'not valid Base43');
  return format === undefined ? decodeReferenceBody(bytes) : decodePermitBody(bytes, format);
}

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
  if (typeof text !== 'string') return fail('QR_NOT_A_PERMIT');
  if (text.length > MAX_INPUT_CHARS) return fail('QR_TOO_LARGE', 'more than a QR code can hold');
  let value = text.trim();
  if (value === '') return fail('QR_NOT_A_PERMIT', 'nothing was read');
  let linkOrigin: string | undefined;
  const hash = value.indexOf('#');
  if (hash >= 0) {
    // A link (from any host), or a pasted host/path without a scheme: only the fragment counts.
    linkOrigin = originOf(value.slice(0, hash));
    const fragment = percentDecode(value.slice(hash + 1));
    if (fragment === undefined) return fail('QR_MALFORMED', 'the link is damaged');
    value = fragment.trim();
  } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !/^CPR?\d/i.test(value)) {
    return fail('QR_NOT_A_PERMIT', 'a link without a permit code');
  }
  const from = linkOrigin !== undefined ? { linkOrigin } : {};
  if (JWS.test(value)) return { ok: true, kind: 'jwt', jwt: value, ...from };
  const decoded = decodePermitQr(value);
  if (!decoded.ok) return decoded;
  if (decoded.kind === 'qr') return { ok: true, kind: 'qr', jwt: decoded.jwt, ...from };
  const credentialUrl = referenceCredentialUrl(decoded);
  return { ...decoded, ...(credentialUrl !== undefined && { credentialUrl }), ...from };
}

// ---------------------------------------------------------------------------------------
// Links

/**
 * The QR text: the verifier page URL in upper case, then "#" and the payload. `verifierUrl`
 * is an agent's URL (the page is then at /VERIFY) or a verifier page's URL; its scheme and
 * host are upper-cased (they are case-insensitive), a path it has is kept as given.
 */
export function permitQrLink(verifierUrl: string, payload: string): string {
  const url = new URL(verifierUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError(`the verifier URL must be http(s): ${verifierUrl}`);
  if (url.search || url.hash || url.username || url.password) throw new TypeError(`the verifier URL must have no query, fragment or credentials: ${verifierUrl}`);
  const path = url.pathname === '/' || url.pathname === '' ? VERIFIER_PATH : url.pathname.replace(/\/$/, '');
  return `${url.protocol.toUpperCase()}//${url.host.toUpperCase()}${path}#${payload}`;
}

export interface QrOrReference {
  kind: 'qr' | 'reference';
  /** The payload, `CP3:…` or `CPR1:…`. */
  payload: string;
  /** The QR text: the link with the payload. */
  text: string;
  /** QR version of `text` at error correction M. */
  version: number;
}

/**
 * The link with the full permit (CP3), or with a reference (CPR1) when the full link would
 * need a QR code larger than version `maxVersion` (25) at error correction M.
 */
export async function encodePermitQrOrReference(
  jwt: string,
  verifierUrl: string,
  options: {
    maxVersion?: number;
    digest?: Digest;
    /**
     * The QR version of a text at error correction M. Default: `qrVersionFor` (capacity.ts),
     * the optimum; the `qrcode` package occasionally draws one version more for mixed text,
     * so a Node caller that draws with it may pass render.ts's `qrVersion`.
     */
    versionOf?: (text: string) => number | undefined;
  } = {},
): Promise<QrOrReference> {
  const maxVersion = options.maxVersion ?? MAX_FULL_VERSION;
  const versionOf = options.versionOf ?? ((text: string) => qrVersionFor(text, 'M'));
  let payload: string | undefined;
  try {
    payload = encodePermitQr(jwt);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
  }
  if (payload !== undefined) {
    const text = permitQrLink(verifierUrl, payload);
    const version = versionOf(text);
    if (version !== undefined && version <= maxVersion) return { kind: 'qr', payload, text, version };
  }
  const reference = await encodePermitReference(jwt, options.digest);
  const referenceText = permitQrLink(verifierUrl, reference);
  const version = versionOf(referenceText);
  if (version === undefined) throw new RangeError('the reference does not fit a QR code: the verifier URL is too long');
  return { kind: 'reference', payload: reference, text: referenceText, version };
}
