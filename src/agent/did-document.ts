/**
 * The DID document an agent publishes for its did:web (Veramo stores identifiers but
 * publishes nothing). Keys are JsonWebKey2020 (publicKeyJwk, OKP/Ed25519), listed under
 * assertionMethod so that credentials signed with them verify. Verification-method ids
 * are JWK thumbprints (RFC 7638): stable whatever order the keys come back in, so
 * retired keys can stay listed after a rotation and old permits keep verifying.
 */
import { calculateJwkThumbprint, type JWK } from 'jose';
import type { DidDocument, PublicJwk } from '../verify/index.js';

export interface PublicKeyInfo {
  /** Veramo key type; only Ed25519 keys are published for signing. */
  type: string;
  publicKeyHex: string;
}

export function ed25519Jwk(publicKeyHex: string): JWK {
  return { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKeyHex, 'hex').toString('base64url') };
}

export async function buildDidDocument(did: string, keys: readonly PublicKeyInfo[]): Promise<DidDocument> {
  const methods = await Promise.all(
    keys
      .filter((key) => key.type === 'Ed25519')
      .map(async (key) => {
        const publicKeyJwk = ed25519Jwk(key.publicKeyHex);
        return { id: `${did}#${await calculateJwkThumbprint(publicKeyJwk)}`, type: 'JsonWebKey2020', controller: did, publicKeyJwk: publicKeyJwk as PublicJwk };
      }),
  );
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1'],
    id: did,
    verificationMethod: methods,
    assertionMethod: methods.map((m) => m.id),
    authentication: methods.map((m) => m.id),
  };
}
