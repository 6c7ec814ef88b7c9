/**
 * One code registry (src/codes.ts): a code name means one thing wherever it is shown, and
 * every code the verifier page shows is defined there with a message.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as codes from '../../src/codes.js';

/** Every table of codes in src/codes.ts: an exported object of string messages named …_CODES. */
const TABLES = (Object.entries(codes) as [string, unknown][]).filter(
  (e): e is [string, Record<string, string>] => /_CODES$/.test(e[0]) && typeof e[1] === 'object' && !Array.isArray(e[1]) && e[0] !== 'SHOWN_CODES',
);

/**
 * Names shipped in two tables before this rule, each meaning the same finding in both (a
 * request field, a date, an over-endorsed quantity, a permit breaking the rules). Codes are
 * never renamed once shipped (src/codes.ts), so these stay; no new name may join them.
 */
const SHIPPED_OVERLAPS = ['DATE_IN_FUTURE', 'FIELD_INVALID', 'FIELD_REQUIRED', 'FIELD_UNKNOWN', 'PERMIT_INVALID', 'QUANTITY_EXCEEDED'];

describe('the code registry', () => {
  it('finds the tables', () => {
    expect(TABLES.map(([name]) => name).sort()).toEqual(['API_CODES', 'AUDIT_CODES', 'EXCHANGE_CODES', 'HOLDER_CODES', 'LIFECYCLE_CODES', 'MAIL_CODES', 'OID4VCI_CODES', 'PRESENTATION_CODES', 'QR_CODES', 'REPORT_CODES', 'RULE_CODES', 'VERIFIER_CODES', 'VERIFY_CODES', 'XML_CODES']);
  });

  it('has code names unique across its tables (but for the shipped overlaps)', () => {
    const tablesOf = new Map<string, string[]>();
    for (const [table, entries] of TABLES) for (const code of Object.keys(entries)) tablesOf.set(code, [...(tablesOf.get(code) ?? []), table]);
    const repeated = [...tablesOf].filter(([, tables]) => tables.length > 1).map(([code]) => code).sort();
    expect(repeated).toEqual(SHIPPED_OVERLAPS);
  });

  it('has the codes a verdict or the page shows unique across their tables, each with a message', () => {
    const shown = [codes.VERIFY_CODES, codes.PRESENTATION_CODES, codes.QR_CODES, codes.VERIFIER_CODES].flatMap((t) => Object.keys(t));
    expect(new Set(shown).size).toBe(shown.length);
    expect(Object.keys(codes.SHOWN_CODES).sort()).toEqual([...shown].sort());
    for (const [code, message] of Object.entries(codes.SHOWN_CODES)) expect(message.length, code).toBeGreaterThan(10);
  });

  it('names codes in upper snake case', () => {
    for (const [, entries] of TABLES) for (const code of Object.keys(entries)) expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
  });
});

describe('the verifier page defines no code of its own', () => {
  const dir = new URL('../../verifier-web/src/', import.meta.url);
  const sources = readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => [f, readFileSync(new URL(f, dir), 'utf8')] as const);

  it.each(sources)('%s names only codes of src/codes.ts', (_file, source) => {
    // A quoted upper-case name that looks like a code (QR_…, …_UNAVAILABLE, …_INVALID, …) must be a known one.
    const known = new Set(TABLES.flatMap(([, t]) => Object.keys(t)));
    const named = [...source.matchAll(/'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g)].map((m) => m[1]!);
    expect(named.filter((n) => !known.has(n))).toEqual([]);
  });
});
