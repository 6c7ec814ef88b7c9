/**
 * Plausibility warnings (docs/sources.md §3): term–unit and term–purpose pairs that
 * UNEP-WCMC's annual-report validator did not accept in 2018. WCMC treats them as warnings,
 * not errors, and so do we: the officer is told, the request is not refused. A term without
 * pair data (ESH, KNL, TRU, TRW) never warns. Browser-safe.
 */

import type { RuleIssue } from '../codes.js';
import { blockLetter, issue, pointer, specimenLines } from './findings.js';
import type { Rule } from './rules.js';
import { findTerm, isUnusualPurposeForTerm, isUnusualUnitForTerm } from './tables/index.js';

/** Box 9 / 11: a unit the term is not usually counted or measured in. */
export const termUnitUsual: Rule = (doc) =>
  specimenLines(doc).flatMap(({ index, line }): RuleIssue[] => {
    const term = typeof line['term'] === 'string' ? findTerm(line['term']) : undefined;
    const unit = line['unit'];
    if (!term || typeof unit !== 'string' || !isUnusualUnitForTerm(term, unit)) return [];
    return [
      issue(
        'TERM_UNIT_UNUSUAL',
        pointer('specimens', index, 'unit'),
        `Block ${blockLetter(index)}: ${unit} for ${term.code} (${term.description}); usual units are ${term.units?.join(', ')}.`,
      ),
    ];
  });

/** Box 5a / 9: a purpose that is unusual for a block's term (one warning per document, at /purpose). */
export const termPurposeUsual: Rule = (doc) => {
  const purpose = doc['purpose'];
  if (typeof purpose !== 'string') return [];
  const unusual = specimenLines(doc).find(({ line }) => {
    const term = typeof line['term'] === 'string' ? findTerm(line['term']) : undefined;
    return term !== undefined && isUnusualPurposeForTerm(term, purpose);
  });
  if (!unusual) return [];
  const term = findTerm(String(unusual.line['term']))!;
  return [
    issue(
      'TERM_PURPOSE_UNUSUAL',
      '/purpose',
      `Purpose ${purpose} for block ${blockLetter(unusual.index)}, ${term.code} (${term.description}); usual purposes are ${term.purposes?.split('').join(', ')}.`,
    ),
  ];
};

export const WARNING_RULES: readonly Rule[] = [termUnitUsual, termPurposeUsual];
