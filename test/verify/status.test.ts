/**
 * Step 8, the status: W3C Bitstring Status List v1.0 lists fetched from the issuing
 * authority, verified as VC-JWTs signed by the permit's own issuer, then one bit read.
 * One mutated fixture per defect; every verdict is pinned to an exact code, and a status
 * that could not be checked never gives `verified: true`.
 */
import { base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import { VERIFY_CODES, type VerifyCode } from '../../src/codes.js';
import { encodeBitstring, setBit } from '../../src/vocab/bitstring.js';
import { createDidResolver } from '../../src/verify/resolver.js';
import { createPermitVerifier } from '../../src/verify/verify.js';
import type { PermitVerifierOptions, VerificationResult } from '../../src/verify/verifier-types.js';
import {
  b64json, ISSUER, issuerWorld, listUrl, NOW, OTHER, permitPayload, recordUrl, REVOCATION_INDEX, sign, statusEntry, statusListPayload,
  SUSPENSION_INDEX, trustedMa,
} from './helpers.js';

const IS = ISSUER.didKey;
const REV = listUrl(IS, 'revocation');
const SUS = listUrl(IS, 'suspension');
const NOW_SEC = NOW.getTime() / 1000;

/** A verifier trusting the permit's issuer, and OTHER as the Management Authority of another country. */
function setup(extra: Partial<PermitVerifierOptions> = {}) {
  const world = issuerWorld();
  const verifier = createPermitVerifier({
    checkPermit: false, // These tests are about other steps; the rules are on by default (test/verify/rules.test.ts).
    resolveDid: createDidResolver({ methods: ['key'] }),
    trustedIssuers: [trustedMa(IS), trustedMa(OTHER.didKey, 'Federal Food Safety and Veterinary Office', 'CH')],
    fetch: world.fetch,
    ...extra,
  });
  return { world, verifier, verify: async (jwt: string) => verifier.verify(jwt, { now: NOW }) };
}

type Payload = Record<string, unknown> & { vc: Record<string, unknown> & { credentialStatus?: Record<string, unknown>[] | Record<string, unknown> } };

/** The test permit of ISSUER's did:key, optionally mutated before signing. */
function permit(edit: (payload: Payload) => void = () => {}): Promise<string> {
  const payload = permitPayload(IS) as Payload;
  edit(payload);
  return sign(payload);
}

const statusOf = (r: VerificationResult) => r.checks.find((c) => c.check === 'status')!;

/** The status check, and only it, failed with `code`; the permit is not verified. */
function expectStatus(r: VerificationResult, code: VerifyCode): void {
  expect(r.verified).toBe(false);
  expect(r.checks.filter((c) => !c.ok).map((c) => [c.check, c.code])).toEqual([['status', code]]);
  expect(statusOf(r).message.startsWith(VERIFY_CODES[code])).toBe(true);
}

/** A status that could not be read: no status info, state unknown. */
function expectUnchecked(r: VerificationResult, code: 'STATUS_UNAVAILABLE' | 'STATUS_INVALID'): void {
  expectStatus(r, code);
  expect(r.status).toBeUndefined();
  expect(r.state).toBe('unknown');
}

/** A list credential signed with `key` (ISSUER's by default). */
const list = (a: Parameters<typeof statusListPayload>[0], key = ISSUER.privateJwk, extra: Record<string, unknown> = {}) =>
  sign({ ...statusListPayload(a), ...extra }, key);

describe('a permit whose status bits are clear', () => {
  it('→ status OK, state valid, verified', async () => {
    const { verify, world } = setup();
    const r = await verify(await permit());
    expect(r.verified).toBe(true);
    expect(statusOf(r)).toMatchObject({ ok: true, code: 'OK' });
    expect(r.checks.map((c) => c.check)).toEqual(['format', 'algorithm', 'trust', 'issuer', 'signature', 'validity', 'status', 'endorsement']);
    expect(r.state).toBe('valid');
    expect(r.status).toEqual({ revoked: false, suspended: false, checkedAt: expect.any(String) });
    expect(Number.isNaN(Date.parse(r.status!.checkedAt))).toBe(false);
    expect([...world.fetch.calls].sort()).toEqual([recordUrl(IS), REV, SUS].sort());
  });

  it('reads its own bit only: the neighbours and the mirrored bit in the same byte (LSB-first order) are set', async () => {
    const { verify, world } = setup();
    for (const i of [REVOCATION_INDEX - 1, REVOCATION_INDEX + 1, REVOCATION_INDEX ^ 7]) setBit(world.bits(IS, 'revocation'), i, true);
    for (const i of [SUSPENSION_INDEX - 1, SUSPENSION_INDEX + 1, SUSPENSION_INDEX ^ 7]) setBit(world.bits(IS, 'suspension'), i, true);
    const r = await verify(await permit());
    expect(r.verified).toBe(true);
    expect(r.status).toMatchObject({ revoked: false, suspended: false });
  });

  it('accepts a single status entry object (not an array) naming the revocation list', async () => {
    const { verify } = setup();
    const r = await verify(await permit((p) => void (p.vc.credentialStatus = statusEntry(REV, 'revocation', REVOCATION_INDEX))));
    expect(r.verified).toBe(true);
    expect(r.state).toBe('valid');
  });

  it('the list may be on a loopback http address', async () => {
    const { verify, world } = setup();
    const local = 'http://127.0.0.1:8080/status/revocation/1';
    world.serve(local, await list({ iss: IS, url: local, purpose: 'revocation' }));
    const r = await verify(await permit((p) => void ((p.vc.credentialStatus as Record<string, unknown>[])[0] = statusEntry(local, 'revocation', REVOCATION_INDEX))));
    expect(r.verified).toBe(true);
    expect(world.count(local)).toBe(1);
  });
});

describe('the credential only (lifecycle: false)', () => {
  it('reads neither status list nor record, and says so: a failed status check STATUS_NOT_CHECKED, state unknown', async () => {
    const { verifier, world } = setup();
    world.revoke(IS, 'stolen');
    const r = await verifier.verify(await permit(), { now: NOW, lifecycle: false });
    expect(r.checks.map((c) => [c.check, c.code])).toEqual([
      ['format', 'OK'], ['algorithm', 'OK'], ['trust', 'OK'], ['issuer', 'OK'], ['signature', 'OK'], ['validity', 'OK'], ['status', 'STATUS_NOT_CHECKED'],
    ]);
    expect(statusOf(r).message).toBe(VERIFY_CODES.STATUS_NOT_CHECKED);
    expect(r.verified).toBe(false);
    expect(r.state).toBe('unknown');
    expect(r.status).toBeUndefined();
    expect([...world.fetch.calls]).toEqual([]);
  });

  it('still refuses a forged signature', async () => {
    const { verifier } = setup();
    const jwt = await permit();
    const forged = `${jwt.slice(0, -4)}${jwt.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    const r = await verifier.verify(forged, { now: NOW, lifecycle: false });
    expect(r.checks.find((c) => c.check === 'signature')).toMatchObject({ ok: false, code: 'SIGNATURE_INVALID' });
    expect(r.verified).toBe(false);
  });
});

describe('revoked and suspended', () => {
  it('the revocation bit set → REVOKED, state revoked, with the reason from the public record', async () => {
    const { verify, world } = setup();
    world.revoke(IS, 'stolen');
    const r = await verify(await permit());
    expectStatus(r, 'REVOKED');
    expect(statusOf(r).message).toBe(`${VERIFY_CODES.REVOKED} Reason: stolen.`);
    expect(r.state).toBe('revoked');
    expect(r.status).toEqual({ revoked: true, suspended: false, reason: 'stolen', checkedAt: expect.any(String) });
  });

  it('a revoked and replaced permit names its replacement', async () => {
    const { verify, world } = setup();
    world.revoke(IS, 'replaced', 'LK-2026-EX-000124');
    const r = await verify(await permit());
    expectStatus(r, 'REVOKED');
    expect(statusOf(r).message).toBe(`${VERIFY_CODES.REVOKED} Reason: replaced. It was replaced by permit LK-2026-EX-000124.`);
    expect(r.status).toMatchObject({ revoked: true, reason: 'replaced', replacedBy: 'LK-2026-EX-000124' });
  });

  it('the suspension bit set → SUSPENDED, state suspended', async () => {
    const { verify, world } = setup();
    world.suspend(IS);
    const r = await verify(await permit());
    expectStatus(r, 'SUSPENDED');
    expect(r.state).toBe('suspended');
    expect(r.status).toEqual({ revoked: false, suspended: true, checkedAt: expect.any(String) });
  });

  it('revoked and suspended → REVOKED (revocation outranks suspension)', async () => {
    const { verify, world } = setup();
    world.suspend(IS);
    world.revoke(IS);
    const r = await verify(await permit());
    expectStatus(r, 'REVOKED');
    expect(r.state).toBe('revoked');
    expect(r.status).toMatchObject({ revoked: true, suspended: true });
  });
});

describe('STATUS_UNAVAILABLE: the status could not be checked', () => {
  it('the revocation list returns 404', async () => {
    const { verify, world } = setup();
    world.serve(REV, () => new Response('gone', { status: 404 }));
    expectUnchecked(await verify(await permit()), 'STATUS_UNAVAILABLE');
  });

  it('fetching the suspension list throws', async () => {
    const { verify, world } = setup();
    world.serve(SUS, () => {
      throw new TypeError('fetch failed');
    });
    const r = await verify(await permit());
    expectUnchecked(r, 'STATUS_UNAVAILABLE');
    expect(statusOf(r).message).toContain('fetch failed');
  });

  it('the verifier has no fetch (offline): neither status nor record can be read', async () => {
    const { verifier } = setup({ fetch: undefined });
    const r = await verifier.verify(await permit(), { now: NOW });
    expect(r.verified).toBe(false);
    expect(r.checks.filter((c) => !c.ok).map((c) => [c.check, c.code])).toEqual([
      ['status', 'STATUS_UNAVAILABLE'],
      ['endorsement', 'RECORD_UNAVAILABLE'],
    ]);
    expect(r.state).toBe('unknown');
    expect(r.status).toBeUndefined();
  });

  it('the permit names no status list at all; nothing is fetched for the status', async () => {
    const { verify, world } = setup();
    const r = await verify(await permit((p) => delete p.vc.credentialStatus));
    expectUnchecked(r, 'STATUS_UNAVAILABLE');
    expect(world.fetch.calls).toEqual([recordUrl(IS)]);
  });

  it('the permit names a suspension list but no revocation list', async () => {
    const { verify } = setup();
    const r = await verify(await permit((p) => void (p.vc.credentialStatus = [statusEntry(SUS, 'suspension', SUSPENSION_INDEX)])));
    expectUnchecked(r, 'STATUS_UNAVAILABLE');
  });

  it('the list has expired (exp passed)', async () => {
    const { verify, world } = setup();
    world.serve(REV, await list({ iss: IS, url: REV, purpose: 'revocation' }, ISSUER.privateJwk, { exp: NOW_SEC - 3600 }));
    expectUnchecked(await verify(await permit()), 'STATUS_UNAVAILABLE');
  });

  it('an http list URL that is not loopback is never fetched', async () => {
    const { verify, world } = setup();
    const plain = REV.replace('https://', 'http://');
    const r = await verify(await permit((p) => void ((p.vc.credentialStatus as Record<string, unknown>[])[0] = statusEntry(plain, 'revocation', REVOCATION_INDEX))));
    expectUnchecked(r, 'STATUS_UNAVAILABLE');
    expect(world.fetch.calls.filter((u) => !u.startsWith('https://'))).toEqual([]);
    expect(world.count(plain)).toBe(0);
  });
});

describe('STATUS_INVALID: the list is not genuine or does not fit the permit', () => {
  it('a list signed by another DID — even a trusted Management Authority of another country', async () => {
    const { verify, world } = setup();
    world.serve(REV, await list({ iss: OTHER.didKey, url: REV, purpose: 'revocation' }, OTHER.privateJwk));
    const r = await verify(await permit());
    expectUnchecked(r, 'STATUS_INVALID');
    expect(statusOf(r).message).toContain(OTHER.didKey);
  });

  it("a list naming the permit's issuer but signed with another key (OTHER)", async () => {
    const { verify, world } = setup();
    world.serve(REV, await list({ iss: IS, url: REV, purpose: 'revocation' }, OTHER.privateJwk));
    const r = await verify(await permit());
    expectUnchecked(r, 'STATUS_INVALID');
    expect(statusOf(r).message).toContain('SIGNATURE_INVALID');
  });

  it('a genuine suspension list served at the revocation URL (purpose mismatch)', async () => {
    const { verify, world } = setup();
    world.serve(REV, await list({ iss: IS, url: REV, purpose: 'suspension' }));
    const r = await verify(await permit());
    expectUnchecked(r, 'STATUS_INVALID');
    expect(statusOf(r).message).toContain('not a revocation list');
  });

  it('a genuine list of another URL served at the revocation URL (jti differs)', async () => {
    const { verify, world } = setup();
    world.serve(REV, await list({ iss: IS, url: listUrl(IS, 'revocation', 2), purpose: 'revocation' }));
    expectUnchecked(await verify(await permit()), 'STATUS_INVALID');
  });

  it('a tampered list: the revocation bit cleared in a signed list of a revoked permit', async () => {
    const { verify, world } = setup();
    world.revoke(IS);
    const genuine = await list({ iss: IS, url: REV, purpose: 'revocation', bits: world.bits(IS, 'revocation') });
    const [h, , s] = genuine.split('.');
    world.serve(REV, `${h}.${b64json(statusListPayload({ iss: IS, url: REV, purpose: 'revocation' }))}.${s}`);
    const r = await verify(await permit());
    expectUnchecked(r, 'STATUS_INVALID');
    expect(statusOf(r).message).toContain('SIGNATURE_INVALID');
  });

  it('a list shorter than 131,072 entries (131,064)', async () => {
    const { verify, world } = setup();
    world.serve(REV, await list({ iss: IS, url: REV, purpose: 'revocation', encodedList: encodeBitstring(new Uint8Array(131_064 / 8)) }));
    const r = await verify(await permit());
    expectUnchecked(r, 'STATUS_INVALID');
    expect(statusOf(r).message).toContain('131064 entries');
  });

  it('an encodedList that is not GZIP data', async () => {
    const { verify, world } = setup();
    world.serve(REV, await list({ iss: IS, url: REV, purpose: 'revocation', encodedList: `u${base64url.encode(new Uint8Array(40).fill(7))}` }));
    expectUnchecked(await verify(await permit()), 'STATUS_INVALID');
  });

  it('a permit index outside the list (131072); the last index (131071) is inside', async () => {
    const { verify } = setup();
    const at = (index: number) => permit((p) => void ((p.vc.credentialStatus as Record<string, unknown>[])[0] = statusEntry(REV, 'revocation', index)));
    const r = await verify(await at(131_072));
    expectUnchecked(r, 'STATUS_INVALID');
    expect(statusOf(r).message).toContain('Index 131072');
    expect((await verify(await at(131_071))).verified).toBe(true);
  });
});

describe('the list cache (per issuer, purpose and URL)', () => {
  it('two verifications within the TTL fetch each list once', async () => {
    const { verify, world } = setup();
    const jwt = await permit();
    expect((await verify(jwt)).verified).toBe(true);
    expect((await verify(jwt)).verified).toBe(true);
    expect([world.count(REV), world.count(SUS)]).toEqual([1, 1]);
    expect(world.count(recordUrl(IS))).toBe(2);
  });

  it('within the TTL a revocation is not seen yet; with a TTL of 0 the lists are fetched again and it is', async () => {
    const cached = setup();
    const fresh = setup({ statusCacheTtlMs: 0 });
    const jwt = await permit();
    for (const { verify } of [cached, fresh]) expect((await verify(jwt)).state).toBe('valid');
    cached.world.revoke(IS);
    fresh.world.revoke(IS);
    expect((await cached.verify(jwt)).state).toBe('valid');
    expect([cached.world.count(REV), cached.world.count(SUS)]).toEqual([1, 1]);
    expectStatus(await fresh.verify(jwt), 'REVOKED');
    expect([fresh.world.count(REV), fresh.world.count(SUS)]).toEqual([2, 2]);
  });

  it.each([
    ['a failed fetch', async () => () => new Response('busy', { status: 503 }), 'STATUS_UNAVAILABLE'],
    ['a list that failed its check', async () => list({ iss: IS, url: REV, purpose: 'suspension' }), 'STATUS_INVALID'],
  ] as const)('%s is not cached: the next verification tries again', async (_name, failure, code) => {
    const { verify, world } = setup();
    const jwt = await permit();
    world.serve(REV, await failure());
    expectUnchecked(await verify(jwt), code);
    world.restore(REV);
    const r = await verify(jwt);
    expect(r.verified).toBe(true);
    // The good suspension list was kept; only the failed one was fetched again.
    expect([world.count(REV), world.count(SUS)]).toEqual([2, 1]);
  });
});
