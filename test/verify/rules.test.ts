/**
 * The permit rules run by default (src/verify/rules.ts): only `checkPermit: false` turns them
 * off, and rules that cannot run are RULES_UNAVAILABLE, never PERMIT_INVALID.
 */
import { describe, expect, it } from 'vitest';
import { VERIFY_CODES } from '../../src/codes.js';
import { createDidResolver } from '../../src/verify/resolver.js';
import { createPermitVerifier } from '../../src/verify/verify.js';
import type { PermitVerifierOptions } from '../../src/verify/verifier-types.js';
import { ISSUER, issuerWorld, NOW, permitPayload, sign, SUBJECT, trustedMa } from './helpers.js';

function verifierWith(extra: Partial<PermitVerifierOptions> = {}) {
  return createPermitVerifier({
    resolveDid: createDidResolver({ methods: ['key'] }),
    trustedIssuers: [trustedMa(ISSUER.didKey)],
    fetch: issuerWorld().fetch,
    ...extra,
  });
}

const permitCheck = (r: { checks: { check: string; code: string; message: string }[] }) => r.checks.find((c) => c.check === 'permit');

/** The test subject with its one block in Appendix II: Art. IV, no import permit needed, so no rule is broken. */
const appendixII = { ...SUBJECT, specimens: SUBJECT.specimens.map((s) => ({ ...s, appendix: 'II' })) };

describe('the permit rules are on by default', () => {
  it('an Appendix I export without an import permit (Art. III(3)) is PERMIT_INVALID with no option given', async () => {
    const r = await verifierWith().verify(await sign(permitPayload(ISSUER.didKey)), { now: NOW });
    expect(r.verified).toBe(false);
    expect(permitCheck(r)).toMatchObject({ ok: false, code: 'PERMIT_INVALID', message: `${VERIFY_CODES.PERMIT_INVALID} 1 rule broken.` });
    expect(r.ruleErrors?.map((e) => [e.code, e.path])).toEqual([['IMPORT_PERMIT_REQUIRED', '/importPermit']]);
  });

  it('a permit that follows the rules passes the permit check and verifies', async () => {
    const r = await verifierWith().verify(await sign(permitPayload(ISSUER.didKey, appendixII)), { now: NOW });
    expect(r.checks.filter((c) => !c.ok)).toEqual([]);
    expect(permitCheck(r)).toMatchObject({ ok: true, code: 'OK', message: 'The permit follows the CITES permit rules.' });
    expect(r.verified).toBe(true);
  });

  it('only checkPermit: false turns them off: no permit check at all', async () => {
    const r = await verifierWith({ checkPermit: false }).verify(await sign(permitPayload(ISSUER.didKey)), { now: NOW });
    expect(permitCheck(r)).toBeUndefined();
    expect(r.ruleErrors).toBeUndefined();
    expect(r.verified).toBe(true);
  });

  it('anything else that is not a function is a programmer mistake', () => {
    expect(() => verifierWith({ checkPermit: true as never })).toThrow(TypeError);
    expect(() => verifierWith({ checkPermit: null as never })).toThrow(TypeError);
  });
});

describe('rules that cannot run are RULES_UNAVAILABLE, not PERMIT_INVALID', () => {
  const cases: [string, PermitVerifierOptions['checkPermit']][] = [
    ['they throw', () => {
      throw new Error('table not loaded');
    }],
    ['they return nothing', () => undefined as never],
    ['they return errors that are not a list', () => ({ errors: 'none', warnings: [] }) as never],
    ['they return findings without a code', () => ({ errors: [{ path: '/x', message: 'm' }], warnings: [] }) as never],
    ['they return no warnings list', () => ({ errors: [] }) as never],
  ];

  it.each(cases)('%s', async (_name, checkPermit) => {
    const r = await verifierWith({ checkPermit }).verify(await sign(permitPayload(ISSUER.didKey, appendixII)), { now: NOW });
    expect(r.verified).toBe(false);
    expect(r.checks.filter((c) => !c.ok).map((c) => [c.check, c.code])).toEqual([['permit', 'RULES_UNAVAILABLE']]);
    expect(permitCheck(r)!.message.startsWith(VERIFY_CODES.RULES_UNAVAILABLE)).toBe(true);
    expect(r.ruleErrors).toBeUndefined();
    // The status is still checked, so the officer sees everything else.
    expect(r.checks.map((c) => c.check)).toContain('status');
  });

  it('the throw is named in the message', async () => {
    const r = await verifierWith({ checkPermit: cases[0]![1] }).verify(await sign(permitPayload(ISSUER.didKey, appendixII)), { now: NOW });
    expect(permitCheck(r)!.message).toBe(`${VERIFY_CODES.RULES_UNAVAILABLE} (table not loaded)`);
  });
});

describe('verifyInput never throws for a fault of the verifier', () => {
  it('a DID resolver that throws is ISSUER_UNRESOLVABLE, not an exception', async () => {
    const verifier = verifierWith({
      resolveDid: () => {
        throw new Error('resolver bug');
      },
    });
    const r = await verifier.verifyInput(await sign(permitPayload(ISSUER.didKey, appendixII)), { now: NOW });
    expect(r.verified).toBe(false);
    expect(r.checks.map((c) => [c.check, c.code])).toEqual([['format', 'OK'], ['algorithm', 'OK'], ['trust', 'OK'], ['issuer', 'ISSUER_UNRESOLVABLE']]);
  });
});
