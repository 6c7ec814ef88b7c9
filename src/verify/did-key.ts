/**
 * Local resolution of Ed25519 `did:key` DIDs (https://w3c-ccg.github.io/did-method-key/).
 *
 * A did:key carries its public key in the identifier, so resolution needs no I/O.
 * Only Ed25519 keys (`z6Mk…`) are supported: Saiga signs with EdDSA only, and every
 * other key type is reported as unresolvable rather than guessed at.
 *
 * The document mirrors what Veramo's own did:key resolver produces with
 * `publicKeyFormat: 'JsonWebKey2020'`: one verification method whose id is
 * `<did>#<multibase key>` (did:key §3.1.2 step 6), listed under
 * `authentication`, `assertionMethod`, `capabilityInvocation` and `capabilityDelegation`.
 * The X25519 key-agreement key did:key derives is left out: verification never needs it.
 */
import { decodeEd25519Multikey, ed25519RawToJwk, encodeEd25519Multikey } from './multikey.js';
import { resolutionError, type DidDocument, type DidResolution } from './types.js';

const DID_KEY_PREFIX = 'did:key:';

/**
 * The raw 32-byte Ed25519 public key inside a `did:key:z6Mk…` DID, or undefined
 * when the DID is not an Ed25519 did:key (or is a DID URL with a path, query or fragment).
 */
export function decodeDidKey(did: string): Uint8Array | undefined {
  if (typeof did !== 'string' || !did.startsWith(DID_KEY_PREFIX)) return undefined;
  const multibase = did.slice(DID_KEY_PREFIX.length);
  // did:key §3.1.1: the method-specific id is the multibase value, no version or path.
  if (!/^z[1-9A-HJ-NP-Za-km-z]+$/.test(multibase)) return undefined;
  return decodeEd25519Multikey(multibase);
}

/**
 * The `did:key` of a raw 32-byte Ed25519 public key.
 * @example encodeDidKey(raw) // 'did:key:z6Mk…'
 */
export function encodeDidKey(publicKey: Uint8Array): string {
  return DID_KEY_PREFIX + encodeEd25519Multikey(publicKey);
}

/** The DID document of an Ed25519 did:key, built locally. */
export function didKeyDocument(did: string): DidDocument | undefined {
  const publicKey = decodeDidKey(did);
  if (publicKey === undefined) return undefined;
  const id = `${did}#${did.slice(DID_KEY_PREFIX.length)}`;
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1'],
    id: did,
    verificationMethod: [{ id, type: 'JsonWebKey2020', controller: did, publicKeyJwk: ed25519RawToJwk(publicKey) }],
    authentication: [id],
    assertionMethod: [id],
    capabilityInvocation: [id],
    capabilityDelegation: [id],
  };
}

/**
 * Resolves an Ed25519 did:key to a DID resolution result. Never throws.
 * @example
 * const { didDocument } = resolveDidKey('did:key:z6MkhaXgBZDvotDkL5257faiztiKC2RNB8Zx1fC9r3kcf2VL');
 */
export function resolveDidKey(did: string): DidResolution {
  if (typeof did !== 'string' || !did.startsWith(DID_KEY_PREFIX)) {
    return resolutionError('invalidDid', 'Not a did:key DID.');
  }
  const didDocument = didKeyDocument(did);
  if (didDocument === undefined) {
    return resolutionError('invalidDid', 'Only Ed25519 did:key DIDs (z6Mk…) are supported.');
  }
  return { didResolutionMetadata: { contentType: 'application/did+ld+json' }, didDocument, didDocumentMetadata: {} };
}
