import { base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import { decodeDidKey, encodeDidKey, resolveDidKey } from '../../src/verify/did-key.js';
import { decodeEd25519Multikey, encodeEd25519Multikey } from '../../src/verify/multikey.js';

// did:key spec test vector (https://w3c-ccg.github.io/did-method-key/ §4, Ed25519). The
// expected x was cross-checked against @veramo/did-provider-key's resolver (JsonWebKey2020 format).
const VECTOR = 'did:key:z6MkhaXgBZDvotDkL5257faiztiKC2RNB8Zx1fC9r3kcf2VL';
const VECTOR_X = 'Lm_M42cB3HkUiODQsXRcweOS8DwIxhRDmyIrRi4mnY8';

describe('did:key', () => {
  it('decodes the spec vector to a 32-byte Ed25519 key and round-trips', () => {
    const raw = decodeDidKey(VECTOR)!;
    expect(raw).toBeInstanceOf(Uint8Array);
    expect(raw).toHaveLength(32);
    expect(base64url.encode(raw)).toBe(VECTOR_X);
    expect(encodeDidKey(raw)).toBe(VECTOR);
  });

  it('resolves to one JsonWebKey2020 method under assertionMethod and authentication', () => {
    const { didDocument, didResolutionMetadata } = resolveDidKey(VECTOR);
    expect(didResolutionMetadata.error).toBeUndefined();
    const vmId = `${VECTOR}#z6MkhaXgBZDvotDkL5257faiztiKC2RNB8Zx1fC9r3kcf2VL`;
    expect(didDocument).toMatchObject({
      id: VECTOR,
      verificationMethod: [
        { id: vmId, type: 'JsonWebKey2020', controller: VECTOR, publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x: VECTOR_X } },
      ],
      assertionMethod: [vmId],
      authentication: [vmId],
    });
    expect(didDocument!.verificationMethod).toHaveLength(1);
  });

  it.each([
    ['a secp256k1 did:key', 'did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme'],
    ['an X25519 did:key', 'did:key:z6LSjNXucRSFpQR38AF7ycokRuXxAZndaZF7n7K1xFhhtLAz'],
    ['a truncated key', VECTOR.slice(0, -3)],
    ['a base58 typo (0 is not base58)', VECTOR.replace('z6Mkh', 'z6Mk0')],
    ['a DID URL with a fragment', `${VECTOR}#key`],
    ['another method', 'did:web:example.org'],
    ['no multibase prefix', 'did:key:6MkhaXgBZDvotDkL5257faiztiKC2RNB8Zx1fC9r3kcf2VL'],
  ])('does not resolve %s', (_name, did) => {
    const r = resolveDidKey(did);
    expect(r.didDocument).toBeNull();
    expect(r.didResolutionMetadata.error).toBe('invalidDid');
  });

  it('encodes Multikey values and refuses wrong lengths', () => {
    const raw = new Uint8Array(32).fill(7);
    expect(decodeEd25519Multikey(encodeEd25519Multikey(raw))).toEqual(raw);
    expect(encodeEd25519Multikey(raw).startsWith('z6Mk')).toBe(true);
    expect(() => encodeEd25519Multikey(new Uint8Array(31))).toThrow(TypeError);
  });
});
