/**
 * The endorsement fixtures: the Swiss re-export of watch straps (blocks A: 250 NAR,
 * B: 120 NAR) issued by hand, a pinned clock, one valid request and a context.
 */

import type { LifecycleIssue } from '../../src/codes.js';
import type { EndorsementRequest } from '../../src/endorsement/model.js';
import type { EndorsementContext } from '../../src/endorsement/validate.js';
import type { Permit } from '../../src/permit/model.js';
import { issuedPermitFrom } from '../permit/helpers.js';

/** Issued 2026-05-04, valid through 2026-11-04 (6 months, Art. VI(2)). */
export const ISSUED_AT = '2026-05-04T09:30:00Z';
export const VALID_UNTIL = '2026-11-04';
/** The pinned "now": a month after issue. */
export const NOW = new Date('2026-06-10T12:00:00Z');

/** A fresh issued permit (CH authority, number 26CH000123). */
export function permit(): Permit {
  return issuedPermitFrom('re-export-ch-watch-straps.json', { issuedAt: ISSUED_AT, validUntil: VALID_UNTIL });
}

/** A fresh valid request: blocks out of order, B partly shipped, A's unit given. */
export function request(): any {
  const body: EndorsementRequest = {
    blocks: [
      { block: 'B', quantity: 100 },
      { block: 'A', quantity: 250, unit: 'NAR' },
    ],
    portOfExport: 'CHGVA',
    date: '2026-06-09',
    transportDocument: '057-12345675',
  };
  return body;
}

export function context(overrides: Partial<EndorsementContext> = {}): EndorsementContext {
  return {
    permit: permit(),
    state: { revoked: false, suspended: false, endorsed: false },
    authorityCountry: 'CH',
    now: NOW,
    ...overrides,
  };
}

/** `[code, path]` pairs, the exact form the tests compare. */
export const pairs = (issues: readonly LifecycleIssue[]): Array<[string, string]> => issues.map((i) => [i.code, i.path]);
