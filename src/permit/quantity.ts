/**
 * What a quantity on a permit (box 11, box 11a) or on a customs endorsement (box 14) may be,
 * shared by issuance, endorsement and every verifier. Browser-safe.
 *
 * - At most QUANTITY_MAX (10^12 of any unit): more than the whole recorded trade of any
 *   species in any unit, and small enough that with QUANTITY_DECIMALS places a quantity
 *   has at most 15 significant digits, which an IEEE 754 double (what JSON numbers become
 *   in JavaScript) carries exactly: a quantity that passes prints back as the digits sent.
 *   This is also what catches JSON text such as 9007199254740993, which the JSON parser
 *   has already rounded to 9007199254740992 before any check can see it.
 * - At most QUANTITY_DECIMALS (3) decimal places: grams of a kilogram, millilitres of a
 *   litre, cubic decimetres of a cubic metre. The annual-report Guidelines (May 2021) ask
 *   for quantities in the unit of the permit; none needs finer.
 * - A count (unit NAR, or no unit, which the annual-report Guidelines read as the number
 *   of specimens) is a whole number. Refused, not warned: half a specimen cannot be
 *   exported, the endorsement deducts from the count and customs compare counts, so a
 *   fraction is a typing error or the wrong unit (KGM meant), and a verifier must reach the
 *   same verdict as the issuer.
 */

import type { RuleIssue } from '../codes.js';
import { blockLetter, issue, pointer, recordOf, specimenLines } from './findings.js';
import type { Rule } from './rules.js';

/** Largest quantity a permit or endorsement states. */
export const QUANTITY_MAX = 1e12;
/** Most decimal places of a quantity. */
export const QUANTITY_DECIMALS = 3;
/** Units that count specimens: their quantities are whole numbers. */
export const COUNT_UNITS: readonly string[] = ['NAR'];

export type QuantityProblem = 'QUANTITY_TOO_LARGE' | 'QUANTITY_TOO_PRECISE' | 'QUANTITY_NOT_WHOLE';

const DECIMAL = new RegExp(`^\\d+(\\.\\d{1,${QUANTITY_DECIMALS}})?$`);

/** True when the unit counts specimens (NAR, or no unit at all). */
export const isCountUnit = (unit: unknown): boolean => unit === undefined || (typeof unit === 'string' && COUNT_UNITS.includes(unit));

/**
 * What is wrong with a quantity, or undefined. Only finite, non-negative numbers are
 * judged: the type and sign are the schema's to report.
 */
export function quantityProblem(value: unknown, unit: unknown): { code: QuantityProblem; detail: string } | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return undefined;
  if (value > QUANTITY_MAX) return { code: 'QUANTITY_TOO_LARGE', detail: `${String(value)} is more than ${QUANTITY_MAX.toLocaleString('en')}.` };
  // The shortest decimal that reads back as this double (ECMA-262 Number::toString): below
  // QUANTITY_MAX with at most 3 places, it is exactly the decimal the officer wrote.
  if (!DECIMAL.test(String(value))) return { code: 'QUANTITY_TOO_PRECISE', detail: `${String(value)} has more than ${QUANTITY_DECIMALS} decimal places.` };
  if (isCountUnit(unit) && !Number.isInteger(value)) {
    return { code: 'QUANTITY_NOT_WHOLE', detail: `${String(value)} ${typeof unit === 'string' ? unit : '(no unit)'} is a number of specimens.` };
  }
  return undefined;
}

/** Box 11 and 11a of every block: each quantity within bound and precision, counts whole (see above). */
export const quantitiesStateable: Rule = (doc) =>
  specimenLines(doc).flatMap(({ index, line }) => {
    const quota = recordOf(line, 'quota');
    const quotaUnit = quota?.['unit'] ?? line['unit'];
    const checked: Array<[string, unknown, unknown]> = [
      [pointer('specimens', index, 'quantity'), line['quantity'], line['unit']],
      [pointer('specimens', index, 'quota', 'exportedToDate'), quota?.['exportedToDate'], quotaUnit],
      [pointer('specimens', index, 'quota', 'annual'), quota?.['annual'], quotaUnit],
    ];
    return checked.flatMap(([path, value, unit]): RuleIssue[] => {
      const problem = quantityProblem(value, unit);
      return problem ? [issue(problem.code, path, `Block ${blockLetter(index)}: ${problem.detail}`)] : [];
    });
  });
