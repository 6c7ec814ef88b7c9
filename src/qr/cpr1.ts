/**
 * The reference form, for a permit too large for a QR code of version 25 at error
 * correction M: the body of a `CPR1:` payload (payload.ts puts it in Base43 after the prefix).
 *
 *   CPR1 body = credential id (16 bytes of its urn:uuid) ‖ SHA-256 of the JWT (32) ‖ issuer DID (UTF-8)
 *
 * The verifier fetches the JWT from the issuer (<agent>/credentials/<uuid>) and checks it
 * against the reference (`checkReferencedCredential`) before it verifies it. Browser-safe.
 */
import { didWebToUrl } from '../vocab/did-web-url.js';
import { concat, strictUtf8, toHex, utf8, UUID_BYTES, uuidBytes, uuidText } from './bytes.js';
import { QR_CODES, qrError, type QrError } from './codes.js';
import { issuerAndId, jwsParts, uuidOfCredentialId } from './compact-jws.js';

const SHA256_BYTES = 32;
const MAX_DID_BYTES = 512;
const DID = /^did:[a-z0-9]+:[A-Za-z0-9._:%-]+$/;

/** A permit reference (CPR1): where to fetch the permit, and its hash. */
export interface PermitReference {
  /** The issuing authority's DID. */
  issuer: string;
  /** The permit credential's id, `urn:uuid:…` (lower case). */
  credentialId: string;
  /** SHA-256 of the VC-JWT text, lower-case hex. */
  sha256: string;
}

export type DecodedReference = ({ ok: true; kind: 'reference' } & PermitReference) | QrError;

/** SHA-256 of some bytes; the default is WebCrypto's (browsers, Node 20). */
export type Digest = (data: Uint8Array) => Promise<Uint8Array>;

export const webCryptoSha256: Digest = async (data) => {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('WebCrypto (crypto.subtle) is not available: pass a SHA-256 digest function');
  return new Uint8Array(await subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>));
};

/** The CPR1 body of a VC-JWT: its credential id (`jti`, a urn:uuid), its SHA-256 and its issuer. Throws a TypeError for a JWT it cannot refer to. */
export async function encodeReferenceBody(jwt: string, digest: Digest = webCryptoSha256): Promise<Uint8Array> {
  jwsParts(jwt);
  const claims = issuerAndId(jwt);
  if (!claims) throw new TypeError('the JWT has no string iss and jti claims');
  const id = uuidBytes(uuidOfCredentialId(claims.jti));
  if (!id) throw new TypeError(`the credential id ${claims.jti} is not a lower-case urn:uuid`);
  const issuer = utf8.encode(claims.iss);
  if (!DID.test(claims.iss) || issuer.length > MAX_DID_BYTES) throw new TypeError(`the issuer ${claims.iss} is not a DID of at most ${MAX_DID_BYTES} bytes`);
  const hash = await digest(utf8.encode(jwt));
  if (hash.length !== SHA256_BYTES) throw new TypeError('the digest is not SHA-256');
  return concat(id, hash, issuer);
}

/** The reference a CPR1 body holds. Never throws. */
export function decodeReferenceBody(bytes: Uint8Array): DecodedReference {
  if (bytes.length < UUID_BYTES + SHA256_BYTES + 1 || bytes.length > UUID_BYTES + SHA256_BYTES + MAX_DID_BYTES) return qrError('QR_MALFORMED', 'wrong length');
  let issuer: string;
  try {
    issuer = strictUtf8.decode(bytes.subarray(UUID_BYTES + SHA256_BYTES));
  } catch {
    return qrError('QR_MALFORMED', 'the issuer is not readable');
  }
  if (!DID.test(issuer)) return qrError('QR_MALFORMED', 'the issuer is not a DID');
  return {
    ok: true,
    kind: 'reference',
    issuer,
    credentialId: `urn:uuid:${uuidText(bytes.subarray(0, UUID_BYTES))}`,
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
    const claims = issuerAndId(jwt);
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
