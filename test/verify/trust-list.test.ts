/**
 * The signed issuer trust list: accepted only from the configured anchor and in date.
 */
import { describe, expect, it } from 'vitest';
import { verifyTrustList } from '../../src/verify/trust-list.js';
import { createAssertionKeyStore } from '../../src/verify/keys.js';
import { resolveDidKey } from '../../src/verify/did-key.js';
import { webCryptoSuite } from '../../src/verify/signature.js';
import { ISSUER, OTHER, CUSTOMS, NOW, sign } from './helpers.js';

const ANCHOR = OTHER;
const signed = { resolveDid: async (did: string) => resolveDidKey(did), assertionKeys: createAssertionKeyStore(webCryptoSuite), suite: webCryptoSuite, allowedAlgorithms: new Set(['EdDSA']) };
const LIST = {
  name: 'CITES trust list (test)',
  version: 3,
  authorities: [
    { country: 'LK', name: 'Department of Wildlife Conservation', role: 'managementAuthority', dids: [ISSUER.didKey] },
    { country: 'LK', name: 'Sri Lanka Customs', role: 'customs', dids: [CUSTOMS.didKey] },
  ],
};
const NBF = Math.floor(Date.UTC(2026, 0, 1) / 1000);
const payload = (subject: unknown = LIST, extra: Record<string, unknown> = {}) => ({
  iss: ANCHOR.didKey,
  nbf: NBF,
  exp: NBF + 365 * 86400,
  jti: 'https://cites.example.org/trust-list',
  vc: { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiableCredential', 'CITESTrustList'], credentialSubject: subject },
  ...extra,
});
const check = (jwt: string, now = NOW) => verifyTrustList(jwt, { anchorDid: ANCHOR.didKey, signed, now });

describe('trust list', () => {
  it('a list signed by the anchor gives its authorities as trusted issuers', async () => {
    const outcome = await check(await sign(payload(), ANCHOR.privateJwk));
    expect(outcome).toEqual({
      ok: true,
      list: LIST,
      issuers: [
        { did: ISSUER.didKey, role: 'managementAuthority', country: 'LK', name: 'Department of Wildlife Conservation' },
        { did: CUSTOMS.didKey, role: 'customs', country: 'LK', name: 'Sri Lanka Customs' },
      ],
      issuedAt: '2026-01-01T00:00:00.000Z',
      validUntil: '2027-01-01T00:00:00.000Z',
    });
  });

  it('a list signed by anyone else → TRUST_LIST_INVALID, without resolving their DID', async () => {
    const outcome = await check(await sign(payload(LIST, { iss: ISSUER.didKey }), ISSUER.privateJwk));
    expect(outcome).toMatchObject({ ok: false, code: 'TRUST_LIST_INVALID' });
  });

  it('a list claiming the anchor but signed by another key → TRUST_LIST_INVALID', async () => {
    const outcome = await check(await sign(payload(), ISSUER.privateJwk));
    expect(outcome).toMatchObject({ ok: false, code: 'TRUST_LIST_INVALID' });
  });

  it('an expired list → TRUST_LIST_EXPIRED', async () => {
    const outcome = await check(await sign(payload(), ANCHOR.privateJwk), new Date('2027-02-01T00:00:00Z'));
    expect(outcome).toEqual({ ok: false, code: 'TRUST_LIST_EXPIRED', message: 'The trust list expired on 2027-01-01T00:00:00.000Z.' });
  });

  it('malformed authorities → TRUST_LIST_INVALID with the reason', async () => {
    const badRole = { ...LIST, authorities: [{ ...LIST.authorities[0], role: 'king' }] };
    expect(await check(await sign(payload(badRole), ANCHOR.privateJwk))).toEqual({ ok: false, code: 'TRUST_LIST_INVALID', message: 'The role of Department of Wildlife Conservation is unknown.' });
    const badDid = { ...LIST, authorities: [{ ...LIST.authorities[0], dids: ['not-a-did'] }] };
    expect(await check(await sign(payload(badDid), ANCHOR.privateJwk))).toMatchObject({ ok: false, code: 'TRUST_LIST_INVALID' });
    const notAList = { hello: 'world' };
    expect(await check(await sign(payload(notAList), ANCHOR.privateJwk))).toEqual({ ok: false, code: 'TRUST_LIST_INVALID', message: 'It is not a trust list.' });
  });

  it('a permit credential is not a trust list → TRUST_LIST_INVALID', async () => {
    const wrongType = payload();
    (wrongType.vc as { type: string[] }).type = ['VerifiableCredential', 'CITESPermit'];
    expect(await check(await sign(wrongType, ANCHOR.privateJwk))).toMatchObject({ ok: false, code: 'TRUST_LIST_INVALID' });
  });
});
