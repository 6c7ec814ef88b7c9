/**
 * The compact JWS a permit QR code carries (RFC 7515 §7.1): its three parts as bytes, and
 * the two claims the QR layers read from its payload. A part must be canonical unpadded
 * base64url (RFC 7515 §2, RFC 4648 §3.5): one text per value, so the JWT rebuilt from the
 * bytes is the one that was signed. Browser-safe.
 */
import { decodeBase64urlCanonical } from '../vocab/base64url.js';
import { jsonObject } from './bytes.js';

const URN_UUID = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The three parts of a compact JWS as bytes; throws unless each is canonical base64url. */
export function jwsParts(jwt: string): { header: Uint8Array; payload: Uint8Array; signature: Uint8Array } {
  const parts = jwt.split('.');
  if (parts.length !== 3) throw new TypeError('not a compact JWS (three base64url parts)');
  const [header, payload, signature] = parts.map(decodeBase64urlCanonical);
  if (!header || !payload || !signature) throw new TypeError('a JWS part is not canonical unpadded base64url');
  return { header, payload, signature };
}

/** The `iss` and `jti` claims of a VC-JWT (RFC 7519 §4.1.1, §4.1.7), if it has them as strings. */
export function issuerAndId(jwt: string): { iss: string; jti: string } | undefined {
  const parts = jwt.split('.');
  if (parts.length !== 3) return undefined;
  const payload = decodeBase64urlCanonical(parts[1]!);
  const claims = payload && jsonObject(payload);
  return claims && typeof claims.iss === 'string' && typeof claims.jti === 'string' ? { iss: claims.iss, jti: claims.jti } : undefined;
}

/** The UUID (lower case) of a credential id `urn:uuid:…` (RFC 9562 §4), or undefined. */
export const uuidOfCredentialId = (id: unknown): string | undefined => (typeof id === 'string' ? URN_UUID.exec(id)?.[1] : undefined);
