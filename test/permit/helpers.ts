/** Shared test helpers: the golden examples, a pinned clock and compact views of outcomes. */

import { readFileSync, readdirSync } from 'node:fs';
import type { RuleIssue } from '../../src/codes.js';
import type { Permit } from '../../src/permit/model.js';
import { permitFromSubject } from '../../src/permit/subject.js';

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
 * issuing agent would: number, box 13 place and signatory, block letters. Box 2 and the date
 * of box 13 are the credential's, not the subject's: see `ISSUED_CONTEXT`.
 */
export function issuedFrom(file: string): any {
  const request = example(file);
  const country = authorityOf(file);
  const { specimens, validUntil: _ignored, ...header } = request;
  return {
    permitNumber: `26${country}000123`,
    ...header,
    specimens: specimens.map((s: any, i: number) => ({ block: LETTERS[i], ...s })),
    issuance: { place: 'Capital City', signatory: 'A. Officer' },
  };
}

/**
 * The whole issued permit (the agent's `Permit`): `issuedFrom`'s subject with box 2, the
 * date of box 13 and box 6 put back, as a verifier reads them from the credential.
 */
export function issuedPermitFrom(file: string, dates: { issuedAt?: string; validUntil?: string } = {}): Permit {
  const country = authorityOf(file);
  return permitFromSubject(issuedFrom(file), {
    authority: { name: `CITES Management Authority of ${country}`, address: 'Ministry of Environment, Capital City', country, did: didOf(country) },
    issuedAt: dates.issuedAt ?? '2026-11-29T10:00:00Z',
    expiresAt: `${dates.validUntil ?? '2027-05-29'}T23:59:59Z`,
  });
}

/** The credential's issuanceDate and box 2 (its expirationDate's day) for `issuedFrom` subjects. */
export const ISSUED_CONTEXT = { issuedAt: new Date('2026-11-29T10:00:00Z'), validUntil: '2027-05-29' };

export function didOf(country: string): string {
  return `did:web:cites.${country.toLowerCase()}.example`;
}
