/**
 * The agent's node:crypto signature suite must give the same verdicts as the core's
 * default WebCrypto suite, on the same credentials.
 */
import { describe, expect, it } from 'vitest';
import { nodeCryptoSuite } from '../../src/verification/node-signature.js';
import { createPermitVerifier, resolveDidKey, webCryptoSuite, type SignatureSuite } from '../../src/verify/index.js';
import { ISSUER, issuerWorld, NOW, OTHER, SUBJECT, permitPayload, sign, trustedMa } from '../verify/helpers.js';

const suites: [string, SignatureSuite][] = [
  ['WebCrypto (default, browsers)', webCryptoSuite],
  ['node:crypto (agent)', nodeCryptoSuite],
];

describe.each(suites)('signature suite %s', (_name, signatureSuite) => {
  const verifier = createPermitVerifier({
    resolveDid: async (did) => resolveDidKey(did),
    trustedIssuers: [trustedMa(ISSUER.didKey)],
    signatureSuite,
    // About signatures: the test subject (Appendix I, no import permit) would break the default rules.
    checkPermit: false,
    // The status lists are signed too, and checked with the same suite.
    fetch: issuerWorld().fetch,
  });
  const codes = async (jwt: string) => (await verifier.verify(jwt, { now: NOW })).checks.map((c) => c.code);

  it('accepts a genuine signature', async () => {
    const jwt = await sign(permitPayload(ISSUER.didKey, SUBJECT));
    expect(await codes(jwt)).toEqual(['OK', 'OK', 'OK', 'OK', 'OK', 'OK', 'OK', 'OK']);
  });

  it('refuses a signature by another key and an altered signature', async () => {
    const byOther = await sign(permitPayload(ISSUER.didKey, SUBJECT), OTHER.privateJwk);
    expect(await codes(byOther)).toEqual(['OK', 'OK', 'OK', 'OK', 'SIGNATURE_INVALID']);
    const jwt = await sign(permitPayload(ISSUER.didKey, SUBJECT));
    const at = jwt.length - 20;
    const altered = `${jwt.slice(0, at)}${jwt[at] === 'A' ? 'B' : 'A'}${jwt.slice(at + 1)}`;
    expect(await codes(altered)).toEqual(['OK', 'OK', 'OK', 'OK', 'SIGNATURE_INVALID']);
  });

  it('never throws on an algorithm it does not know or a key it cannot use', async () => {
    expect(await signatureSuite.verify('ES256', await signatureSuite.importKey(ISSUER.publicJwk), new Uint8Array(1), new Uint8Array(64))).toBe(false);
    expect(await signatureSuite.importKey({ kty: 'OKP', crv: 'Ed25519', x: 'AAAA' })).toBeUndefined();
  });
});
