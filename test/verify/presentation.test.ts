/**
 * A wallet's presentation through the one entry point (src/verify/presentation.ts, issue 12 §3):
 * a golden VP JWT signed here with a fixed Ed25519 holder key (did:jwk), time pinned, and one
 * mutated VP per defect with its exact code.
 */
import { base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import { PRESENTATION_CODES, type PresentationCode } from '../../src/codes.js';
import { resolveDidKey } from '../../src/verify/did-key.js';
import { createPermitVerifier } from '../../src/verify/verify.js';
import type { VerificationResult } from '../../src/verify/verifier-types.js';
import { b64json, ISSUER, issuerWorld, NOW, OTHER, permitPayload, sign, STRANGER, stubResolver, trustedMa } from './helpers.js';

const HOLDER_DID = `did:jwk:${b64json(STRANGER.publicJwk)}`;
const OTHER_HOLDER_DID = `did:jwk:${b64json(OTHER.publicJwk)}`;
const NONCE = 'n-0S6_WzA2Mj';
const AUDIENCE = 'origin:https://verify.example.org';
const EXPECTED = { nonce: NONCE, audience: AUDIENCE };
const IAT = Math.floor(NOW.getTime() / 1000) - 10;
/** The presentation checks of a good VP, the permit's own checks, then the holder binding. */
const PERMIT_CHECKS = ['format', 'algorithm', 'trust', 'issuer', 'signature', 'validity', 'status', 'endorsement'];
const ALL = ['presentation', 'presentation', ...PERMIT_CHECKS, 'holder'];

function setup() {
  const verifier = createPermitVerifier({
    checkPermit: false, // The permit rules are pinned in test/verify/rules.test.ts; here the presentation around them.
    resolveDid: stubResolver({ [ISSUER.didKey]: resolveDidKey(ISSUER.didKey).didDocument! }),
    trustedIssuers: [trustedMa(ISSUER.didKey)],
    fetch: issuerWorld().fetch,
  });
  return verifier;
}

const permitJwt = (subjectId?: string): Promise<string> => {
  // A copy: the helper shares its subject object between calls.
  const payload = structuredClone(permitPayload(ISSUER.didKey)) as { vc: { credentialSubject: Record<string, unknown> } };
  if (subjectId !== undefined) payload.vc.credentialSubject.id = subjectId;
  return sign(payload, ISSUER.privateJwk, { alg: 'EdDSA', typ: 'JWT', kid: ISSUER.didKeyMethod });
};

function vpPayload(vcs: string[], overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    iss: HOLDER_DID,
    aud: AUDIENCE,
    nonce: NONCE,
    iat: IAT,
    exp: IAT + 300,
    vp: { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiablePresentation'], holder: HOLDER_DID, verifiableCredential: vcs },
    ...overrides,
  };
}

const signVp = (payload: Record<string, unknown>, header: Record<string, unknown> = { alg: 'EdDSA', typ: 'JWT', kid: `${HOLDER_DID}#0` }, key = STRANGER.privateJwk) =>
  sign(payload, key, header);

function expectRefused(r: VerificationResult, check: string, code: PresentationCode): void {
  expect(r.verified).toBe(false);
  const failed = r.checks.filter((c) => !c.ok);
  expect(failed.map((c) => [c.check, c.code])).toEqual([[check, code]]);
  expect(failed[0]!.message.startsWith(PRESENTATION_CODES[code])).toBe(true);
}

describe('a presentation of a permit', () => {
  it('golden: verified, the presentation checks, the permit checks as scanned, and the holder check saying the permit binds no key', async () => {
    const r = await setup().verifyInput({ presentation: await signVp(vpPayload([await permitJwt()])), expected: EXPECTED }, { now: NOW });
    expect(r.checks.map((c) => [c.check, c.ok, c.code])).toEqual(ALL.map((c) => [c, true, 'OK']));
    expect(r.verified).toBe(true);
    expect(r.state).toBe('valid');
    expect(r.checks[0]!.message).toBe(`Signed by the wallet key ${HOLDER_DID}.`);
    expect(r.checks.at(-1)!.message).toBe(
      'The permit names its holder in box 3 or 4 and binds no wallet key: the wallet proves only that it holds this permit. Check the identity papers of the person against box 3 or 4.',
    );
  });

  it('a permit bound to the presenting key (credentialSubject.id) passes the holder check', async () => {
    const r = await setup().verifyInput({ presentation: await signVp(vpPayload([await permitJwt(HOLDER_DID)])), expected: EXPECTED }, { now: NOW });
    expect(r.verified).toBe(true);
    expect(r.checks.at(-1)).toEqual({ check: 'holder', ok: true, code: 'OK', message: `The permit is bound to ${HOLDER_DID}, the wallet key that showed it.` });
  });

  it('a did:key holder (kid only, no iss) is read too', async () => {
    const payload = vpPayload([await permitJwt()]);
    delete payload.iss;
    (payload.vp as Record<string, unknown>).holder = STRANGER.didKey;
    const r = await setup().verifyInput({ presentation: await signVp(payload, { alg: 'EdDSA', kid: STRANGER.didKeyMethod }), expected: EXPECTED }, { now: NOW });
    expect(r.checks.filter((c) => !c.ok)).toEqual([]);
    expect(r.verified).toBe(true);
  });
});

describe('one defect per mutated presentation, with its exact code', () => {
  it('wrong nonce: PRESENTATION_NONCE_MISMATCH', async () => {
    const r = await setup().verifyInput({ presentation: await signVp(vpPayload([await permitJwt()], { nonce: 'other-session' })), expected: EXPECTED }, { now: NOW });
    expectRefused(r, 'presentation', 'PRESENTATION_NONCE_MISMATCH');
  });

  it('wrong audience (another origin): PRESENTATION_AUDIENCE_MISMATCH', async () => {
    const r = await setup().verifyInput({ presentation: await signVp(vpPayload([await permitJwt()], { aud: 'origin:https://evil.example' })), expected: EXPECTED }, { now: NOW });
    expectRefused(r, 'presentation', 'PRESENTATION_AUDIENCE_MISMATCH');
  });

  it('expired (answered longer ago than a request stays answerable): PRESENTATION_NOT_CURRENT', async () => {
    const old = IAT - 3600;
    const r = await setup().verifyInput({ presentation: await signVp(vpPayload([await permitJwt()], { iat: old, exp: old + 300 })), expected: EXPECTED }, { now: NOW });
    expectRefused(r, 'presentation', 'PRESENTATION_NOT_CURRENT');
  });

  it('dated in the future (iat beyond the 60 s skew): PRESENTATION_NOT_CURRENT', async () => {
    const ahead = IAT + 10 + 120;
    const r = await setup().verifyInput({ presentation: await signVp(vpPayload([await permitJwt()], { iat: ahead, exp: ahead + 300 })), expected: EXPECTED }, { now: NOW });
    expectRefused(r, 'presentation', 'PRESENTATION_NOT_CURRENT');
  });

  it('no iat at all: PRESENTATION_NOT_CURRENT (the age of the answer is unknown)', async () => {
    const payload = vpPayload([await permitJwt()]);
    delete payload.iat;
    const r = await setup().verifyInput({ presentation: await signVp(payload), expected: EXPECTED }, { now: NOW });
    expectRefused(r, 'presentation', 'PRESENTATION_NOT_CURRENT');
  });

  it.each([
    ['a did:web holder (its key would need a fetch)', { iss: 'did:web:wallet.example' }, { alg: 'EdDSA', kid: 'did:web:wallet.example#0' }],
    ['iss and kid naming two different keys', { iss: HOLDER_DID }, { alg: 'EdDSA', kid: `${OTHER_HOLDER_DID}#0` }],
    ['no iss and no kid', { iss: undefined }, { alg: 'EdDSA' }],
    ['a did:jwk that is not an Ed25519 key', { iss: `did:jwk:${b64json({ kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' })}` }, { alg: 'EdDSA' }],
  ])('%s: PRESENTATION_HOLDER_KEY_UNKNOWN', async (_case, overrides, header) => {
    const r = await setup().verifyInput({ presentation: await signVp(vpPayload([await permitJwt()], overrides), header), expected: EXPECTED }, { now: NOW });
    expectRefused(r, 'presentation', 'PRESENTATION_HOLDER_KEY_UNKNOWN');
  });

  it('bad signature (signed by another key than the one it names): PRESENTATION_SIGNATURE_INVALID', async () => {
    const r = await setup().verifyInput({ presentation: await signVp(vpPayload([await permitJwt()]), undefined, OTHER.privateJwk), expected: EXPECTED }, { now: NOW });
    expectRefused(r, 'presentation', 'PRESENTATION_SIGNATURE_INVALID');
  });

  it('holder mismatch when the permit binds another key: PRESENTATION_HOLDER_MISMATCH, after the permit checks all passed', async () => {
    const r = await setup().verifyInput({ presentation: await signVp(vpPayload([await permitJwt(OTHER_HOLDER_DID)])), expected: EXPECTED }, { now: NOW });
    expectRefused(r, 'holder', 'PRESENTATION_HOLDER_MISMATCH');
    expect(r.checks.map((c) => c.check)).toEqual(ALL);
  });

  it.each([
    ['none', { alg: 'none', kid: `${HOLDER_DID}#0` }],
    ['ES256', { alg: 'ES256', kid: `${HOLDER_DID}#0` }],
  ])('alg %s: PRESENTATION_ALG_NOT_ALLOWED', async (_alg, header) => {
    const good = await signVp(vpPayload([await permitJwt()]));
    const [, p, s] = good.split('.');
    const vp = `${base64url.encode(JSON.stringify(header))}.${p}.${header.alg === 'none' ? '' : s}`;
    const r = await setup().verifyInput({ presentation: vp, expected: EXPECTED }, { now: NOW });
    expectRefused(r, 'presentation', 'PRESENTATION_ALG_NOT_ALLOWED');
  });

  it('two credentials: PRESENTATION_CREDENTIAL_COUNT', async () => {
    const vc = await permitJwt();
    const r = await setup().verifyInput({ presentation: await signVp(vpPayload([vc, vc])), expected: EXPECTED }, { now: NOW });
    expectRefused(r, 'presentation', 'PRESENTATION_CREDENTIAL_COUNT');
  });

  it('tampered permit inside a genuine presentation: the permit check SIGNATURE_INVALID, as if scanned', async () => {
    const [h, p, s] = (await permitJwt()).split('.');
    const payload = JSON.parse(new TextDecoder().decode(base64url.decode(p!)));
    payload.vc.credentialSubject.permitNumber = '26LK999999';
    const tampered = `${h}.${b64json(payload)}.${s}`;
    const r = await setup().verifyInput({ presentation: await signVp(vpPayload([tampered])), expected: EXPECTED }, { now: NOW });
    expect(r.verified).toBe(false);
    expect(r.checks.filter((c) => !c.ok).map((c) => [c.check, c.code])).toEqual([['signature', 'SIGNATURE_INVALID']]);
    expect(r.checks.some((c) => c.check === 'holder')).toBe(false);
  });

  it('not a JWS at all: PRESENTATION_MALFORMED, never a throw', async () => {
    const r = await setup().verifyInput({ presentation: 'not.a-vp', expected: EXPECTED }, { now: NOW });
    expectRefused(r, 'presentation', 'PRESENTATION_MALFORMED');
  });
});
