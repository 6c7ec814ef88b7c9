/**
 * The core and a retired key (issue 9 §6, Res. Conf. 18.125: archives five years after
 * expiry): a permit whose `kid` names a verification method the issuer has taken out of
 * assertionMethod and marked `revoked` still verifies when it was signed before the key was
 * withdrawn, and is refused with KEY_COMPROMISED / KEY_REVOKED when signed after. Time is pinned.
 */
import { describe, expect, it } from 'vitest';
import { VERIFY_CODES } from '../../src/codes.js';
import { createPermitVerifier } from '../../src/verify/verify.js';
import { createDidResolver } from '../../src/verify/resolver.js';
import type { DidDocument, DidResolution, ResolveOptions } from '../../src/verify/types.js';
import { issuerWorld, ISSUER, NOW, OTHER, permitPayload, sign, WEB_DID, WEB_URL, trustedMa } from '../verify/helpers.js';

const OLD = `${WEB_DID}#key-old`;
const NEW = `${WEB_DID}#key-new`;
const at = (iso: string) => Date.parse(iso) / 1000;
const REVOKED = '2026-02-25T00:00:00.000Z';
const COMPROMISED = '2026-02-20T00:00:00.000Z';

const vm = (id: string, jwk: object, extra: Record<string, string> = {}) => ({ id, type: 'JsonWebKey2020', controller: WEB_DID, publicKeyJwk: jwk as never, ...extra });

/** After a rotation (ISSUER's key → OTHER's) and the revocation of ISSUER's key. */
function rotatedDocument(oldExtra: Record<string, string>): DidDocument {
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1'],
    id: WEB_DID,
    verificationMethod: [vm(OLD, ISSUER.publicJwk, oldExtra), vm(NEW, OTHER.publicJwk)],
    assertionMethod: [NEW],
    authentication: [NEW],
  };
}

const resolution = (didDocument: DidDocument): DidResolution => ({ didResolutionMetadata: {}, didDocument, didDocumentMetadata: {} });

function verifierWith(resolveDid: (did: string, options?: ResolveOptions) => Promise<DidResolution>) {
  return createPermitVerifier({
    resolveDid,
    trustedIssuers: [trustedMa(WEB_DID)],
    // The status lists are signed with the new key, as `saiga key revoke` re-signs them.
    fetch: issuerWorld([{ did: WEB_DID, key: OTHER.privateJwk }]).fetch,
    checkPermit: false,
  });
}

/** A permit signed with the old key at `iat` (and `nbf`, both by default). */
const oldPermit = (iat: number | undefined, nbf: number | undefined = iat) => {
  const { nbf: _nbf, ...payload } = permitPayload(WEB_DID);
  return sign({ ...payload, ...(iat !== undefined && { iat }), ...(nbf !== undefined && { nbf }) }, ISSUER.privateJwk, { alg: 'EdDSA', typ: 'JWT', kid: OLD });
};

async function signatureCheck(document: DidDocument, jwt: string) {
  const r = await verifierWith(async () => resolution(document)).verify(jwt, { now: NOW });
  return { verified: r.verified, signature: r.checks.find((c) => c.check === 'signature'), failed: r.checks.filter((c) => !c.ok).map((c) => c.code) };
}

describe('a permit signed with a retired key', () => {
  const compromised = rotatedDocument({ revoked: REVOKED, compromisedSince: COMPROMISED });
  const retired = rotatedDocument({ revoked: REVOKED });

  it('signed before the compromise verifies, and says it was an earlier key', async () => {
    const r = await signatureCheck(compromised, await oldPermit(at('2026-02-15T09:30:00Z')));
    expect(r.failed).toEqual([]);
    expect(r.verified).toBe(true);
    expect(r.signature!.message).toContain(`with an earlier key (${OLD}), withdrawn on ${REVOKED}`);
  });

  it('signed at the compromise date → KEY_COMPROMISED', async () => {
    const r = await signatureCheck(compromised, await oldPermit(at(COMPROMISED)));
    expect(r.failed).toEqual(['KEY_COMPROMISED']);
    expect(r.signature!.message).toBe(
      `${VERIFY_CODES.KEY_COMPROMISED} It was signed on ${COMPROMISED} with the key ${OLD}, which the issuer reports compromised since ${COMPROMISED}.`,
    );
  });

  it('backdated iat with a later nbf: the later time counts → KEY_COMPROMISED', async () => {
    const r = await signatureCheck(compromised, await oldPermit(at('2026-02-15T09:30:00Z'), at('2026-02-21T00:00:00Z')));
    expect(r.failed).toEqual(['KEY_COMPROMISED']);
  });

  it('retired, not compromised: signed before the revocation verifies, at or after it → KEY_REVOKED', async () => {
    expect((await signatureCheck(retired, await oldPermit(at('2026-02-24T23:59:59Z')))).failed).toEqual([]);
    const r = await signatureCheck(retired, await oldPermit(at(REVOKED)));
    expect(r.failed).toEqual(['KEY_REVOKED']);
    expect(r.signature!.message).toBe(`${VERIFY_CODES.KEY_REVOKED} It was signed on ${REVOKED} with the key ${OLD}, withdrawn on ${REVOKED}.`);
  });

  it('no signing time at all → KEY_REVOKED (fail closed)', async () => {
    const r = await signatureCheck(retired, await oldPermit(undefined));
    expect(r.failed).toEqual(['KEY_REVOKED']);
  });

  it('a compromisedSince that is not a date means compromised from the start', async () => {
    const r = await signatureCheck(rotatedDocument({ revoked: REVOKED, compromisedSince: 'yesterday' }), await oldPermit(at('2026-02-01T00:00:00Z')));
    expect(r.failed).toEqual(['KEY_COMPROMISED']);
  });

  it('a method without `revoked` that is not for issuing stays SIGNING_KEY_UNKNOWN', async () => {
    const r = await signatureCheck(rotatedDocument({}), await oldPermit(at('2026-02-15T09:30:00Z')));
    expect(r.failed).toEqual(['SIGNING_KEY_UNKNOWN']);
  });

  it('another key signing in the retired key\'s name → SIGNATURE_INVALID', async () => {
    const { nbf: _n, ...payload } = permitPayload(WEB_DID);
    const jwt = await sign({ ...payload, iat: at('2026-02-15T09:30:00Z'), nbf: at('2026-02-15T09:30:00Z') }, OTHER.privateJwk, { alg: 'EdDSA', typ: 'JWT', kid: OLD });
    expect((await signatureCheck(compromised, jwt)).failed).toEqual(['SIGNATURE_INVALID']);
  });

  it('the new key verifies what it signs', async () => {
    const jwt = await sign(permitPayload(WEB_DID), OTHER.privateJwk, { alg: 'EdDSA', typ: 'JWT', kid: NEW });
    expect((await signatureCheck(compromised, jwt)).failed).toEqual([]);
  });
});

describe('a kid the cached document does not know', () => {
  const before: DidDocument = {
    '@context': ['https://www.w3.org/ns/did/v1'],
    id: WEB_DID,
    verificationMethod: [vm(OLD, ISSUER.publicJwk)],
    assertionMethod: [OLD],
  };
  const after = rotatedDocument({});
  after.assertionMethod = [OLD, NEW];

  it('makes the verifier ask the resolver once more, fresh', async () => {
    const calls: (ResolveOptions | undefined)[] = [];
    // Like a cache: the stale document until a fresh request, the new one from then on.
    let current = before;
    const resolveDid = async (_did: string, options?: ResolveOptions) => {
      calls.push(options);
      if (options?.fresh) current = after;
      return resolution(current);
    };
    const jwt = await sign(permitPayload(WEB_DID), OTHER.privateJwk, { alg: 'EdDSA', typ: 'JWT', kid: NEW });
    const r = await verifierWith(resolveDid).verify(jwt, { now: NOW });
    expect(r.checks.filter((c) => !c.ok)).toEqual([]);
    expect(calls.filter((c) => c?.fresh === true)).toHaveLength(1);
  });

  it('the caching resolver fetches again for a fresh request, at most once per minRefreshMs', async () => {
    let clock = 1_000_000;
    let served = before;
    const urls: string[] = [];
    const fetch = async (url: string) => {
      urls.push(url);
      return new Response(JSON.stringify(served), { headers: { 'content-type': 'application/did+json' } });
    };
    const resolve = createDidResolver({ fetch, now: () => clock, minRefreshMs: 1000 });
    expect((await resolve(WEB_DID)).didDocument!.assertionMethod).toEqual([OLD]);
    served = after;
    expect((await resolve(WEB_DID)).didDocument!.assertionMethod).toEqual([OLD]);
    // Within the interval a fresh request is answered from the cache: made-up kids cannot flood the issuer.
    expect((await resolve(WEB_DID, { fresh: true })).didDocument!.assertionMethod).toEqual([OLD]);
    clock += 1000;
    expect((await resolve(WEB_DID, { fresh: true })).didDocument!.assertionMethod).toEqual([OLD, NEW]);
    expect(urls).toEqual([WEB_URL, WEB_URL]);
    // forget (a keyRevoked notice): the next resolution fetches.
    resolve.forget(WEB_DID);
    await resolve(WEB_DID);
    expect(urls).toHaveLength(3);
  });
});
