import { SignJWT, base64url, exportJWK, generateKeyPair, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { VERIFY_CODES, type RuleIssue, type VerifyCode } from '../../src/codes.js';
import { createDidResolver } from '../../src/verify/resolver.js';
import { createPermitVerifier, DEFAULT_CLOCK_TOLERANCE_SEC } from '../../src/verify/verify.js';
import type { PermitVerifierOptions, VerificationResult } from '../../src/verify/verifier-types.js';
import {
  b64json, EXP, ISSUER, issuerWorld, listUrl, NBF, NOW, OTHER, PERMIT, permitAsVerified, permitPayload, SUBJECT, recordUrl, sign, stubFetch, stubResolver, trustedMa, WEB_DID, WEB_URL, webDocument,
} from './helpers.js';
import { encodeDidKey, resolveDidKey } from '../../src/verify/did-key.js';

/** Steps 1–6, then (with no checkPermit) the status lists and the public record. */
const SIGNED = ['format', 'algorithm', 'trust', 'issuer', 'signature', 'validity'];
const LIFECYCLE = ['status', 'endorsement'];
const ALL = [...SIGNED, ...LIFECYCLE];

/**
 * A verifier trusting ISSUER's did:key and the did:web, with a stub resolver that records
 * calls and the stub issuer world (status lists all clear, records unendorsed) as its fetch.
 */
function setup(extra: Partial<PermitVerifierOptions> = {}) {
  const resolveDid = stubResolver({
    [ISSUER.didKey]: resolveDidKey(ISSUER.didKey).didDocument!,
    [WEB_DID]: webDocument(WEB_DID, ISSUER.publicJwk),
  });
  const world = issuerWorld();
  const verifier = createPermitVerifier({
    checkPermit: false, // These tests are about other steps; the rules are on by default (test/verify/rules.test.ts).
    resolveDid,
    trustedIssuers: [
      trustedMa(ISSUER.didKey),
      trustedMa(WEB_DID),
      { did: OTHER.didKey, role: 'customs', country: 'CH', name: 'Swiss Customs' },
    ],
    fetch: world.fetch,
    ...extra,
  });
  return { verifier, resolveDid, world };
}

/** The first failing check (the one an early failure stops at). */
const firstFailure = (r: VerificationResult) => r.checks.find((c) => !c.ok)!;

/** Asserts the run stopped (or ended) with exactly this failing check and code. */
function expectFailure(result: VerificationResult, check: string, code: VerifyCode): void {
  expect(result.verified).toBe(false);
  const failed = result.checks.filter((c) => !c.ok);
  expect(failed.map((c) => [c.check, c.code])).toEqual([[check, code]]);
  expect(failed[0]!.message.startsWith(VERIFY_CODES[code])).toBe(true);
}

function tamperPayload(jwt: string, edit: (payload: Record<string, unknown>) => void): string {
  const [h, p, s] = jwt.split('.');
  const payload = JSON.parse(new TextDecoder().decode(base64url.decode(p!)));
  edit(payload);
  return `${h}.${b64json(payload)}.${s}`;
}

describe('a valid permit', () => {
  it('verifies with every check OK (did:key)', async () => {
    const { verifier } = setup();
    const r = await verifier.verify(await sign(permitPayload(ISSUER.didKey)), { now: NOW });
    expect(r.verified).toBe(true);
    expect(r.checks.map((c) => [c.check, c.ok, c.code])).toEqual(ALL.map((c) => [c, true, 'OK']));
    expect(r.state).toBe('valid');
    expect(r.permit).toEqual(PERMIT);
    expect(r.issuer).toEqual(trustedMa(ISSUER.didKey));
    expect(r.credential).toEqual({
      id: 'urn:uuid:6f1c2a8e-2d1b-4c1e-9f0a-1b2c3d4e5f60',
      issuer: ISSUER.didKey,
      types: ['VerifiableCredential', 'CITESPermit'],
      issuedAt: '2026-02-15T09:30:00.000Z',
      validFrom: '2026-02-15T09:30:00.000Z',
      validUntil: '2026-08-14T23:59:59.000Z',
    });
    expect(r.checks.find((c) => c.check === 'signature')!.message).toBe(
      `Signed by ${ISSUER.didKey} (Department of Wildlife Conservation, LK).`,
    );
  });

  it('verifies a did:web permit end to end through the caching resolver, with no I/O when warm', async () => {
    const fetch = stubFetch({ [WEB_URL]: webDocument(WEB_DID, ISSUER.publicJwk) });
    const world = issuerWorld();
    const verifier = createPermitVerifier({ checkPermit: false, resolveDid: createDidResolver({ fetch, now: () => 0 }), trustedIssuers: [trustedMa(WEB_DID)], fetch: world.fetch });
    const jwt = await sign(permitPayload(WEB_DID));
    expect((await verifier.verify(jwt, { now: NOW })).verified).toBe(true);
    expect((await verifier.verify(jwt, { now: NOW })).verified).toBe(true);
    // The DID document is fetched once, although the status lists are signed by the same DID.
    expect(fetch.calls).toEqual([WEB_URL]);
    // The status lists are cached too; the public record is read on every verification.
    expect(world.count(listUrl(WEB_DID, 'revocation'))).toBe(1);
    expect(world.count(listUrl(WEB_DID, 'suspension'))).toBe(1);
    expect(world.count(recordUrl(WEB_DID))).toBe(2);
  });

  it('runs the permit check when given and reports warnings', async () => {
    const warning: RuleIssue = { code: 'TERM_UNIT_UNUSUAL', path: '/specimens/0/unit', message: 'unusual' };
    let seen: unknown;
    const { verifier } = setup({
      checkPermit: (subject, ctx) => {
        seen = [subject, ctx.issuer.did];
        return { errors: [], warnings: [warning] };
      },
    });
    const r = await verifier.verify(await sign(permitPayload(WEB_DID)), { now: NOW });
    expect(r.verified).toBe(true);
    expect(r.checks.map((c) => [c.check, c.code])).toEqual([...SIGNED, 'permit', ...LIFECYCLE].map((c) => [c, 'OK']));
    expect(r.ruleErrors).toEqual([]);
    expect(r.ruleWarnings).toEqual([warning]);
    expect(seen).toEqual([SUBJECT, WEB_DID]);
    expect(r.checks.find((c) => c.check === 'permit')!.message).toBe('The permit follows the CITES permit rules (1 warning).');
  });

  it.each([['#key-1'], [`${WEB_DID}#key-1`]])('verifies with kid %s', async (kid) => {
    const { verifier } = setup();
    const jwt = await sign(permitPayload(WEB_DID), ISSUER.privateJwk, { alg: 'EdDSA', typ: 'JWT', kid });
    expect((await verifier.verify(jwt, { now: NOW })).verified).toBe(true);
  });

  it('tolerates surrounding whitespace from pasting', async () => {
    const { verifier } = setup();
    expect((await verifier.verify(`  ${await sign(permitPayload(ISSUER.didKey))}\n`, { now: NOW })).verified).toBe(true);
  });
});

describe('format', () => {
  it.each([
    ['garbage text', 'hello, customs'],
    ['a two-part string', `${b64json({ alg: 'EdDSA' })}.${b64json({ iss: 'x' })}`],
    ['an empty string', ''],
  ])('%s → MALFORMED', async (_name, input) => {
    const { verifier, resolveDid } = setup();
    const r = await verifier.verify(input, { now: NOW });
    expectFailure(r, 'format', 'MALFORMED');
    expect(r.checks).toHaveLength(1);
    expect(resolveDid.calls).toEqual([]);
  });

  it('a non-string input → MALFORMED, without throwing', async () => {
    const { verifier } = setup();
    expectFailure(await verifier.verify(null as never, { now: NOW }), 'format', 'MALFORMED');
  });

  it('a kid that is not text → MALFORMED', async () => {
    const { verifier } = setup();
    const jwt = await sign(permitPayload(ISSUER.didKey), ISSUER.privateJwk, { alg: 'EdDSA', kid: 7 });
    expectFailure(await verifier.verify(jwt, { now: NOW }), 'format', 'MALFORMED');
  });

  it.each([
    ['a JWT that is not a VC', { sub: 'someone', iss: ISSUER.didKey, exp: EXP }],
    ['a VC whose type lacks CITESPermit', { ...permitPayload(ISSUER.didKey), vc: { ...(permitPayload('').vc as object), type: ['VerifiableCredential'] } }],
    ['a VC 2.0 context', { ...permitPayload(ISSUER.didKey), vc: { ...(permitPayload('').vc as object), '@context': ['https://www.w3.org/ns/credentials/v2'] } }],
    ['several subjects', { ...permitPayload(ISSUER.didKey), vc: { ...(permitPayload('').vc as object), credentialSubject: [SUBJECT, SUBJECT] } }],
    ['no iss', { ...permitPayload(ISSUER.didKey), iss: undefined }],
    ['a vc.issuer that differs from iss', { ...permitPayload(ISSUER.didKey), vc: { ...(permitPayload('').vc as object), issuer: WEB_DID } }],
    ['an exp that is text', { ...permitPayload(ISSUER.didKey), exp: '2026-08-15' }],
    ['an exp in milliseconds', { ...permitPayload(ISSUER.didKey), exp: EXP * 1000 }],
  ])('%s → NOT_A_PERMIT', async (_name, payload) => {
    const { verifier, resolveDid } = setup();
    expectFailure(await verifier.verify(await sign(payload), { now: NOW }), 'format', 'NOT_A_PERMIT');
    expect(resolveDid.calls).toEqual([]);
  });
});

describe('algorithm', () => {
  it('alg none (unsigned) → ALG_NOT_ALLOWED, even when listed', async () => {
    const { verifier, resolveDid } = setup({ algorithms: ['EdDSA', 'none'] });
    const unsigned = `${b64json({ alg: 'none', typ: 'JWT' })}.${b64json(permitPayload(ISSUER.didKey))}.`;
    const r = await verifier.verify(unsigned, { now: NOW });
    expectFailure(r, 'algorithm', 'ALG_NOT_ALLOWED');
    expect(r.permit).toBeUndefined();
    expect(resolveDid.calls).toEqual([]);
  });

  it('HS256 → ALG_NOT_ALLOWED, even when listed', async () => {
    const { verifier, resolveDid } = setup({ algorithms: ['EdDSA', 'HS256'] });
    const jwt = await new SignJWT(permitPayload(ISSUER.didKey)).setProtectedHeader({ alg: 'HS256' }).sign(new Uint8Array(32).fill(1));
    expectFailure(await verifier.verify(jwt, { now: NOW }), 'algorithm', 'ALG_NOT_ALLOWED');
    expect(resolveDid.calls).toEqual([]);
  });

  it('an algorithm outside the allow-list (ES256) → ALG_NOT_ALLOWED', async () => {
    const { verifier } = setup();
    const forged = `${b64json({ alg: 'ES256' })}.${b64json(permitPayload(ISSUER.didKey))}.${'A'.repeat(86)}`;
    expectFailure(await verifier.verify(forged, { now: NOW }), 'algorithm', 'ALG_NOT_ALLOWED');
  });

  it('a crit header → ALG_NOT_ALLOWED', async () => {
    const { verifier } = setup();
    // jose refuses to sign an unknown crit extension, so sign the input by hand.
    const input = `${b64json({ alg: 'EdDSA', crit: ['urn:example:ext'], 'urn:example:ext': 1 })}.${b64json(permitPayload(ISSUER.didKey))}`;
    const key = await importJWK(ISSUER.privateJwk, 'EdDSA');
    const sig = new Uint8Array(await crypto.subtle.sign('Ed25519', key as CryptoKey, new TextEncoder().encode(input)));
    const jwt = `${input}.${base64url.encode(sig)}`;
    expectFailure(await verifier.verify(jwt, { now: NOW }), 'algorithm', 'ALG_NOT_ALLOWED');
  });
});

describe('trust', () => {
  it('a permit signed by an unknown did:key → ISSUER_UNTRUSTED, and its DID is never resolved', async () => {
    const { verifier, resolveDid } = setup();
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const stranger = encodeDidKey(base64url.decode((await exportJWK(publicKey)).x!));
    const r = await verifier.verify(await sign(permitPayload(stranger), await exportJWK(privateKey)), { now: NOW });
    expectFailure(r, 'trust', 'ISSUER_UNTRUSTED');
    expect(r.checks.at(-1)!.message).toBe(`${VERIFY_CODES.ISSUER_UNTRUSTED} ${stranger} is not on the list.`);
    expect(resolveDid.calls).toEqual([]);
  });

  it('an untrusted did:web is never fetched, nor its status lists or record', async () => {
    const fetch = stubFetch({});
    const verifier = createPermitVerifier({ checkPermit: false, resolveDid: createDidResolver({ fetch }), trustedIssuers: [trustedMa(WEB_DID)], fetch });
    const r = await verifier.verify(await sign(permitPayload('did:web:169.254.169.254')), { now: NOW });
    expectFailure(r, 'trust', 'ISSUER_UNTRUSTED');
    expect(fetch.calls).toEqual([]);
  });

  it('a customs-role DID issuing a permit → ISSUER_UNTRUSTED', async () => {
    const { verifier, resolveDid } = setup();
    const r = await verifier.verify(await sign(permitPayload(OTHER.didKey), OTHER.privateJwk), { now: NOW });
    expectFailure(r, 'trust', 'ISSUER_UNTRUSTED');
    expect(r.checks.at(-1)!.message).toContain('customs');
    expect(r.issuer).toBeUndefined();
    expect(resolveDid.calls).toEqual([]);
  });
});

describe('issuer', () => {
  const jwt = () => sign(permitPayload(WEB_DID));

  it.each([
    ['the fetch fails', () => Promise.reject(new TypeError('fetch failed'))],
    ['the document is not found', () => new Response('', { status: 404 })],
    ['the document id does not match', () => Response.json(webDocument('did:web:evil.example', ISSUER.publicJwk))],
    ['the document has no assertion keys', () => Response.json(webDocument(WEB_DID, ISSUER.publicJwk, { assertionMethod: [] }))],
  ])('a trusted did:web where %s → ISSUER_UNRESOLVABLE', async (_name, route) => {
    const verifier = createPermitVerifier({
    checkPermit: false, // These tests are about other steps; the rules are on by default (test/verify/rules.test.ts).
      resolveDid: createDidResolver({ fetch: stubFetch({ [WEB_URL]: route }) }),
      trustedIssuers: [trustedMa(WEB_DID)],
    });
    expectFailure(await verifier.verify(await jwt(), { now: NOW }), 'issuer', 'ISSUER_UNRESOLVABLE');
  });

  it('a resolveDid that throws or returns nonsense → ISSUER_UNRESOLVABLE', async () => {
    for (const resolveDid of [() => Promise.reject(new Error('boom')), () => Promise.resolve(undefined as never)]) {
      const verifier = createPermitVerifier({ checkPermit: false, resolveDid, trustedIssuers: [trustedMa(WEB_DID)] });
      expectFailure(await verifier.verify(await jwt(), { now: NOW }), 'issuer', 'ISSUER_UNRESOLVABLE');
    }
  });
});

describe('signature', () => {
  it('a byte changed in the payload → SIGNATURE_INVALID, and no permit is returned', async () => {
    const { verifier } = setup();
    const jwt = tamperPayload(await sign(permitPayload(WEB_DID)), (p) => {
      ((p.vc as { credentialSubject: { specimens: { quantity: number }[] } }).credentialSubject.specimens[0]!).quantity = 400;
    });
    const r = await verifier.verify(jwt, { now: NOW });
    expectFailure(r, 'signature', 'SIGNATURE_INVALID');
    expect(r.permit).toBeUndefined();
    expect(r.credential).toBeUndefined();
  });

  it('a permit naming a trusted issuer but signed with another key → SIGNATURE_INVALID', async () => {
    const { verifier } = setup();
    const r = await verifier.verify(await sign(permitPayload(WEB_DID), OTHER.privateJwk), { now: NOW });
    expectFailure(r, 'signature', 'SIGNATURE_INVALID');
  });

  it('a signature byte changed → SIGNATURE_INVALID', async () => {
    const { verifier } = setup();
    const jwt = await sign(permitPayload(WEB_DID));
    const flipped = jwt.slice(0, -2) + (jwt.at(-2) === 'A' ? 'B' : 'A') + jwt.at(-1);
    expectFailure(await verifier.verify(flipped, { now: NOW }), 'signature', 'SIGNATURE_INVALID');
  });
});

describe('validity', () => {
  const tol = DEFAULT_CLOCK_TOLERANCE_SEC;
  const at = (sec: number) => ({ now: new Date(sec * 1000) });

  it('states the default tolerance once: 60 s', () => expect(tol).toBe(60));

  it('after exp + tolerance → EXPIRED; exactly at the edge still OK', async () => {
    const { verifier } = setup();
    const jwt = await sign(permitPayload(WEB_DID));
    expect((await verifier.verify(jwt, at(EXP + tol))).verified).toBe(true);
    const r = await verifier.verify(jwt, at(EXP + tol + 1));
    expectFailure(r, 'validity', 'EXPIRED');
    expect(firstFailure(r).message).toBe(`${VERIFY_CODES.EXPIRED} It expired on 2026-08-14T23:59:59.000Z.`);
    expect(r.checks.map((c) => c.check)).toEqual(ALL);
    expect(r.permit).toEqual(permitAsVerified(WEB_DID));
    // Box 2 is the UTC day of `exp`; box 13's date is `nbf`; box 6 is the trusted issuer.
    expect([r.permit!.validUntil, r.permit!.issued.date, r.permit!.managementAuthority]).toEqual([
      '2026-08-14',
      '2026-02-15T09:30:00.000Z',
      { did: WEB_DID, name: 'Department of Wildlife Conservation', country: 'LK' },
    ]);
  });

  it('before nbf − tolerance → NOT_YET_VALID; exactly at the edge still OK', async () => {
    const { verifier } = setup();
    const jwt = await sign(permitPayload(WEB_DID));
    expect((await verifier.verify(jwt, at(NBF - tol))).verified).toBe(true);
    expectFailure(await verifier.verify(jwt, at(NBF - tol - 1)), 'validity', 'NOT_YET_VALID');
  });

  it('honours a configured tolerance of 0', async () => {
    const { verifier } = setup({ clockToleranceSec: 0 });
    const jwt = await sign(permitPayload(WEB_DID));
    expectFailure(await verifier.verify(jwt, at(EXP + 1)), 'validity', 'EXPIRED');
  });

  it('no exp → NO_EXPIRY', async () => {
    const { verifier } = setup();
    const r = await verifier.verify(await sign({ ...permitPayload(WEB_DID), exp: undefined }), { now: NOW });
    expectFailure(r, 'validity', 'NO_EXPIRY');
  });
});

describe('permit', () => {
  const error: RuleIssue = { code: 'QUANTITY_NOT_POSITIVE', path: '/specimens/0/quantity', message: 'The quantity must be greater than zero.' };

  it('checkPermit returning an error → PERMIT_INVALID with ruleErrors', async () => {
    const { verifier } = setup({ checkPermit: () => ({ errors: [error], warnings: [] }) });
    const r = await verifier.verify(await sign(permitPayload(WEB_DID)), { now: NOW });
    expectFailure(r, 'permit', 'PERMIT_INVALID');
    expect(r.ruleErrors).toEqual([error]);
    expect(r.ruleWarnings).toEqual([]);
    expect(firstFailure(r).message).toBe(`${VERIFY_CODES.PERMIT_INVALID} 1 rule broken.`);
    // The status is still checked; the endorsement check, which reads the blocks, is not run.
    expect(r.checks.map((c) => c.check)).toEqual([...SIGNED, 'permit', 'status']);
  });

  it('an expired permit that also breaks the rules reports both', async () => {
    const { verifier } = setup({ checkPermit: () => ({ errors: [error, error], warnings: [] }) });
    const r = await verifier.verify(await sign(permitPayload(WEB_DID)), { now: new Date((EXP + 3600) * 1000) });
    expect(r.checks.filter((c) => !c.ok).map((c) => c.code)).toEqual(['EXPIRED', 'PERMIT_INVALID']);
    expect(r.checks.find((c) => c.check === 'permit')!.message).toContain('2 rules broken');
  });
});

describe('programmer mistakes', () => {
  it('throws TypeError for missing options', () => {
    expect(() => createPermitVerifier(undefined as never)).toThrow(TypeError);
    expect(() => createPermitVerifier({ trustedIssuers: [] } as never)).toThrow(TypeError);
    expect(() => createPermitVerifier({ resolveDid: stubResolver({}) } as never)).toThrow(TypeError);
    expect(() => createPermitVerifier({ resolveDid: stubResolver({}), trustedIssuers: [{ did: 'x' }] } as never)).toThrow(TypeError);
    expect(() => createPermitVerifier({ resolveDid: stubResolver({}), trustedIssuers: [], algorithms: ['none', 'HS256'] })).toThrow(TypeError);
    expect(() => createPermitVerifier({ checkPermit: false, resolveDid: stubResolver({}), trustedIssuers: [], clockToleranceSec: -1 })).toThrow(TypeError);
  });

  it('rejects with TypeError when no time is passed', async () => {
    const { verifier } = setup();
    await expect(verifier.verify('x', undefined as never)).rejects.toThrow(TypeError);
    await expect(verifier.verify('x', { now: new Date('nope') })).rejects.toThrow(TypeError);
  });
});

describe('never throws for bad input', () => {
  it('returns a result for many mutated tokens', async () => {
    const { verifier } = setup();
    const jwt = await sign(permitPayload(WEB_DID));
    const inputs = [jwt.replace('.', '..'), jwt + '.', jwt.toUpperCase(), '...', '.'.repeat(5), jwt.split('.').reverse().join('.')];
    for (let i = 0; i < jwt.length; i += 37) inputs.push(jwt.slice(0, i) + '*' + jwt.slice(i + 1));
    for (const input of inputs) {
      const r = await verifier.verify(input, { now: NOW });
      expect(r.verified).toBe(false);
      expect(r.checks.at(-1)!.ok).toBe(false);
    }
  });
});
