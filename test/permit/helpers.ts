/** Shared test helpers: the golden examples, a pinned clock and compact views of outcomes. */

import { readFileSync, readdirSync } from 'node:fs';
import type { RuleIssue } from '../../src/codes.js';

/** The pinned "now" of every request test. */
export const NOW = new Date('2026-11-29T10:00:00Z');

const EXAMPLES_DIR = new URL('../../examples/permits/', import.meta.url);

export const EXAMPLE_FILES: string[] = readdirSync(EXAMPLES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

/** A fresh, mutable copy of an example request. */
export function example(file: string): any {
  return JSON.parse(readFileSync(new URL(file, EXAMPLES_DIR), 'utf8'));
}

/** The authority each example is issued at: LK for export-lk-*, NO for *-no-*, CH for import-ch-* and re-export-ch-*. */
export function authorityOf(file: string): string {
  if (file.startsWith('export-lk-')) return 'LK';
  if (file.includes('-no-')) return 'NO';
  if (file.startsWith('import-ch-') || file.startsWith('re-export-ch-')) return 'CH';
  throw new Error(`No authority known for example ${file}`);
}

/** `[code, path]` pairs, the exact form the tests compare. */
export const pairs = (issues: readonly RuleIssue[]): Array<[string, string]> => issues.map((i) => [i.code, i.path]);

/** Block letters A, B, … for the specimens of an issued permit. */
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * Builds the credential subject of an issued permit from an example request, as the
 * issuing agent would: number, valid-until, box 6 authority, box 13 record, block letters.
 */
export function issuedFrom(file: string, overrides: { issuedAt?: string; validUntil?: string } = {}): any {
  const request = example(file);
  const country = authorityOf(file);
  const { specimens, validUntil: _ignored, ...header } = request;
  return {
    permitNumber: `26${country}000123`,
    ...header,
    validUntil: overrides.validUntil ?? '2027-05-29',
    managementAuthority: {
      name: `CITES Management Authority of ${country}`,
      address: 'Ministry of Environment, Capital City',
      country,
      did: `did:web:cites.${country.toLowerCase()}.example`,
    },
    issued: { place: 'Capital City', date: overrides.issuedAt ?? '2026-11-29T10:00:00Z', signatory: 'A. Officer' },
    specimens: specimens.map((s: any, i: number) => ({ block: LETTERS[i], ...s })),
  };
}

export const didOf = (country: string): string => `did:web:cites.${country.toLowerCase()}.example`;
