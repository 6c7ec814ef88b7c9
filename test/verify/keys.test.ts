import { describe, expect, it, vi } from 'vitest';
import { assertionKeyJwks, createAssertionKeyStore } from '../../src/verify/keys.js';
import { webCryptoSuite } from '../../src/verify/signature.js';
import { encodeEd25519Multikey } from '../../src/verify/multikey.js';
import { base58 } from '@scure/base';
import { ISSUER, OTHER, WEB_DID, webDocument } from './helpers.js';

const raw = Buffer.from(ISSUER.publicJwk.x, 'base64url');
const jwk = { kty: 'OKP', crv: 'Ed25519', x: ISSUER.publicJwk.x };
const did = WEB_DID;

describe('assertionKeyJwks', () => {
  it('reads every supported Ed25519 method type', () => {
    const doc = {
      id: did,
      verificationMethod: [
        { id: '#jwk', type: 'JsonWebKey2020', controller: did, publicKeyJwk: { ...jwk, alg: 'EdDSA', use: 'sig' } },
        { id: `${did}#multikey`, type: 'Multikey', controller: did, publicKeyMultibase: encodeEd25519Multikey(raw) },
        { id: '#ed2020', type: 'Ed25519VerificationKey2020', controller: did, publicKeyMultibase: encodeEd25519Multikey(raw) },
        { id: '#ed2018', type: 'Ed25519VerificationKey2018', controller: did, publicKeyBase58: base58.encode(raw) },
      ],
      assertionMethod: ['#jwk', `${did}#multikey`, '#ed2020', `${did}#ed2018`],
    };
    const keys = assertionKeyJwks(did, doc);
    expect(keys.map((k) => k.id)).toEqual([`${did}#jwk`, `${did}#multikey`, `${did}#ed2020`, `${did}#ed2018`]);
    for (const k of keys) expect(k.jwk).toEqual(jwk);
  });

  it('reads embedded assertion methods', () => {
    const doc = { id: did, assertionMethod: [{ id: '#k', type: 'JsonWebKey2020', controller: did, publicKeyJwk: jwk }] };
    expect(assertionKeyJwks(did, doc)).toEqual([{ id: `${did}#k`, jwk }]);
  });

  it.each([
    ['a key listed only under authentication', { authentication: ['#key-1'], assertionMethod: [] }],
    ['a reference to a missing method', { assertionMethod: ['#key-2'] }],
    ['a method controlled by another DID', { verificationMethod: [{ id: '#key-1', type: 'JsonWebKey2020', controller: 'did:web:evil.example', publicKeyJwk: jwk }] }],
    ['a reference into another DID', { verificationMethod: [{ id: 'did:web:evil.example#key-1', type: 'JsonWebKey2020', controller: did, publicKeyJwk: jwk }], assertionMethod: ['did:web:evil.example#key-1'] }],
    ['a P-256 key', { verificationMethod: [{ id: '#key-1', type: 'JsonWebKey2020', controller: did, publicKeyJwk: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.x } }] }],
    ['a JWK that carries its private part', { verificationMethod: [{ id: '#key-1', type: 'JsonWebKey2020', controller: did, publicKeyJwk: { ...jwk, d: jwk.x } }] }],
    ['a JWK with a short x', { verificationMethod: [{ id: '#key-1', type: 'JsonWebKey2020', controller: did, publicKeyJwk: { ...jwk, x: 'AAAA' } }] }],
    ['a JWK for another algorithm', { verificationMethod: [{ id: '#key-1', type: 'JsonWebKey2020', controller: did, publicKeyJwk: { ...jwk, alg: 'ES256' } }] }],
    ['an X25519 Multikey', { verificationMethod: [{ id: '#key-1', type: 'Multikey', controller: did, publicKeyMultibase: 'z6LSjNXucRSFpQR38AF7ycokRuXxAZndaZF7n7K1xFhhtLAz' }] }],
    ['an unknown method type', { verificationMethod: [{ id: '#key-1', type: 'EcdsaSecp256k1VerificationKey2019', controller: did, publicKeyJwk: jwk }] }],
    ['a non-array assertionMethod', { assertionMethod: '#key-1' }],
  ])('ignores %s', (_name, patch) => {
    expect(assertionKeyJwks(did, { ...webDocument(did, jwk), ...patch })).toEqual([]);
  });

  it('requires the document to be the DID’s own', () => {
    expect(assertionKeyJwks(did, webDocument('did:web:evil.example', jwk))).toEqual([]);
    expect(assertionKeyJwks(did, null)).toEqual([]);
  });
});

describe('createAssertionKeyStore', () => {
  it('imports each key once, even for different documents with the same key', async () => {
    // Count WebCrypto imports: importing is the expensive step the store must cache.
    const importJWK = vi.fn(webCryptoSuite.importKey);
    const keysOf = createAssertionKeyStore({ ...webCryptoSuite, importKey: importJWK });
    const a = Object.freeze(webDocument(did, jwk));
    const first = await keysOf(did, a);
    expect(first).toHaveLength(1);
    expect((first[0]!.key as CryptoKey).type).toBe('public');
    expect(await keysOf(did, a)).toBe(first);
    await keysOf(did, webDocument(did, jwk));
    expect(importJWK).toHaveBeenCalledTimes(1);
    await keysOf(did, webDocument(did, OTHER.publicJwk));
    expect(importJWK).toHaveBeenCalledTimes(2);
  });
});
