/**
 * The JWT header `kid` (RFC 7515 §4.1.4): when present, only the verification method it names
 * is tried, and it must be one the issuer lists for issuing (assertionMethod, VC Data Model
 * 1.1 §C). Each mutated fixture below would verify if the verifier ignored the kid, or tried
 * every key: the signing key is always in the document.
 */
import { describe, expect, it } from 'vitest';
import { VERIFY_CODES } from '../../src/codes.js';
import { resolveDidKey } from '../../src/verify/did-key.js';
import { createPermitVerifier } from '../../src/verify/verify.js';
import type { DidDocument } from '../../src/verify/types.js';
import { ISSUER, issuerWorld, NOW, OTHER, permitPayload, sign, stubResolver, trustedMa, WEB_DID, webDocument } from './helpers.js';

const method = (id: string, publicJwk: object) => ({ id, type: 'JsonWebKey2020', controller: WEB_DID, publicKeyJwk: publicJwk as never });

function verifierWith(document: DidDocument) {
  return createPermitVerifier({
    resolveDid: stubResolver({ [WEB_DID]: document, [ISSUER.didKey]: resolveDidKey(ISSUER.didKey).didDocument! }),
    trustedIssuers: [trustedMa(WEB_DID), trustedMa(ISSUER.didKey)],
    fetch: issuerWorld().fetch,
    // The fixture permit is an Appendix I export without its import permit: only the key choice is tested here.
    checkPermit: false,
  });
}

const signedWith = (kid: string | undefined, did = WEB_DID) =>
  sign(permitPayload(did), ISSUER.privateJwk, { alg: 'EdDSA', typ: 'JWT', ...(kid !== undefined && { kid }) });

async function failure(document: DidDocument, kid: string | undefined) {
  const r = await verifierWith(document).verify(await signedWith(kid), { now: NOW });
  expect(r.verified).toBe(false);
  const failed = r.checks.filter((c) => !c.ok);
  expect(failed).toHaveLength(1);
  return failed[0]!;
}

/** The issuer's key under assertionMethod as `#key-1`, and also as `#auth-1` under authentication only. */
const AUTH_ONLY = webDocument(WEB_DID, ISSUER.publicJwk, {
  verificationMethod: [method('#key-1', OTHER.publicJwk), method('#auth-1', ISSUER.publicJwk)],
  assertionMethod: ['#key-1'],
  authentication: ['#auth-1'],
});

/** Two assertion keys: OTHER's as `#key-1`, the issuer's as `#key-2`. */
const TWO_KEYS = webDocument(WEB_DID, ISSUER.publicJwk, {
  verificationMethod: [method('#key-1', OTHER.publicJwk), method('#key-2', ISSUER.publicJwk)],
  assertionMethod: ['#key-1', '#key-2'],
});

describe('JWT kid', () => {
  it.each([['#key-2'], [`${WEB_DID}#key-2`]])('naming the signing assertion key (%s) verifies', async (kid) => {
    const r = await verifierWith(TWO_KEYS).verify(await signedWith(kid), { now: NOW });
    expect(r.checks.filter((c) => !c.ok)).toEqual([]);
    expect(r.verified).toBe(true);
  });

  it('a did:key permit naming its did:key method verifies', async () => {
    const r = await verifierWith(TWO_KEYS).verify(await signedWith(ISSUER.didKeyMethod, ISSUER.didKey), { now: NOW });
    expect(r.verified).toBe(true);
  });

  it('without a kid, every assertion key is tried: signed by the second one, it verifies', async () => {
    const r = await verifierWith(TWO_KEYS).verify(await signedWith(undefined), { now: NOW });
    expect(r.verified).toBe(true);
  });

  it('naming another assertion key than the one that signed → SIGNATURE_INVALID (only the named key is tried)', async () => {
    const failed = await failure(TWO_KEYS, '#key-1');
    expect([failed.check, failed.code, failed.message]).toEqual(['signature', 'SIGNATURE_INVALID', VERIFY_CODES.SIGNATURE_INVALID]);
  });

  it.each([
    ['#key-3', `The key it names (#key-3) is not a key of ${WEB_DID}.`],
    ['did:web:evil.example#key-2', `The key it names (did:web:evil.example#key-2) is not a key of ${WEB_DID}.`],
    ['key-2', `The key it names (key-2) is not a key of ${WEB_DID}.`],
  ])('naming no key of the issuer (%s) → SIGNING_KEY_UNKNOWN', async (kid, detail) => {
    const failed = await failure(TWO_KEYS, kid);
    expect([failed.check, failed.code, failed.message]).toEqual(['signature', 'SIGNING_KEY_UNKNOWN', `${VERIFY_CODES.SIGNING_KEY_UNKNOWN} ${detail}`]);
  });

  it.each([['#auth-1'], [`${WEB_DID}#auth-1`]])('naming a key listed only under authentication (%s) → SIGNING_KEY_UNKNOWN, though that key signed', async (kid) => {
    const failed = await failure(AUTH_ONLY, kid);
    expect([failed.check, failed.code, failed.message]).toEqual([
      'signature',
      'SIGNING_KEY_UNKNOWN',
      `${VERIFY_CODES.SIGNING_KEY_UNKNOWN} The key it names (${kid}) is a key of ${WEB_DID}, but not one for issuing documents (it is not listed under assertionMethod).`,
    ]);
  });

  it('naming an assertion method that is no usable Ed25519 key → SIGNING_KEY_UNKNOWN', async () => {
    const document = webDocument(WEB_DID, ISSUER.publicJwk, {
      verificationMethod: [method('#key-1', ISSUER.publicJwk), { id: '#key-2', type: 'EcdsaSecp256k1VerificationKey2019', controller: WEB_DID } as never],
      assertionMethod: ['#key-1', '#key-2'],
    });
    const failed = await failure(document, '#key-2');
    expect([failed.code, failed.message]).toEqual(['SIGNING_KEY_UNKNOWN', `${VERIFY_CODES.SIGNING_KEY_UNKNOWN} The key it names (#key-2) is not a usable Ed25519 signing key of ${WEB_DID}.`]);
  });
});
