/**
 * Ed25519 public keys in the encodings DID documents use.
 *
 * - Multikey / did:key (https://w3c-ccg.github.io/did-method-key/ §3.1.2, and
 *   Controlled Identifiers §2.2.2 "Multikey"): multibase base58btc (`z` prefix)
 *   of the multicodec varint `ed25519-pub` (0xed, encoded as the two bytes
 *   0xed 0x01) followed by the 32-byte raw key. Such strings start with `z6Mk`.
 * - Ed25519VerificationKey2018: `publicKeyBase58`, base58btc of the raw key with
 *   no multibase prefix and no multicodec header.
 * - JWK (RFC 8037 §2): `{ kty: 'OKP', crv: 'Ed25519', x: base64url(raw) }`.
 */
import { base58 } from '@scure/base';
import { encodeBase64url } from '../vocab/base64url.js';

/** Ed25519 public keys are 32 bytes (RFC 8032 §5.1.5). */
export const ED25519_PUBLIC_KEY_LENGTH = 32;

/** The unsigned-varint multicodec header of `ed25519-pub` (code 0xed). */
const ED25519_PUB_MULTICODEC = [0xed, 0x01] as const;

/** A public Ed25519 JWK with only the members that define the key. (A type alias, so it fits JWK index signatures.) */
export type Ed25519PublicJwk = {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
};

/** Decodes base58btc, returning undefined instead of throwing on bad characters. */
function decodeBase58(value: string): Uint8Array | undefined {
  try {
    return base58.decode(value);
  } catch {
    return undefined;
  }
}

/**
 * Decodes a `z6Mk…` multibase Ed25519 public key to its 32 raw bytes.
 * Returns undefined for any other multibase prefix, multicodec or length.
 */
export function decodeEd25519Multikey(value: string): Uint8Array | undefined {
  if (typeof value !== 'string' || !value.startsWith('z')) return undefined;
  const bytes = decodeBase58(value.slice(1));
  if (
    bytes === undefined ||
    bytes.length !== ED25519_PUB_MULTICODEC.length + ED25519_PUBLIC_KEY_LENGTH ||
    bytes[0] !== ED25519_PUB_MULTICODEC[0] ||
    bytes[1] !== ED25519_PUB_MULTICODEC[1]
  ) {
    return undefined;
  }
  return bytes.slice(ED25519_PUB_MULTICODEC.length);
}

/**
 * Encodes 32 raw Ed25519 public-key bytes as a `z6Mk…` multibase string.
 * @throws TypeError when the key is not 32 bytes (a programmer mistake).
 * @example encodeEd25519Multikey(raw) // 'z6MkhaXgBZDvotDkL5257faiztiKC2RNB8Zx1fC9r3kcf2VL'
 */
export function encodeEd25519Multikey(publicKey: Uint8Array): string {
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== ED25519_PUBLIC_KEY_LENGTH) {
    throw new TypeError('"publicKey" must be a 32-byte Uint8Array.');
  }
  const bytes = new Uint8Array(ED25519_PUB_MULTICODEC.length + ED25519_PUBLIC_KEY_LENGTH);
  bytes.set(ED25519_PUB_MULTICODEC, 0);
  bytes.set(publicKey, ED25519_PUB_MULTICODEC.length);
  return 'z' + base58.encode(bytes);
}

/** Decodes an Ed25519VerificationKey2018 `publicKeyBase58` value (raw key, no prefix). */
export function decodeEd25519Base58(value: string): Uint8Array | undefined {
  if (typeof value !== 'string') return undefined;
  const bytes = decodeBase58(value);
  return bytes !== undefined && bytes.length === ED25519_PUBLIC_KEY_LENGTH ? bytes : undefined;
}

/** The JWK (RFC 8037 §2) of raw Ed25519 public-key bytes. */
export function ed25519RawToJwk(publicKey: Uint8Array): Ed25519PublicJwk {
  return { kty: 'OKP', crv: 'Ed25519', x: encodeBase64url(publicKey) };
}

/**
 * Reads an Ed25519 public JWK from untrusted JSON: `kty` OKP, `crv` Ed25519 and an
 * `x` that is canonical base64url of 32 bytes. A JWK that carries the private part
 * `d` is refused: publishing it means the key is compromised.
 */
export function readEd25519Jwk(value: unknown): Ed25519PublicJwk | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const jwk = value as Record<string, unknown>;
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string' || 'd' in jwk) return undefined;
  // RFC 7517 §4.4: if `alg` is present it must match how the key is used.
  if (jwk.alg !== undefined && jwk.alg !== 'EdDSA' && jwk.alg !== 'Ed25519') return undefined;
  // 32 bytes are 43 base64url characters; the last one carries 2 padding bits that must be zero.
  if (!/^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/.test(jwk.x)) return undefined;
  return { kty: 'OKP', crv: 'Ed25519', x: jwk.x };
}
