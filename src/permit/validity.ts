/**
 * Box 2: how long each document type may be valid (Art. VI(2), Res. Conf. 12.3 (Rev. CoP19); docs/sources.md §1–2).
 *
 * Dates are calendar dates in UTC: a permit is valid through the end of its
 * valid-until day, UTC. Browser-safe (no Node APIs).
 */

import type { DocumentType } from './model.js';

/** The Article VII certificates that may be valid for 3 years, recognised by their box-1 "other" name. */
export type ArticleVIICertificate =
  | 'pre-convention'
  | 'captive-breeding-or-artificial-propagation'
  | 'travelling-exhibition'
  | 'personal-ownership'
  | 'musical-instrument';

/**
 * How the free-text `otherDocumentType` is recognised. English names only: a name we
 * do not recognise gets the shorter 12-month limit, which is the safe direction.
 */
const ARTICLE_VII_NAMES: ReadonlyArray<{ kind: ArticleVIICertificate; pattern: RegExp }> = [
  { kind: 'pre-convention', pattern: /\bpre[-\s]?convention\b/i },
  {
    kind: 'captive-breeding-or-artificial-propagation',
    pattern: /\bcaptive[-\s]?bre(d|eding)\b|\bartificial(ly)?[-\s]?propagat/i,
  },
  { kind: 'travelling-exhibition', pattern: /\btravell?ing[-\s]+exhibition\b/i },
  { kind: 'personal-ownership', pattern: /\b(personal[-\s]+ownership|certificate\s+of\s+ownership)\b/i },
  { kind: 'musical-instrument', pattern: /\bmusical[-\s]+instrument\b/i },
];

/** Which Article VII certificate an "other" document is, if its name says so. */
export function recogniseArticleVIICertificate(otherDocumentType: string | undefined): ArticleVIICertificate | undefined {
  if (!otherDocumentType) return undefined;
  return ARTICLE_VII_NAMES.find(({ pattern }) => pattern.test(otherDocumentType))?.kind;
}

/** The longest validity of a document type, in calendar months from the date of issue. */
export function validityMonths(documentType: DocumentType, otherDocumentType?: string): number {
  switch (documentType) {
    // Convention Art. VI(2): an export permit may be used for export only within 6 months
    // of being granted. Re-export certificates: the same 6 months (Res. Conf. 12.3; US 50 CFR
    // §23.54 and EU Reg. 865/2006 box 2 agree).
    case 'export':
    case 're-export':
      return 6;
    // Import permits: 12 months (Res. Conf. 12.3; US §23.54, EU Reg. 865/2006).
    case 'import':
      return 12;
    // Other documents: 12 months (certificate of origin, introduction from the sea, US
    // §23.54), except the Article VII certificates meant for repeated or long-term use
    // (pre-Convention VII(2), captive breeding / artificial propagation VII(5), travelling
    // exhibitions VII(7), personal ownership Res. Conf. 10.20, musical instruments
    // Res. Conf. 16.8), which may be valid for up to 3 years (US §23.54; EU personal
    // ownership certificate). No single CITES-level figure was found for these (§2).
    case 'other':
      return recogniseArticleVIICertificate(otherDocumentType) ? 36 : 12;
    default:
      // Unknown types are refused by the schema; the shortest limit keeps this function total.
      return 6;
  }
}

/** YYYY-MM-DD of an instant, in UTC. */
export function utcDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * Adds calendar months to the UTC date of `from`, clamping the day to the end of the
 * target month (Aug 31 + 6 months = Feb 28, or Feb 29 in a leap year).
 */
export function addMonthsUtc(from: Date, months: number): string {
  const year = from.getUTCFullYear();
  const month = from.getUTCMonth() + months;
  // Day 0 of the following month is the last day of the target month.
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(from.getUTCDate(), lastDay);
  return utcDate(new Date(Date.UTC(year, month, day)));
}

/** The latest valid-until date (box 2) a document issued at `issuedAt` may carry. */
export function maxValidUntil(documentType: DocumentType, otherDocumentType: string | undefined, issuedAt: Date): string {
  return addMonthsUtc(issuedAt, validityMonths(documentType, otherDocumentType));
}

/** The valid-until date used when a request does not give one: the longest the type allows. */
export function defaultValidUntil(documentType: DocumentType, otherDocumentType: string | undefined, issuedAt: Date): string {
  return maxValidUntil(documentType, otherDocumentType, issuedAt);
}

/** True while `at` is on or before the valid-until day (valid through the end of that day, UTC). */
export function isWithinValidity(validUntil: string, at: Date): boolean {
  return utcDate(at) <= validUntil;
}
