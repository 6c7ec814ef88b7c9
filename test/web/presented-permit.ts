/**
 * What the Node presentation tests verify against: a core that trusts the test issuer's did:key
 * (its world of status lists and record in memory) and a permit that issuer signed.
 */
import { resolveDidKey } from '../../src/verify/did-key.js';
import { createPermitVerifier } from '../../src/verify/verify.js';
import { ISSUER, issuerWorld, permitPayload, sign, stubResolver, trustedMa } from '../verify/helpers.js';

export const presentationVerifier = createPermitVerifier({
  checkPermit: false, // The permit rules are pinned in test/verify/rules.test.ts.
  resolveDid: stubResolver({ [ISSUER.didKey]: resolveDidKey(ISSUER.didKey).didDocument! }),
  trustedIssuers: [trustedMa(ISSUER.didKey)],
  fetch: issuerWorld().fetch,
});

export const signedPermit = (): Promise<string> => sign(permitPayload(ISSUER.didKey), ISSUER.privateJwk, { alg: 'EdDSA', typ: 'JWT', kid: ISSUER.didKeyMethod });
