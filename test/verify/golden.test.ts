/**
 * Golden fixture: a valid permit VC-JWT signed with the committed test key.
 * Ed25519 signatures are deterministic (RFC 8032 §5.1.6), so re-signing the same
 * payload must give the same token; if this test fails, the fixture is stale.
 * The token is also a ready-made sample for the CLI and the verifier page (issuer:
 * the did:key of `fixtures/test-keys.json` → `issuer`).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDidResolver } from '../../src/verify/resolver.js';
import { createPermitVerifier } from '../../src/verify/verify.js';
import { ISSUER, NOW, permitPayload, sign, trustedMa } from './helpers.js';

const FILE = new URL('./fixtures/valid-permit.jwt', import.meta.url);
// Regenerate with UPDATE_GOLDEN=1 npx vitest run test/verify/golden.test.ts
if (process.env.UPDATE_GOLDEN === '1' || !existsSync(FILE)) writeFileSync(FILE, `${await sign(permitPayload(ISSUER.didKey))}\n`);
const GOLDEN = readFileSync(FILE, 'utf8').trim();

describe('golden valid permit', () => {
  it('is reproduced exactly by signing the fixture payload with the test key', async () => {
    expect(await sign(permitPayload(ISSUER.didKey))).toBe(GOLDEN);
  });

  it('verifies with a did:key resolver and no fetch', async () => {
    const verifier = createPermitVerifier({
      resolveDid: createDidResolver({ methods: ['key'] }),
      trustedIssuers: [trustedMa(ISSUER.didKey)],
    });
    const r = await verifier.verify(GOLDEN, { now: NOW });
    expect(r.verified).toBe(true);
  });
});
