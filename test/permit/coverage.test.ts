import { describe, it, expect } from 'vitest';
import { RULE_CODES } from '../../src/codes.js';
import { PERMIT_CASES } from './permit-cases.js';
import { REQUEST_CASES } from './request-cases.js';

/** Codes that need the authority's database (the permit being replaced) or its own data (the signatory); test/http and test/issuance cover them. */
const ISSUANCE_CODES = ['REPLACED_PERMIT_UNKNOWN', 'REPLACED_PERMIT_REVOKED', 'REPLACED_PERMIT_USED', 'ISSUED_PERMIT_INVALID'];
/** Cross-permit codes (issue 9): they need the permits the authority received; test/linked covers each. */
const CROSS_PERMIT_CODES = Object.keys(RULE_CODES).filter((c) => /^(IMPORT_PERMIT|ORIGIN_PERMIT)_/.test(c) && !['IMPORT_PERMIT_NUMBER_INVALID', 'IMPORT_PERMIT_ISSUER_UNTRUSTED', 'IMPORT_PERMIT_WRONG_COUNTRY', 'IMPORT_PERMIT_REQUIRED'].includes(c));
ISSUANCE_CODES.push(...CROSS_PERMIT_CODES);

describe('coverage', () => {
  it('every rule code is emitted by at least one fixture', () => {
    const seen = new Set<string>();
    for (const c of REQUEST_CASES) for (const [code] of [...c.errors, ...(c.warnings ?? [])]) seen.add(code);
    for (const c of PERMIT_CASES) for (const [code] of c.errors) seen.add(code);
    expect([...seen].sort()).toEqual(Object.keys(RULE_CODES).filter((c) => !ISSUANCE_CODES.includes(c)).sort());
  });
});
