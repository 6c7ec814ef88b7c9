/**
 * Golden fixture: a valid permit VC-JWT signed with the committed test key.
 * Ed25519 signatures are deterministic (RFC 8032 §5.1.6), so re-signing the same
 * payload must give the same token; if this test fails, the fixture is stale.
 * The token is also a ready-made sample for the CLI and the verifier page (issuer:
 * the did:key of `fixtures/test-keys.json` → `issuer`). Like every permit the agent
 * issues, it names a revocation list, a suspension list and its public record, all on
 * cites.example.org: offline it can never be reported valid. Its header names the signing
 * key (`kid`), as the agent signs.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDidResolver } from '../../src/verify/resolver.js';
import { createPermitVerifier } from '../../src/verify/verify.js';
import { ISSUER, issuerWorld, NOW, PERMIT, permitPayload, sign, trustedMa } from './helpers.js';

const FILE = new URL('./fixtures/valid-permit.jwt', import.meta.url);
// Regenerate with UPDATE_GOLDEN=1 npx vitest run test/verify/golden.test.ts, on purpose only:
// a missing fixture fails the run here, since a golden test that writes its own expectation proves nothing.
const HEADER = { alg: 'EdDSA', typ: 'JWT', kid: ISSUER.didKeyMethod };
if (process.env.UPDATE_GOLDEN === '1') writeFileSync(FILE, `${await sign(permitPayload(ISSUER.didKey), ISSUER.privateJwk, HEADER)}\n`);
if (!existsSync(FILE)) throw new Error(`the golden fixture ${FILE.pathname} is missing`);
const GOLDEN = readFileSync(FILE, 'utf8').trim();

describe('golden valid permit', () => {
  it('is reproduced exactly by signing the fixture payload with the test key', async () => {
    expect(await sign(permitPayload(ISSUER.didKey), ISSUER.privateJwk, HEADER)).toBe(GOLDEN);
  });

  it('with a did:key resolver and no fetch: the signature holds, but the status is unavailable, so it is not verified', async () => {
    const verifier = createPermitVerifier({
      // The golden subject is an Appendix I export without box 17's import permit, so the default rules refuse it (test/verify/rules.test.ts); here the other steps are pinned.
      checkPermit: false,
      resolveDid: createDidResolver({ methods: ['key'] }),
      trustedIssuers: [trustedMa(ISSUER.didKey)],
    });
    const r = await verifier.verify(GOLDEN, { now: NOW });
    expect(r.checks.map((c) => [c.check, c.code])).toEqual([
      ['format', 'OK'],
      ['algorithm', 'OK'],
      ['trust', 'OK'],
      ['issuer', 'OK'],
      ['signature', 'OK'],
      ['validity', 'OK'],
      ['status', 'STATUS_UNAVAILABLE'],
      ['endorsement', 'RECORD_UNAVAILABLE'],
    ]);
    expect(r.verified).toBe(false);
    expect(r.state).toBe('unknown');
    expect(r.status).toBeUndefined();
    expect(r.permit).toEqual(PERMIT);
  });

  it('verifies fully against its issuer world (status lists clear, not endorsed)', async () => {
    const world = issuerWorld();
    const verifier = createPermitVerifier({
      // The golden subject is an Appendix I export without box 17's import permit, so the default rules refuse it (test/verify/rules.test.ts); here the other steps are pinned.
      checkPermit: false,
      resolveDid: createDidResolver({ methods: ['key'] }),
      trustedIssuers: [trustedMa(ISSUER.didKey)],
      fetch: world.fetch,
    });
    const r = await verifier.verify(GOLDEN, { now: NOW });
    expect(r.checks.filter((c) => !c.ok)).toEqual([]);
    expect(r.checks.map((c) => c.check)).toEqual(['format', 'algorithm', 'trust', 'issuer', 'signature', 'validity', 'status', 'endorsement']);
    expect(r.verified).toBe(true);
    expect(r.state).toBe('valid');
    expect(r.status).toMatchObject({ revoked: false, suspended: false });
    expect(r.blocks).toEqual([{ block: 'A', scientificName: 'Elephas maximus', permitted: { quantity: 40, unit: 'MLT' }, exported: null }]);
    expect(r.endorsement).toBeUndefined();
    // The URLs the golden token names, literally: a change to the helpers' URL scheme shows here.
    const base = 'https://cites.example.org/did/key/z6MkkekuNqD5UMTkMvcHcks2uzRBVuUmig7hqSqet8NgQ8ms';
    expect([...world.fetch.calls].sort()).toEqual([
      `${base}/records/6f1c2a8e-2d1b-4c1e-9f0a-1b2c3d4e5f60`,
      `${base}/status/revocation/1`,
      `${base}/status/suspension/1`,
    ]);
  });
});
