/**
 * The DID document an agent publishes for its did:web (Veramo stores identifiers but
 * publishes nothing). Keys are JsonWebKey2020 (publicKeyJwk, OKP/Ed25519), listed under
 * assertionMethod so that credentials signed with them verify.
 *
 * Verification-method ids are deterministic from the key, so they are stable whatever order
 * the keys come back in and retired keys keep their ids after a rotation (old credentials
 * name them in their JWT `kid`):
 *   did:web  `#key-` and the first 8 characters of the key's JWK thumbprint (RFC 7638), short
 *            because every permit's QR code carries its kid;
 *   did:key  `#` and the DID's own multibase key (did:key §3.1.2 step 6), as every did:key
 *            resolver builds it.
 */
import { createHash } from 'node:crypto';
import type { JWK } from 'jose';
import type { DidDocument, PublicJwk } from '../../verify/index.js';

export interface PublicKeyInfo {
  /** Veramo key type; only Ed25519 keys are published for signing. */
  type: string;
  publicKeyHex: string;
}

/** Characters of the RFC 7638 thumbprint in a did:web method id: 48 bits, unique among one DID's keys. */
export const METHOD_ID_THUMBPRINT_CHARS = 8;
export const METHOD_ID_PREFIX = 'key-';

/**
 * RFC 7638 §3.2 JWK thumbprint of an Ed25519 key: SHA-256 of its required members `crv`,
 * `kty`, `x` in that (lexicographic) order, without spaces, in base64url. Computed here
 * rather than with jose so that reading a DID document does not load all of jose; a test
 * checks it against jose's `calculateJwkThumbprint`.
 */
export function ed25519JwkThumbprint(publicKeyHex: string): string {
  const { x } = ed25519Jwk(publicKeyHex);
  return createHash('sha256').update(JSON.stringify({ crv: 'Ed25519', kty: 'OKP', x })).digest('base64url');
}

export function ed25519Jwk(publicKeyHex: string): JWK {
  return { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKeyHex, 'hex').toString('base64url') };
}

/**
 * The verification-method id (absolute DID URL) of an Ed25519 key of `did`: what the DID
 * document lists and what the JWT header `kid` of a credential signed with it names.
 * @example await verificationMethodId('did:web:cites.example.org', hex) // 'did:web:cites.example.org#key-Xq3v9aB1'
 */
export async function verificationMethodId(did: string, publicKeyHex: string): Promise<string> {
  if (did.startsWith('did:key:')) return `${did}#${did.slice('did:key:'.length)}`;
  const thumbprint = ed25519JwkThumbprint(publicKeyHex);
  return `${did}#${METHOD_ID_PREFIX}${thumbprint.slice(0, METHOD_ID_THUMBPRINT_CHARS)}`;
}

export async function buildDidDocument(did: string, keys: readonly PublicKeyInfo[]): Promise<DidDocument> {
  const methods = await Promise.all(
    keys
      .filter((key) => key.type === 'Ed25519')
      .map(async (key) => {
        const publicKeyJwk = ed25519Jwk(key.publicKeyHex);
        return { id: await verificationMethodId(did, key.publicKeyHex), type: 'JsonWebKey2020', controller: did, publicKeyJwk: publicKeyJwk as PublicJwk };
      }),
  );
  // DID Core §5.1.1: ids are unique within a document; two keys with the same short id cannot both be published.
  if (new Set(methods.map((m) => m.id)).size !== methods.length) throw new Error(`two keys of ${did} have the same verification-method id`);
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1'],
    id: did,
    verificationMethod: methods,
    assertionMethod: methods.map((m) => m.id),
    authentication: methods.map((m) => m.id),
  };
}
