import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIFECYCLE_CODES, TEXT_CODES } from '../../src/codes.js';
import { REQUEST_CASES } from './request-cases.js';

/** Lifecycle codes that belong to status changes and the store, not to endorsement. */
const NOT_ENDORSEMENT = ['NOT_OWN_PERMIT', 'NOT_SUSPENDED', 'REVOCATION_REASON_REQUIRED'];

describe('coverage', () => {
  const seen = [...new Set(REQUEST_CASES.flatMap((c) => c.errors.map(([code]) => code)))].sort();

  it('every lifecycle code of an endorsement is emitted by at least one fixture', () => {
    expect(seen).toEqual([...Object.keys(LIFECYCLE_CODES).filter((c) => !NOT_ENDORSEMENT.includes(c)), ...TEXT_CODES].sort());
  });

  it('every code src/endorsement can emit is among them', () => {
    const source = ['validate.ts', 'findings.ts'].map((f) => readFileSync(new URL(`../../src/endorsement/${f}`, import.meta.url), 'utf8')).join('\n');
    const emitted = new Set([...source.matchAll(/issue\('([A-Z_]+)'/g)].map((m) => m[1]!));
    expect(emitted.size).toBeGreaterThan(10);
    for (const code of emitted) expect(seen, code).toContain(code);
  });
});
