/**
 * The OpenID4VCI issuer's own keys, derived from the agent's secret key with HKDF-SHA256
 * (RFC 5869), one `info` per purpose, so nothing new is stored and no key is shared:
 * - the access-token key: an Ed25519 key that signs the `at+jwt` access tokens (RFC 9068) and is
 *   published at the JWKS URI. It is never the permit signing key (that one is Veramo's, and an
 *   access token signed with it would be a JWT the authority's DID vouches for);
 * - the offer-code key: an HMAC key that makes an offer's pre-authorized code from its id, so the
 *   credential_offer_uri document can be served again while the store keeps only the code's SHA-256.
 */
import { createHmac, createPrivateKey, createPublicKey, hkdfSync, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, type JWK } from 'jose';

// RFC 8410 §7: the DER of an Ed25519 PKCS#8 private key up to its 32-byte seed.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SALT = Buffer.from('saiga oid4vci', 'utf8');

function derive(secretKeyHex: string, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secretKeyHex, 'hex'), SALT, Buffer.from(info, 'utf8'), 32));
}

export interface AccessTokenKey {
  privateKey: KeyObject;
  publicJwk: JWK & { kid: string };
}

export async function accessTokenKeyOf(secretKeyHex: string): Promise<AccessTokenKey> {
  const seed = derive(secretKeyHex, 'access-token signing key v1');
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const { kty, crv, x } = createPublicKey(privateKey).export({ format: 'jwk' }) as { kty: string; crv: string; x: string };
  const jwk = { kty, crv, x };
  return { privateKey, publicJwk: { ...jwk, alg: 'EdDSA', use: 'sig', kid: await calculateJwkThumbprint(jwk) } };
}

/** The offer's pre-authorized code: HMAC-SHA256 of its id under the offer-code key (see the file comment). */
export function offerCodeMaker(secretKeyHex: string): (offerId: string) => string {
  const key = derive(secretKeyHex, 'pre-authorized code v1');
  return (offerId) => createHmac('sha256', key).update(offerId, 'utf8').digest('base64url');
}
