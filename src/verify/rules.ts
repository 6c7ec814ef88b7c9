/**
 * Step 7 of the permit verifier: the CITES permit rules (src/permit/validate.ts, the same
 * rules issuance applies), run on every verified permit unless the caller turns them off
 * with `checkPermit: false`. Rules that could not run (they threw, or answered something
 * that is not a list of findings) are RULES_UNAVAILABLE, never PERMIT_INVALID: a verifier
 * fault is not a broken rule, and it still keeps the permit from being reported valid.
 */
import type { RuleIssue } from '../codes.js';
import { importPermitTrust } from '../permit/import-permit.js';
import { validatePermit } from '../permit/validate.js';
import type { PermitCheckContext, RuleCheckResult, TrustedIssuer } from './verifier-types.js';

export type PermitRules = (subject: unknown, ctx: PermitCheckContext) => RuleCheckResult;

/**
 * The default: Res. Conf. 12.3 form and content rules, with the issuer's country for box 6,
 * and the verifier's own trusted issuers for the import permit an Appendix I export names
 * (Art. III(2)(d)); an issuer the verifier does not know is left unjudged, since its trust
 * list may be narrower than the issuing authority's.
 */
export function citesPermitRules(trustedIssuers: readonly TrustedIssuer[]): PermitRules {
  const trust = importPermitTrust(trustedIssuers, false);
  return (subject, { issuer, issuedAt, validUntil }) =>
    validatePermit(subject, { issuerCountry: issuer.country, ...(issuedAt !== undefined && { issuedAt }), ...(validUntil !== undefined && { validUntil }), trust });
}

export type RulesOutcome =
  | { ran: false }
  | { ran: true; ok: false; code: 'RULES_UNAVAILABLE'; detail: string }
  | { ran: true; ok: boolean; code: 'OK' | 'PERMIT_INVALID'; detail: string; errors: RuleIssue[]; warnings: RuleIssue[] };

const isIssueList = (v: unknown): v is RuleIssue[] =>
  Array.isArray(v) && v.every((i) => typeof i === 'object' && i !== null && typeof (i as RuleIssue).code === 'string' && typeof (i as RuleIssue).path === 'string' && typeof (i as RuleIssue).message === 'string');

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function runPermitRules(rules: PermitRules | false, subject: unknown, ctx: PermitCheckContext): RulesOutcome {
  if (rules === false) return { ran: false };
  let answer: unknown;
  try {
    answer = rules(subject, ctx);
  } catch (e) {
    return { ran: true, ok: false, code: 'RULES_UNAVAILABLE', detail: `(${e instanceof Error ? e.message : String(e)})` };
  }
  const a = answer as Partial<RuleCheckResult> | null | undefined;
  if (typeof a !== 'object' || a === null || !isIssueList(a.errors) || !isIssueList(a.warnings)) {
    return { ran: true, ok: false, code: 'RULES_UNAVAILABLE', detail: '(the rules gave no list of findings)' };
  }
  const { errors, warnings } = a as RuleCheckResult;
  const warned = warnings.length > 0 ? ` (${plural(warnings.length, 'warning')})` : '';
  return errors.length > 0
    ? { ran: true, ok: false, code: 'PERMIT_INVALID', detail: `${plural(errors.length, 'rule')} broken${warned}.`, errors, warnings }
    : { ran: true, ok: true, code: 'OK', detail: `The permit follows the CITES permit rules${warned}.`, errors, warnings };
}
