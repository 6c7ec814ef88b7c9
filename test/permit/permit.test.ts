/** validatePermit: the credential subject of an issued permit, as the verifier checks it. */

import { describe, it, expect } from 'vitest';
import { validatePermit } from '../../src/permit/validate.js';
import { ISSUED_CONTEXT, issuedFrom, pairs } from './helpers.js';
import { LK_SIGNER, PERMIT_CASES } from './permit-cases.js';
import { ORCHIDS } from './request-cases.js';

describe('validatePermit', () => {
  it.each(PERMIT_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const subject = issuedFrom(ORCHIDS);
    c.mutate(subject);
    const outcome = validatePermit(subject, c.ctx ?? LK_SIGNER);
    expect(pairs(outcome.errors)).toEqual(c.errors);
    expect(outcome.ok).toBe(c.errors.length === 0);
  });

  it('works without a context', () => {
    expect(validatePermit(issuedFrom(ORCHIDS)).ok).toBe(true);
  });

  it('does not apply the domestic-party rules without an issuer country', () => {
    const outcome = validatePermit(issuedFrom(ORCHIDS), ISSUED_CONTEXT);
    expect(pairs(outcome.errors)).toEqual([]);
  });

  it('refuses a non-object, such as a compact JWT string', () => {
    expect(pairs(validatePermit('eyJhbGciOi…').errors)).toEqual([['FIELD_INVALID', '']]);
  });
});
